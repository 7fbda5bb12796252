import { useForm } from "react-hook-form";
import type { z } from "zod";
import { contactFields } from "../../../../src/reservations/contract.ts";
import { normaliseNameKana, toKatakana } from "../../../../src/reservations/kana.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";

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
  const t = useT();
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
      <h2 id="step4">4. {t("contactForm.yourNameAndContact")}</h2>
      <p className="notice">{t("contactForm.neverEnterYourMyNumberIndividual")}</p>
      <p className="hint">
        <span className="required-mark">{t("contactForm.required")}</span>{" "}
        {t("contactForm.giveYourNameAndAnE")}
      </p>
      <Field
        label={
          <span>
            {t("contactForm.nameInKatakana")}{" "}
            <span className="required-mark">{t("contactForm.required")}</span>
          </span>
        }
        error={nameError}
        message={nameError?.type === "custom" ? t("contactForm.pleaseUseKatakana") : undefined}
      >
        <input {...name} autoComplete="off" />
      </Field>
      <p className="hint field-hint">{t("contactForm.eGHiraganaIsConverted")}</p>
      <Field label={t("contactForm.eMail")} error={errors.email}>
        <input type="email" {...form.register("email", { deps: ["phone"] })} autoComplete="email" />
      </Field>
      <Field
        label={t("contactForm.phoneIfNoEMail")}
        error={errors.phone}
        message={
          errors.phone?.type === "custom" ? t("contactForm.giveAnEMailAddressOr") : undefined
        }
      >
        <input type="tel" {...form.register("phone")} autoComplete="tel" />
      </Field>
      <Field label={t("contactForm.numberOnYourPickUpNotice")} error={errors.reference}>
        <input {...form.register("reference")} autoComplete="off" />
      </Field>
      <button type="submit" className="primary big" disabled={props.pending}>
        {t("contactForm.book")}
      </button>
      <button type="button" className="ghost" onClick={props.onBack}>
        ← {t("contactForm.back")}
      </button>
    </form>
  );
}
