import { useMutation } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  passwordChangeBody,
  proofBody,
  totpConfirmBody,
} from "../../../src/platform/auth/contract.ts";
import { api, errorText, type Me } from "../api.ts";
import { contractResolver, Field } from "../forms.tsx";
import { useLang, useT } from "../i18n.ts";
import { OutcomeLine, useCommand } from "../server.tsx";

type Proof = z.infer<typeof proofBody>;
type PasswordChangeFields = z.infer<typeof passwordChangeBody>;

/** Own account: two-factor enrolment (required first for some roles) and password change. */
export function Account({ me, onChanged }: { me: Me; onChanged: () => Promise<void> }) {
  const t = useT();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t("account")}</h1>
      <TwoFactor me={me} onChanged={onChanged} />
      {!me.restriction && <PasswordChange withCode={me.user.totpEnabled} />}
    </section>
  );
}

type Intent = "enrol" | "remove";
type Setup = { secret: string; otpauthUri: string; qr: string };

/** A 6-digit code field: digits only, as an authenticator app shows them. */
const codeInput = { setValueAs: (v: string) => (v ?? "").replace(/\D/g, "").slice(0, 6) };

function TwoFactor({ me, onChanged }: { me: Me; onChanged: () => Promise<void> }) {
  const t = useT();
  const lang = useLang();
  const [intent, setIntent] = useState<Intent | null>(null);
  const required = me.restriction === "totp_enrollment";
  const enabled = me.user.totpEnabled;

  // Starting over or switching off needs the password (and a code once a factor is in force).
  const prove = useMutation({
    mutationFn: async (proof: Proof): Promise<Setup | null> => {
      if (intent === "remove") {
        await api("DELETE", "/api/v1/auth/totp", proof);
        await onChanged();
        return null;
      }
      const result = await api<{ secret: string; otpauthUri: string }>(
        "POST",
        "/api/v1/auth/totp/setup",
        proof,
      );
      return {
        ...result,
        qr: await QRCode.toDataURL(result.otpauthUri, { margin: 1, width: 220 }),
      };
    },
    onSuccess: () => setIntent(null),
  });
  const setup = prove.data ?? null;
  const confirm = useMutation({
    mutationFn: (code: string) => api("POST", "/api/v1/auth/totp/confirm", { code }),
    onSuccess: async () => {
      prove.reset();
      await onChanged();
    },
  });
  const codeForm = useForm<z.infer<typeof totpConfirmBody>>({
    defaultValues: { code: "" },
    resolver: contractResolver(totpConfirmBody, lang),
  });
  const failure = prove.error ?? confirm.error;

  return (
    <div className="panel">
      <h2>{t("twoFactor")}</h2>
      {me.totpReset && (
        <p className="notice" role="status">
          {t("totpResetNotice", {
            by: me.totpReset.by,
            at: new Date(me.totpReset.at).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB"),
          })}
        </p>
      )}
      {required && <p className="notice">{t("twoFactorRequired")}</p>}
      {enabled && !setup && <p className="ok">✓ {t("twoFactorOn")}</p>}
      {!setup && !intent && (
        <div className="actions">
          <button
            type="button"
            className={required ? "primary" : undefined}
            onClick={() => setIntent("enrol")}
          >
            {enabled ? t("twoFactorReenrol") : t("twoFactorSetup")}
          </button>
          {enabled && !me.totpRequired && (
            <button type="button" onClick={() => setIntent("remove")}>
              {t("twoFactorRemove")}
            </button>
          )}
        </div>
      )}
      {intent && (
        <ProofForm
          withCode={enabled}
          submitLabel={intent === "remove" ? t("twoFactorRemove") : t("next")}
          error={prove.error ? errorText(prove.error, lang) : null}
          pending={prove.isPending}
          onSubmit={(proof) => prove.mutate(proof)}
          onCancel={() => {
            setIntent(null);
            prove.reset();
          }}
        />
      )}
      {setup && (
        <form
          onSubmit={codeForm.handleSubmit(({ code }) => confirm.mutate(code))}
          className="totp-setup"
          noValidate
        >
          <img src={setup.qr} alt={t("account.qrAlt")} width={220} height={220} />
          <div>
            <p>
              {t("secretKey")}: <code className="secret">{setup.secret}</code>
            </p>
            <Field label={t("totpCode")} error={codeForm.formState.errors.code}>
              <input
                inputMode="numeric"
                autoComplete="one-time-code"
                {...codeForm.register("code", codeInput)}
              />
            </Field>
            {failure && (
              <p role="alert" className="error">
                {errorText(failure, lang)}
              </p>
            )}
            <button type="submit" className="primary" disabled={confirm.isPending}>
              {t("confirm")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The current password, and a current code when a second factor is in force. */
function ProofForm(props: {
  withCode: boolean;
  submitLabel: string;
  error: string | null;
  pending: boolean;
  onSubmit: (proof: Proof) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const form = useForm<Proof>({
    defaultValues: { password: "", code: "" },
    resolver: contractResolver(proofBody, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(({ password, code }) =>
    props.onSubmit(props.withCode ? { password, code: code ?? "" } : { password }),
  );
  return (
    <form onSubmit={submit} className="proof" noValidate>
      <p>{props.withCode ? t("proveIdentityWithCode") : t("proveIdentity")}</p>
      <Field label={t("currentPassword")} error={errors.password}>
        <input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      {props.withCode && (
        <Field label={t("totpCode")} error={errors.code}>
          <input
            inputMode="numeric"
            autoComplete="one-time-code"
            {...form.register("code", codeInput)}
          />
        </Field>
      )}
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.pending}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function PasswordChange({ withCode }: { withCode: boolean }) {
  const t = useT();
  const lang = useLang();
  const { run, pending, message } = useCommand([]);
  const empty = { current: "", code: "", next: "" };
  const form = useForm<PasswordChangeFields>({
    defaultValues: empty,
    resolver: contractResolver(passwordChangeBody, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(({ current, code, next }) =>
    run(async () => {
      await api("POST", "/api/v1/auth/password", {
        current,
        next,
        ...(withCode ? { code } : {}),
      });
      form.reset(empty);
      return t("saved");
    }),
  );
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2>{t("changePassword")}</h2>
      <Field label={t("currentPassword")} error={errors.current}>
        <input type="password" autoComplete="current-password" {...form.register("current")} />
      </Field>
      {withCode && (
        <Field label={t("totpCode")} error={errors.code}>
          <input
            inputMode="numeric"
            autoComplete="one-time-code"
            {...form.register("code", codeInput)}
          />
        </Field>
      )}
      <Field label={t("newPassword")} error={errors.next}>
        <input type="password" autoComplete="new-password" {...form.register("next")} />
      </Field>
      <OutcomeLine message={message} />
      <button type="submit" className="primary" disabled={pending}>
        {t("changePassword")}
      </button>
    </form>
  );
}
