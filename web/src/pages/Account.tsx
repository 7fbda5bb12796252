import QRCode from "qrcode";
import { type FormEvent, useState } from "react";
import { api, errorText, type Me } from "../api.ts";
import { useLang, useT } from "../i18n.ts";

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

function TwoFactor({ me, onChanged }: { me: Me; onChanged: () => Promise<void> }) {
  const t = useT();
  const lang = useLang();
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string; qr: string } | null>(
    null,
  );
  const [intent, setIntent] = useState<Intent | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const required = me.restriction === "totp_enrollment";
  const enabled = me.user.totpEnabled;

  // Starting over or switching off needs the password (and a code once a factor is in force).
  const prove = async (proof: { password: string; code?: string }) => {
    setError(null);
    try {
      if (intent === "remove") {
        await api("DELETE", "/api/v1/auth/totp", proof);
        setIntent(null);
        await onChanged();
        return;
      }
      const result = await api<{ secret: string; otpauthUri: string }>(
        "POST",
        "/api/v1/auth/totp/setup",
        proof,
      );
      setIntent(null);
      setSetup({
        ...result,
        qr: await QRCode.toDataURL(result.otpauthUri, { margin: 1, width: 220 }),
      });
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api("POST", "/api/v1/auth/totp/confirm", { code });
      setSetup(null);
      setCode("");
      await onChanged();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

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
          error={error}
          onSubmit={prove}
          onCancel={() => {
            setIntent(null);
            setError(null);
          }}
        />
      )}
      {setup && (
        <form onSubmit={(e) => void confirm(e)} className="totp-setup">
          <img src={setup.qr} alt={t("account.qrAlt")} width={220} height={220} />
          <div>
            <p>
              {t("secretKey")}: <code className="secret">{setup.secret}</code>
            </p>
            <CodeInput value={code} onChange={setCode} />
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

/** The current password, and a current code when a second factor is in force. */
function ProofForm(props: {
  withCode: boolean;
  submitLabel: string;
  error: string | null;
  onSubmit: (proof: { password: string; code?: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit(props.withCode ? { password, code } : { password });
  };
  return (
    <form onSubmit={submit} className="proof">
      <p>{props.withCode ? t("proveIdentityWithCode") : t("proveIdentity")}</p>
      <CurrentPassword value={password} onChange={setPassword} />
      {props.withCode && <CodeInput value={code} onChange={setCode} />}
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function CurrentPassword({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <label>
      {t("currentPassword")}
      <input
        type="password"
        autoComplete="current-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </label>
  );
}

function CodeInput({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const t = useT();
  return (
    <label>
      {t("totpCode")}
      <input
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, "").slice(0, 6))}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        required
      />
    </label>
  );
}

function PasswordChange({ withCode }: { withCode: boolean }) {
  const t = useT();
  const lang = useLang();
  const [current, setCurrent] = useState("");
  const [code, setCode] = useState("");
  const [next, setNext] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api("POST", "/api/v1/auth/password", { current, next, ...(withCode ? { code } : {}) });
      setCurrent("");
      setCode("");
      setNext("");
      setMessage({ kind: "ok", text: t("saved") });
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)}>
      <h2>{t("changePassword")}</h2>
      <CurrentPassword value={current} onChange={setCurrent} />
      {withCode && <CodeInput value={code} onChange={setCode} />}
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
