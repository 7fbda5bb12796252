import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  bookingBody,
  type StaffReservation,
  type slotSchema,
} from "../../../../src/reservations/contract.ts";
import { api } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import type { Catalogue } from "../../queue/types.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";

type Slot = z.infer<typeof slotSchema>;

/** The server's booking request as the phone form has it: a caller always leaves a number. */
const phoneBooking = bookingBody
  .pick({ procedure: true, start: true, nameKana: true })
  .extend({ phone: bookingBody.shape.phone.unwrap().min(1) });
type PhoneBookingFields = z.infer<typeof phoneBooking>;

const timeOf = (iso: string) => iso.slice(11, 16);

/** 電話で予約を受ける: the clerk books a slot of the chosen day for a caller. */
export function PhoneBooking(props: {
  tenant: string;
  date: string;
  catalogue: Catalogue | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const { run, pending, message } = useCommand([keys.reservations]);
  const empty: PhoneBookingFields = { procedure: "handover", start: "", nameKana: "", phone: "" };
  const form = useForm<PhoneBookingFields>({
    defaultValues: empty,
    resolver: contractResolver(phoneBooking, lang),
  });
  const { errors } = form.formState;
  const procedure = form.watch("procedure");
  const slots =
    useGet<Slot[]>(
      [...keys.reservations, "slots", procedure, props.date],
      `/api/v1/public/${props.tenant}/slots?procedure=${procedure}&from=${props.date}&to=${props.date}`,
    ).data ?? [];
  const submit = form.handleSubmit((v) =>
    run(async () => {
      const row = await api<StaffReservation>("POST", "/api/v1/reservations", v);
      form.reset({ ...empty, procedure: v.procedure });
      return t("reservations.bookedByPhone", { code: row.code });
    }),
  );
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2>{t("reservations.bookForACaller")}</h2>
      <div className="grid">
        <Field label={t("reservations.procedure")} error={errors.procedure}>
          <select {...form.register("procedure")}>
            {props.catalogue?.procedures
              .filter((p) => p.atCounter && !p.retiredAt)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {lang === "ja" ? p.nameJa : p.nameEn}
                </option>
              ))}
          </select>
        </Field>
        <Field label={t("reservations.time")} error={errors.start}>
          <select {...form.register("start")}>
            <option value="">—</option>
            {slots.map((s) => (
              <option key={s.start} value={s.start} disabled={s.remaining === 0}>
                {timeOf(s.start)} ({t("reservations.left", { remaining: s.remaining })})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("reservations.nameKatakana")} error={errors.nameKana}>
          <input {...form.register("nameKana")} />
        </Field>
        <Field label={t("reservations.phone")} error={errors.phone}>
          <input type="tel" {...form.register("phone")} />
        </Field>
      </div>
      <OutcomeLine message={message} />
      <button type="submit" className="primary" disabled={pending}>
        {t("reservations.book")}
      </button>
    </form>
  );
}
