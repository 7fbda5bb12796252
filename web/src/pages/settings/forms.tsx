import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  newCounterBody,
  newProcedureBody,
  settingsSchema,
} from "../../../../src/queue/contract.ts";
import { settingsSchema as reservationSettingsSchema } from "../../../../src/reservations/contract.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import type { Catalogue } from "../../queue/types.ts";

type Submit<T> = (values: T) => Promise<boolean>;

export type AlertSettings = z.infer<typeof settingsSchema>;
/** 警告の基準: the thresholds that raise the counter's alerts, on the server's own schema. */
export function AlertForm(props: {
  values: AlertSettings;
  pending: boolean;
  onSave: Submit<AlertSettings>;
}) {
  const lang = useLang();
  const t = useT();
  const form = useForm<AlertSettings>({
    values: props.values,
    resolver: contractResolver(settingsSchema, lang),
  });
  const { errors } = form.formState;
  return (
    <form className="panel" onSubmit={form.handleSubmit((v) => props.onSave(v))} noValidate>
      <h2>{t("forms.alertThresholds")}</h2>
      <div className="grid">
        <Field label={t("forms.longestWaitMinutes")} error={errors.alertLongestWaitMinutes}>
          <input
            type="number"
            {...form.register("alertLongestWaitMinutes", { valueAsNumber: true })}
          />
        </Field>
        <Field label={t("forms.peopleWaiting")} error={errors.alertQueueLength}>
          <input type="number" {...form.register("alertQueueLength", { valueAsNumber: true })} />
        </Field>
        <Field label={t("forms.recallsBeforeANoShow")} error={errors.noShowAfterRecalls}>
          <input type="number" {...form.register("noShowAfterRecalls", { valueAsNumber: true })} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={props.pending}>
        {t("forms.save")}
      </button>
    </form>
  );
}

export type NewProcedure = z.input<typeof newProcedureBody>;
/** 手続を追加: a procedure of the tenant's own, with what to bring. */
export function ProcedureForm(props: {
  catalogue: Catalogue | undefined;
  pending: boolean;
  onAdd: Submit<NewProcedure>;
}) {
  const lang = useLang();
  const t = useT();
  const empty: NewProcedure = {
    code: "",
    nameJa: "",
    nameEn: "",
    standardMinutes: 10,
    groupCode: "change",
    bringJa: "",
    bringEn: "",
  };
  const form = useForm<NewProcedure>({
    defaultValues: empty,
    resolver: contractResolver(newProcedureBody, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    if (await props.onAdd({ ...values, needsIntegratedTerminal: false })) form.reset(empty);
  });
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t("forms.addAProcedure")}</h3>
      <div className="grid">
        <Field label={t("forms.codeLowerCase")} error={errors.code}>
          <input {...form.register("code", { setValueAs: (v: string) => v.trim() })} />
        </Field>
        <Field label={t("forms.nameJapanese")} error={errors.nameJa}>
          <input {...form.register("nameJa")} />
        </Field>
        <Field label={t("forms.nameEnglish")} error={errors.nameEn}>
          <input {...form.register("nameEn")} />
        </Field>
        <Field label={t("forms.standardMinutes")} error={errors.standardMinutes}>
          <input type="number" {...form.register("standardMinutes", { valueAsNumber: true })} />
        </Field>
        <label>
          {t("forms.group")}
          <select {...form.register("groupCode")}>
            {props.catalogue?.groups.map((g) => (
              <option key={g.groupCode} value={g.groupCode}>
                {g.prefix} {lang === "ja" ? g.nameJa : g.nameEn}
              </option>
            ))}
          </select>
        </label>
        <Field label={t("forms.whatToBringJapanese")} error={errors.bringJa}>
          <input {...form.register("bringJa")} />
        </Field>
        <Field label={t("forms.whatToBringEnglish")} error={errors.bringEn}>
          <input {...form.register("bringEn")} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={props.pending}>
        {t("forms.add")}
      </button>
    </form>
  );
}

export type NewCounter = z.input<typeof newCounterBody>;
/** 窓口を追加: a counter and the terminal it normally uses. */
export function CounterForm(props: {
  catalogue: Catalogue | undefined;
  pending: boolean;
  onAdd: Submit<NewCounter>;
}) {
  const lang = useLang();
  const t = useT();
  const empty = { counterId: "", nameJa: "", defaultTerminalId: "" };
  const form = useForm<NewCounter>({
    defaultValues: empty,
    resolver: contractResolver(newCounterBody, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async ({ defaultTerminalId, ...rest }) => {
    if (await props.onAdd({ ...rest, ...(defaultTerminalId ? { defaultTerminalId } : {}) }))
      form.reset(empty);
  });
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2>{t("forms.addACounter")}</h2>
      <p>{props.catalogue?.counters.map((c) => c.nameJa).join("・")}</p>
      <div className="grid">
        <Field label={t("forms.counterNumber")} error={errors.counterId}>
          <input {...form.register("counterId", { setValueAs: (v: string) => v.trim() })} />
        </Field>
        <Field label={t("forms.name")} error={errors.nameJa}>
          <input {...form.register("nameJa")} />
        </Field>
        <label>
          {t("forms.defaultTerminal")}
          <select {...form.register("defaultTerminalId")}>
            <option value="">—</option>
            {props.catalogue?.terminals.map((t) => (
              <option key={t.terminalId} value={t.terminalId}>
                {t.terminalId} {t.nameJa}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" className="primary" disabled={props.pending}>
        {t("forms.add")}
      </button>
    </form>
  );
}

export type ReservationSettings = z.input<typeof reservationSettingsSchema>;
/** 来庁案内: where the counter is and a map link, told on the manage page and in every mail. */
export function VisitForm(props: {
  values: ReservationSettings;
  pending: boolean;
  onSave: Submit<ReservationSettings>;
}) {
  const lang = useLang();
  const t = useT();
  const form = useForm<ReservationSettings>({
    values: props.values,
    resolver: contractResolver(reservationSettingsSchema, lang),
  });
  const { errors } = form.formState;
  return (
    <form className="panel" onSubmit={form.handleSubmit((v) => props.onSave(v))} noValidate>
      <h2>{t("forms.whereToComeToldToPeople")}</h2>
      <div className="grid">
        <Field label={t("forms.placeJapanese")} error={errors.placeJa}>
          <input {...form.register("placeJa")} />
        </Field>
        <Field label={t("forms.placeEnglish")} error={errors.placeEn}>
          <input {...form.register("placeEn")} />
        </Field>
        <Field label={t("forms.mapLinkHttps")} error={errors.mapUrl}>
          <input type="url" {...form.register("mapUrl")} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={props.pending}>
        {t("forms.save")}
      </button>
    </form>
  );
}
