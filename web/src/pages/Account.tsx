import QRCode from "qrcode";
import { type FormEvent, useEffect, useState } from "react";
import { api, errorText, type Me } from "../api.ts";
import { useLang, useT } from "../i18n.ts";

/** Own account: two-factor enrolment (required first for some roles) and password change. */
export function Account({ me, onChanged }: { me: Me; onChanged: () => Promise<void> }) {
  const t = useT();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t("account")}</h1>
      <TwoFactor me={me} onChanged={onChanged} />
      {!me.restriction && <PasswordChange />}
    </section>
  );
}

function TwoFactor({ me, onChanged }: { me: Me; onChanged: () => Promise<void> }) {
  const t = useT();
  const lang = useLang();
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string; qr: string } | null>(
    null,
  );
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const required = me.restriction === "totp_enrollment";

  const begin = async () => {
    const result = await api<{ secret: string; otpauthUri: string }>(
      "POST",
      "/api/v1/auth/totp/setup",
    );
    setSetup({
      ...result,
      qr: await QRCode.toDataURL(result.otpauthUri, { margin: 1, width: 220 }),
    });
  };
  useEffect(() => {
    if (required && !setup) void begin();
  });

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api("POST", "/api/v1/auth/totp/confirm", { code });
      setSetup(null);
      await onChanged();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <div className="panel">
      <h2>{t("twoFactor")}</h2>
      {required && <p className="notice">{t("twoFactorRequired")}</p>}
      {me.user.totpEnabled && !setup && <p className="ok">✓ {t("twoFactorOn")}</p>}
      {!me.user.totpEnabled && !setup && !required && (
        <button type="button" onClick={() => void begin()}>
          {t("twoFactorSetup")}
        </button>
      )}
      {setup && (
        <form onSubmit={(e) => void confirm(e)} className="totp-setup">
          <img
            src={setup.qr}
            alt={lang === "ja" ? "認証アプリ用QRコード" : "QR code for the authenticator app"}
            width={220}
            height={220}
          />
          <div>
            <p>
              {t("secretKey")}: <code className="secret">{setup.secret}</code>
            </p>
            <label>
              {t("totpCode")}
              <input
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                required
              />
            </label>
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <button type="submit" className="primary">
              {t("confirm")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function PasswordChange() {
  const t = useT();
  const lang = useLang();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api("POST", "/api/v1/auth/password", { current, next });
      setCurrent("");
      setNext("");
      setMessage({ kind: "ok", text: t("saved") });
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)}>
      <h2>{t("changePassword")}</h2>
      <label>
        {t("currentPassword")}
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
        />
      </label>
      <label>
        {t("newPassword")}
        <input
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
          minLength={10}
        />
      </label>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary">
        {t("changePassword")}
      </button>
    </form>
  );
}
