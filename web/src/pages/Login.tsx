import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { loginBody } from "../../../src/platform/auth/contract.ts";
import { ApiError, api, errorText } from "../api.ts";
import { contractResolver, Field } from "../forms.tsx";
import { useLang, useT } from "../i18n.ts";

type LoginFields = z.input<typeof loginBody>;

interface Props {
  onSignedIn: () => Promise<void>;
  onToggleLang: () => void;
}

/** Sign-in: tenant, username and password, then the 6-digit code when the account has TOTP. */
export function Login({ onSignedIn, onToggleLang }: Props) {
  const t = useT();
  const lang = useLang();
  const params = new URLSearchParams(window.location.search);
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginFields>({
    defaultValues: {
      tenant: params.get("tenant") ?? localStorage.getItem("madoguchi.tenant") ?? "nagaoka",
      username: "",
      password: "",
      totp: "",
    },
    resolver: contractResolver(loginBody, lang),
  });
  const { errors, isSubmitting: busy } = form.formState;

  const submit = form.handleSubmit(async ({ totp, ...credentials }) => {
    setError(null);
    try {
      await api("POST", "/api/v1/auth/login", { ...credentials, ...(needTotp ? { totp } : {}) });
      localStorage.setItem("madoguchi.tenant", credentials.tenant);
      await onSignedIn();
    } catch (e) {
      if (e instanceof ApiError && e.body.code === "totp_required") {
        setNeedTotp(true);
      } else {
        setError(errorText(e, lang));
        if (needTotp) form.setValue("totp", "");
      }
    }
  });

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
        <form onSubmit={submit} noValidate>
          {!needTotp ? (
            <>
              <Field label={t("tenant")} error={errors.tenant}>
                <input
                  autoComplete="organization"
                  {...form.register("tenant", { setValueAs: (v: string) => v.trim() })}
                />
              </Field>
              <Field label={t("username")} error={errors.username}>
                <input
                  autoComplete="username"
                  {...form.register("username", { setValueAs: (v: string) => v.trim() })}
                />
              </Field>
              <Field label={t("password")} error={errors.password}>
                <input
                  type="password"
                  autoComplete="current-password"
                  {...form.register("password")}
                />
              </Field>
            </>
          ) : (
            <>
              <p>{t("totpPrompt")}</p>
              <Field label={t("totpCode")} error={errors.totp}>
                <input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  {...form.register("totp", {
                    setValueAs: (v: string) => v.replace(/\D/g, "").slice(0, 6),
                  })}
                />
              </Field>
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
                form.setValue("totp", "");
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
