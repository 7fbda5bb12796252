import { useForm } from "react-hook-form";
import type { z } from "zod";
import { contactFields } from "../../../../src/reservations/contract.ts";
import { normaliseNameKana, toKatakana } from "../../../../src/reservations/kana.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang } from "../../i18n.ts";

export type Contact = z.infer<typeof contactFields>;

/**
 * The server's contact fields with the server's own rules on top: the name in katakana (the
 * server's normaliser), and an e-mail address or a phone number to reach the person.
 */
const contactForm = contactFields.superRefine((v, ctx) => {
  if (normaliseNameKana(v.nameKana) === null)
    ctx.addIssue({ code: "custom", path: ["nameKana"], message: "kana" });
  if (!v.email && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "contact" });
});

/** Step 4 of booking: name and contact, checked as the server checks them before anything is sent. */
export function ContactForm(props: {
  pending: boolean;
  onSubmit: (contact: Contact) => void;
  onBack: () => void;
}) {
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const form = useForm<Contact>({
    defaultValues: { nameKana: "", email: "", phone: "", reference: "" },
    resolver: contractResolver(contactForm, lang),
    mode: "onTouched",
  });
  const { errors } = form.formState;
  const nameError = errors.nameKana;
  const submit = form.handleSubmit((v) =>
    props.onSubmit({
      nameKana: v.nameKana,
      ...(v.email ? { email: v.email } : {}),
      ...(v.phone ? { phone: v.phone } : {}),
      ...(v.reference ? { reference: v.reference } : {}),
    }),
  );
  const name = form.register("nameKana", {
    // ひらがなはカタカナに直す: the person sees the name as it will be stored.
    onBlur: (e) => form.setValue("nameKana", toKatakana(e.target.value), { shouldValidate: true }),
  });
  return (
    <form onSubmit={submit} aria-labelledby="step4" noValidate>
      <h2 id="step4">4. {L("お名前と連絡先", "Your name and contact")}</h2>
      <p className="notice">
        {L(
          "個人番号（マイナンバー）は入力しないでください。",
          "Never enter your My Number (individual number).",
        )}
      </p>
      <p className="hint">
        <span className="required-mark">{L("必須", "Required")}</span>{" "}
        {L(
          "お名前と、メールアドレスか電話番号のどちらかを入力してください。",
          "Give your name, and an e-mail address or a phone number.",
        )}
      </p>
      <Field
        label={
          <span>
            {L("お名前（カタカナ）", "Name (in katakana)")}{" "}
            <span className="required-mark">{L("必須", "Required")}</span>
          </span>
        }
        error={nameError}
        message={
          nameError?.type === "custom"
            ? L("カタカナで入力してください。", "Please use katakana.")
            : undefined
        }
      >
        <input {...name} autoComplete="off" />
      </Field>
      <p className="hint field-hint">
        {L(
          "例: ナガオカ ハナコ（ひらがなはカタカナに直します）",
          "e.g. ナガオカ ハナコ (hiragana is converted)",
        )}
      </p>
      <Field label={L("メールアドレス", "E-mail")} error={errors.email}>
        <input type="email" {...form.register("email", { deps: ["phone"] })} autoComplete="email" />
      </Field>
      <Field
        label={L("電話番号（メールがない場合）", "Phone (if no e-mail)")}
        error={errors.phone}
        message={
          errors.phone?.type === "custom"
            ? L(
                "メールアドレスか電話番号を入力してください。",
                "Give an e-mail address or a phone number.",
              )
            : undefined
        }
      >
        <input type="tel" {...form.register("phone")} autoComplete="tel" />
      </Field>
      <Field
        label={L(
          "交付通知書の番号（お持ちの場合）",
          "Number on your pick-up notice (if you have one)",
        )}
        error={errors.reference}
      >
        <input {...form.register("reference")} autoComplete="off" />
      </Field>
      <button type="submit" className="primary big" disabled={props.pending}>
        {L("予約する", "Book")}
      </button>
      <button type="button" className="ghost" onClick={props.onBack}>
        ← {L("戻る", "Back")}
      </button>
    </form>
  );
}
