import { useForm } from "react-hook-form";
import type { z } from "zod";
import { exceptionBody } from "../../../../src/calendar/contract.ts";
import { EXCEPTION_KINDS, EXCEPTION_LABELS } from "../../../../src/calendar/labels.ts";
import { hhmm } from "../../../../src/platform/inputs.ts";
import { api } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand } from "../../server.tsx";

/** The form's fields: the server's request, with the hours as two fields on one line. */
const requestForm = exceptionBody
  .pick({ date: true, kind: true, reason: true })
  .extend({ open: hhmm, close: hhmm });
type RequestFields = z.infer<typeof requestForm>;

/** 業務日時の変更申請 (manager): sent to the city, which approves or rejects it. */
export function RequestForm({ defaultDate }: { defaultDate: string }) {
  const t = useT();
  const lang = useLang();
  const { run, pending, message } = useCommand([keys.calendar]);
  const form = useForm<RequestFields>({
    defaultValues: {
      date: defaultDate,
      kind: "extension",
      open: "08:30",
      close: "18:00",
      reason: "",
    },
    resolver: contractResolver(requestForm, lang),
  });
  const { errors } = form.formState;
  const kind = form.watch("kind");
  const needsHours = kind !== "closure";
  const submit = form.handleSubmit((f) =>
    run(async () => {
      const window = { open: f.open, close: f.close };
      await api("POST", "/api/v1/calendar/exceptions", {
        date: f.date,
        kind: f.kind,
        reason: f.reason,
        ...(f.kind === "extension" || f.kind === "temporary_session" ? { counter: window } : {}),
        ...(f.kind === "phone_window" ? { phone: window } : {}),
      } satisfies z.input<typeof exceptionBody>);
      form.reset({ ...f, reason: "" });
      return t("requestSent");
    }),
  );
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2>{t("requestChange")}</h2>
      <div className="grid">
        <Field label={t("date")} error={errors.date}>
          <input type="date" {...form.register("date")} />
        </Field>
        <Field label={t("kind")} error={errors.kind}>
          <select {...form.register("kind")}>
            {EXCEPTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {EXCEPTION_LABELS[k][lang]}
              </option>
            ))}
          </select>
        </Field>
        {needsHours && (
          <>
            <Field label={t("opensAt")} error={errors.open}>
              <input type="time" {...form.register("open")} />
            </Field>
            <Field label={t("closesAt")} error={errors.close}>
              <input type="time" {...form.register("close")} />
            </Field>
          </>
        )}
      </div>
      <Field label={t("reason")} error={errors.reason}>
        <input maxLength={500} {...form.register("reason")} />
      </Field>
      <OutcomeLine message={message} />
      <button type="submit" className="primary" disabled={pending}>
        {t("submitRequest")}
      </button>
    </form>
  );
}
