import { type FormEvent, useState } from "react";
import { api } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { Field, months } from "./fields.tsx";
import { EMPLOYMENT, type Entry, say, today, WORK } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** The form that adds a person to the roster or changes their entry. */
const EMPTY = {
  nameKanji: "",
  nameKana: "",
  employment: "fixed_term",
  startDate: "",
  contact: "",
  cardExperienceMonths: 0,
  municipalWhere: "",
  municipalMonths: 0,
  certificateGrade: "",
  certificateDate: "",
  workRoles: ["counter"] as string[],
  weeklyHourLimit: 35,
  weekdays: [1, 2, 3, 4, 5] as number[],
  /** Hours per weekday (0 = Sunday): each day keeps its own, so editing one never rewrites another. */
  hours: Object.fromEntries(
    [0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), { from: "08:15", to: "17:30" }]),
  ) as Record<string, { from: string; to: string }>,
};
type Form = typeof EMPTY;

function formOf(p: Entry): Form {
  const days = Object.keys(p.availability).map(Number);
  return {
    nameKanji: p.name,
    nameKana: p.nameKana,
    employment: p.employment,
    startDate: p.startDate,
    contact: "",
    cardExperienceMonths: p.cardExperienceMonths,
    municipalWhere: p.municipalExperience?.where ?? "",
    municipalMonths: p.municipalExperience?.months ?? 0,
    certificateGrade: p.certificate?.grade ?? "",
    certificateDate: p.certificate?.date ?? "",
    workRoles: p.roles,
    weeklyHourLimit: p.weeklyHourLimit,
    weekdays: days,
    hours: { ...EMPTY.hours, ...p.availability },
  };
}

function bodyOf(f: Form, includeContact: boolean) {
  return {
    nameKanji: f.nameKanji,
    nameKana: f.nameKana,
    employment: f.employment,
    startDate: f.startDate,
    ...(includeContact ? { contact: f.contact || null } : {}),
    cardExperienceMonths: Number(f.cardExperienceMonths),
    municipalExperience:
      f.municipalWhere.trim() && Number(f.municipalMonths) > 0
        ? { where: f.municipalWhere, months: Number(f.municipalMonths) }
        : null,
    certificate:
      f.certificateGrade.trim() && f.certificateDate
        ? { grade: f.certificateGrade, date: f.certificateDate }
        : null,
    workRoles: f.workRoles,
    weeklyHourLimit: Number(f.weeklyHourLimit),
    availability: Object.fromEntries(
      [...f.weekdays].sort().map((d) => [String(d), f.hours[String(d)]!]),
    ),
  };
}

/** Only what the form changed, so an edit never writes back a value it did not touch. */
function changesOf(before: Form, after: Form): Record<string, unknown> {
  const was = bodyOf(before, false) as Record<string, unknown>;
  const now = bodyOf(after, after.contact !== "") as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(now).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(was[key]),
    ),
  );
}

/** Mirrors the server's rule only to offer the button; the server decides and explains. */
export function PersonForm({
  ctx,
  person,
  onDone,
}: {
  ctx: RosterContext;
  person: Entry | null;
  onDone: () => void;
}) {
  const lang = useLang();
  const s = say(lang);
  const [original] = useState<Form>(() =>
    person ? formOf(person) : { ...EMPTY, startDate: today() },
  );
  const [form, setForm] = useState<Form>(original);
  const [unchanged, setUnchanged] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const setHours = (day: number, edge: "from" | "to", value: string) =>
    set("hours", { ...form.hours, [day]: { ...form.hours[String(day)]!, [edge]: value } });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes = person ? changesOf(original, form) : {};
    setUnchanged(person !== null && Object.keys(changes).length === 0);
    if (person && Object.keys(changes).length === 0) return;
    const saved = await ctx.act(
      () =>
        person
          ? api("PATCH", `/api/v1/roster/people/${person.id}`, changes)
          : api("POST", "/api/v1/roster/people", bodyOf(form, true)),
      person
        ? s("名簿を更新しました。", "Roster updated.")
        : s(
            `${form.nameKanji}さんを名簿に追加しました。`,
            `${form.nameKanji} added to the roster.`,
          ),
    );
    if (saved) onDone();
  };

  return (
    <form
      className="panel wide-panel"
      onSubmit={(e) => void save(e)}
      aria-label={s("従事者の情報", "Person")}
    >
      <h2>
        {person
          ? s(`${person.name}さんの情報を変更`, `Edit ${person.name}`)
          : s("従事者を追加", "Add a person")}
      </h2>
      {ctx.roster.submittedAt && (
        <p className="hint">
          {s(
            "提出後の追加・変更は、変更報告として市に自動で送られます。",
            "After the submission, additions and changes are reported to the city automatically.",
          )}
        </p>
      )}
      <div className="grid">
        <Field
          label={s("氏名（漢字）", "Name (kanji)")}
          value={form.nameKanji}
          onChange={(e) => set("nameKanji", e.target.value)}
          required
          maxLength={60}
        />
        <Field
          label={s("ふりがな", "Reading (kana)")}
          value={form.nameKana}
          onChange={(e) => set("nameKana", e.target.value)}
          required
          maxLength={80}
        />
        <label>
          {s("雇用形態", "Employment")}
          <select value={form.employment} onChange={(e) => set("employment", e.target.value)}>
            {Object.entries(EMPLOYMENT).map(([value, label]) => (
              <option key={value} value={value}>
                {label[lang]}
              </option>
            ))}
          </select>
        </label>
        <Field
          label={s("従事開始日", "Start date")}
          type="date"
          value={form.startDate}
          onChange={(e) => set("startDate", e.target.value)}
          required
        />
        <Field
          label={s("社内連絡先", "Contact in the company")}
          value={form.contact}
          onChange={(e) => set("contact", e.target.value)}
          maxLength={200}
          placeholder={
            person
              ? s("変更する場合のみ入力", "Only to change it")
              : s("内線番号など", "e.g. extension")
          }
        />
        <Field
          label={s("カード業務の経験（か月）", "Card work experience (months)")}
          {...months(form.cardExperienceMonths, (v) => set("cardExperienceMonths", v))}
        />
        <Field
          label={s("自治体での特定個人情報取扱業務の経験（どこで）", "Municipal experience: where")}
          value={form.municipalWhere}
          onChange={(e) => set("municipalWhere", e.target.value)}
          maxLength={120}
        />
        <Field
          label={s("同 期間（か月）", "Municipal experience: months")}
          {...months(form.municipalMonths, (v) => set("municipalMonths", v))}
        />
        <Field
          label={s("マイナンバー実務検定（級）", "My Number certificate (grade)")}
          value={form.certificateGrade}
          onChange={(e) => set("certificateGrade", e.target.value)}
          maxLength={20}
          placeholder={s("例: 1級", "e.g. 1級")}
        />
        <Field
          label={s("同 取得日", "Certificate date")}
          type="date"
          value={form.certificateDate}
          onChange={(e) => set("certificateDate", e.target.value)}
        />
        <Field
          label={s("週の上限（時間）", "Weekly hour limit")}
          type="number"
          min={1}
          max={60}
          value={form.weeklyHourLimit}
          onChange={(e) => set("weeklyHourLimit", Number(e.target.value))}
        />
      </div>
      <fieldset>
        <legend>{s("担当できる業務", "Work they may take")}</legend>
        {Object.entries(WORK).map(([value, label]) => (
          <label key={value} className="check-option inline">
            <input
              type="checkbox"
              checked={form.workRoles.includes(value)}
              onChange={() => set("workRoles", toggle(form.workRoles, value))}
            />
            {label[lang]}
          </label>
        ))}
      </fieldset>
      <fieldset className="availability">
        <legend>{s("勤務可能な曜日と時間", "Availability")}</legend>
        {[1, 2, 3, 4, 5, 6, 0].map((d) => {
          const name = (
            lang === "ja"
              ? ["日", "月", "火", "水", "木", "金", "土"]
              : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
          )[d]!;
          const on = form.weekdays.includes(d);
          const hours = form.hours[String(d)]!;
          return (
            <div key={d} className="availability-day">
              <label className="check-option inline">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => set("weekdays", toggle(form.weekdays, d))}
                />
                {name}
              </label>
              <label>
                <span className="visually-hidden">{s(`${name}曜 から`, `${name} from`)}</span>
                <input
                  type="time"
                  value={hours.from}
                  disabled={!on}
                  onChange={(e) => setHours(d, "from", e.target.value)}
                />
              </label>
              <span aria-hidden="true">〜</span>
              <label>
                <span className="visually-hidden">{s(`${name}曜 まで`, `${name} to`)}</span>
                <input
                  type="time"
                  value={hours.to}
                  disabled={!on}
                  onChange={(e) => setHours(d, "to", e.target.value)}
                />
              </label>
            </div>
          );
        })}
      </fieldset>
      {unchanged && (
        <p role="status" className="notice">
          {s("変更はありません。", "Nothing has changed.")}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {person ? s("変更を保存", "Save changes") : s("名簿に追加", "Add to roster")}
        </button>
        <button type="button" onClick={onDone}>
          {s("閉じる", "Close")}
        </button>
      </div>
    </form>
  );
}
