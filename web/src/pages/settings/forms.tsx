import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  newCounterBody,
  newProcedureBody,
  settingsSchema,
} from "../../../../src/queue/contract.ts";
import { settingsSchema as reservationSettingsSchema } from "../../../../src/reservations/contract.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang } from "../../i18n.ts";
import type { Catalogue } from "../../queue/types.ts";

type Submit<T> = (values: T) => Promise<boolean>;
const useL = () => {
  const lang = useLang();
  return [lang, (ja: string, en: string) => (lang === "ja" ? ja : en)] as const;
};

export type AlertSettings = z.infer<typeof settingsSchema>;
/** 警告の基準: the thresholds that raise the counter's alerts, on the server's own schema. */
export function AlertForm(props: {
  values: AlertSettings;
  pending: boolean;
  onSave: Submit<AlertSettings>;
}) {
  const [lang, L] = useL();
  const form = useForm<AlertSettings>({
    values: props.values,
    resolver: contractResolver(settingsSchema, lang),
  });
  const { errors } = form.formState;
  return (
    <form className="panel" onSubmit={form.handleSubmit((v) => props.onSave(v))} noValidate>
      <h2>{L("警告の基準", "Alert thresholds")}</h2>
      <div className="grid">
        <Field
          label={L("最長待ち時間（分）", "Longest wait (minutes)")}
          error={errors.alertLongestWaitMinutes}
        >
          <input
            type="number"
            {...form.register("alertLongestWaitMinutes", { valueAsNumber: true })}
          />
        </Field>
        <Field label={L("待ち人数（人）", "People waiting")} error={errors.alertQueueLength}>
          <input type="number" {...form.register("alertQueueLength", { valueAsNumber: true })} />
        </Field>
        <Field
          label={L("不在にするまでの再呼出回数", "Recalls before a no-show")}
          error={errors.noShowAfterRecalls}
        >
          <input type="number" {...form.register("noShowAfterRecalls", { valueAsNumber: true })} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={props.pending}>
        {L("保存", "Save")}
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
  const [lang, L] = useL();
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
      <h3>{L("手続を追加", "Add a procedure")}</h3>
      <div className="grid">
        <Field label={L("コード（英小文字）", "Code (lower case)")} error={errors.code}>
          <input {...form.register("code", { setValueAs: (v: string) => v.trim() })} />
        </Field>
        <Field label={L("名称", "Name (Japanese)")} error={errors.nameJa}>
          <input {...form.register("nameJa")} />
        </Field>
        <Field label={L("英語名", "Name (English)")} error={errors.nameEn}>
          <input {...form.register("nameEn")} />
        </Field>
        <Field label={L("標準時間（分）", "Standard minutes")} error={errors.standardMinutes}>
          <input type="number" {...form.register("standardMinutes", { valueAsNumber: true })} />
        </Field>
        <label>
          {L("グループ", "Group")}
          <select {...form.register("groupCode")}>
            {props.catalogue?.groups.map((g) => (
              <option key={g.groupCode} value={g.groupCode}>
                {g.prefix} {lang === "ja" ? g.nameJa : g.nameEn}
              </option>
            ))}
          </select>
        </label>
        <Field label={L("持ち物", "What to bring (Japanese)")} error={errors.bringJa}>
          <input {...form.register("bringJa")} />
        </Field>
        <Field label={L("持ち物（英語）", "What to bring (English)")} error={errors.bringEn}>
          <input {...form.register("bringEn")} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={props.pending}>
        {L("追加", "Add")}
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
  const [lang, L] = useL();
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
      <h2>{L("窓口を追加", "Add a counter")}</h2>
      <p>{props.catalogue?.counters.map((c) => c.nameJa).join("・")}</p>
      <div className="grid">
        <Field label={L("窓口番号", "Counter number")} error={errors.counterId}>
          <input {...form.register("counterId", { setValueAs: (v: string) => v.trim() })} />
        </Field>
        <Field label={L("名称", "Name")} error={errors.nameJa}>
          <input {...form.register("nameJa")} />
        </Field>
        <label>
          {L("既定の端末", "Default terminal")}
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
        {L("追加", "Add")}
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
  const [lang, L] = useL();
  const form = useForm<ReservationSettings>({
    values: props.values,
    resolver: contractResolver(reservationSettingsSchema, lang),
  });
  const { errors } = form.formState;
  return (
    <form className="panel" onSubmit={form.handleSubmit((v) => props.onSave(v))} noValidate>
      <h2>{L("来庁案内（予約の方へのご案内）", "Where to come (told to people who book)")}</h2>
      <div className="grid">
        <Field label={L("場所", "Place (Japanese)")} error={errors.placeJa}>
          <input {...form.register("placeJa")} />
        </Field>
        <Field label={L("場所（英語）", "Place (English)")} error={errors.placeEn}>
          <input {...form.register("placeEn")} />
        </Field>
        <Field label={L("地図のリンク（https://…）", "Map link (https://…)")} error={errors.mapUrl}>
          <input type="url" {...form.register("mapUrl")} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={props.pending}>
        {L("保存", "Save")}
      </button>
    </form>
  );
}
