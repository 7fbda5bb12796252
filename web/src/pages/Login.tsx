import { type FormEvent, useState } from "react";
import { ApiError, api, errorText } from "../api.ts";
import { useLang, useT } from "../i18n.ts";

interface Props {
  onSignedIn: () => Promise<void>;
  onToggleLang: () => void;
}

/** Sign-in: tenant, username and password, then the 6-digit code when the account has TOTP. */
export function Login({ onSignedIn, onToggleLang }: Props) {
  const t = useT();
  const lang = useLang();
  const params = new URLSearchParams(window.location.search);
  const [tenant, setTenant] = useState(
    params.get("tenant") ?? localStorage.getItem("madoguchi.tenant") ?? "nagaoka",
  );
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/api/v1/auth/login", {
        tenant,
        username,
        password,
        ...(needTotp ? { totp } : {}),
      });
      localStorage.setItem("madoguchi.tenant", tenant);
      await onSignedIn();
    } catch (e) {
      if (e instanceof ApiError && e.body.code === "totp_required") {
        setNeedTotp(true);
      } else {
        setError(errorText(e, lang));
        if (needTotp) setTotp("");
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <div className="login-card">
        <div className="login-head">
          <span className="brand-mark big" aria-hidden="true">
            窓
          </span>
          <div>
            <h1>{t("appName")}</h1>
            <p className="sub">madoguchi</p>
          </div>
          <button
            type="button"
            className="ghost"
            onClick={onToggleLang}
            lang={lang === "ja" ? "en" : "ja"}
            title={t("languageLabel")}
          >
            {t("language")}
          </button>
        </div>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {!needTotp ? (
            <>
              <label>
                {t("tenant")}
                <input
                  name="tenant"
                  value={tenant}
                  onChange={(e) => setTenant(e.target.value.trim())}
                  autoComplete="organization"
                  required
                />
              </label>
              <label>
                {t("username")}
                <input
                  name="username"
                  value={username}
                  onChange={(e) => setUsername(e.target.value.trim())}
                  autoComplete="username"
                  required
                />
              </label>
              <label>
                {t("password")}
                <input
                  name="password"
                  type="password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  autoComplete="current-password"
                  required
                />
              </label>
            </>
          ) : (
            <>
              <p>{t("totpPrompt")}</p>
              <label>
                {t("totpCode")}
                <input
                  name="totp"
                  value={totp}
                  onChange={(e) => setTotp(e.target.value.replace(/\D/g, "").slice(0, 6))}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                />
              </label>
            </>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {needTotp ? t("next") : t("signIn")}
          </button>
          {needTotp && (
            <button
              type="button"
              className="ghost"
              onClick={() => {
                setNeedTotp(false);
                setTotp("");
              }}
            >
              {t("back")}
            </button>
          )}
        </form>
      </div>
    </main>
  );
}
