import { type FormEvent, useState } from "react";
import { api } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { Field, months } from "./fields.tsx";
import { EMPLOYMENT, type Entry, today, WORK } from "./model.ts";
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
  const t = useT();
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
        ? t("rosterPersonForm.rosterUpdated")
        : t("rosterPersonForm.addedToTheRoster", { nameKanji: form.nameKanji }),
    );
    if (saved) onDone();
  };

  return (
    <form
      className="panel wide-panel"
      onSubmit={(e) => void save(e)}
      aria-label={t("rosterPersonForm.person")}
    >
      <h2>
        {person
          ? t("rosterPersonForm.edit", { name: person.name })
          : t("rosterPersonForm.addAPerson")}
      </h2>
      {ctx.roster.submittedAt && (
        <p className="hint">{t("rosterPersonForm.afterTheSubmissionAdditionsAndChanges")}</p>
      )}
      <div className="grid">
        <Field
          label={t("rosterPersonForm.nameKanji")}
          value={form.nameKanji}
          onChange={(e) => set("nameKanji", e.target.value)}
          required
          maxLength={60}
        />
        <Field
          label={t("rosterPersonForm.readingKana")}
          value={form.nameKana}
          onChange={(e) => set("nameKana", e.target.value)}
          required
          maxLength={80}
        />
        <label>
          {t("rosterPersonForm.employment")}
          <select value={form.employment} onChange={(e) => set("employment", e.target.value)}>
            {Object.entries(EMPLOYMENT).map(([value, label]) => (
              <option key={value} value={value}>
                {label[lang]}
              </option>
            ))}
          </select>
        </label>
        <Field
          label={t("rosterPersonForm.startDate")}
          type="date"
          value={form.startDate}
          onChange={(e) => set("startDate", e.target.value)}
          required
        />
        <Field
          label={t("rosterPersonForm.contactInTheCompany")}
          value={form.contact}
          onChange={(e) => set("contact", e.target.value)}
          maxLength={200}
          placeholder={
            person ? t("rosterPersonForm.onlyToChangeIt") : t("rosterPersonForm.eGExtension")
          }
        />
        <Field
          label={t("rosterPersonForm.cardWorkExperienceMonths")}
          {...months(form.cardExperienceMonths, (v) => set("cardExperienceMonths", v))}
        />
        <Field
          label={t("rosterPersonForm.municipalExperienceWhere")}
          value={form.municipalWhere}
          onChange={(e) => set("municipalWhere", e.target.value)}
          maxLength={120}
        />
        <Field
          label={t("rosterPersonForm.municipalExperienceMonths")}
          {...months(form.municipalMonths, (v) => set("municipalMonths", v))}
        />
        <Field
          label={t("rosterPersonForm.myNumberCertificateGrade")}
          value={form.certificateGrade}
          onChange={(e) => set("certificateGrade", e.target.value)}
          maxLength={20}
          placeholder={t("rosterPersonForm.eG1")}
        />
        <Field
          label={t("rosterPersonForm.certificateDate")}
          type="date"
          value={form.certificateDate}
          onChange={(e) => set("certificateDate", e.target.value)}
        />
        <Field
          label={t("rosterPersonForm.weeklyHourLimit")}
          type="number"
          min={1}
          max={60}
          value={form.weeklyHourLimit}
          onChange={(e) => set("weeklyHourLimit", Number(e.target.value))}
        />
      </div>
      <fieldset>
        <legend>{t("rosterPersonForm.workTheyMayTake")}</legend>
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
        <legend>{t("rosterPersonForm.availability")}</legend>
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
                <span className="visually-hidden">{t("rosterPersonForm.from", { name })}</span>
                <input
                  type="time"
                  value={hours.from}
                  disabled={!on}
                  onChange={(e) => setHours(d, "from", e.target.value)}
                />
              </label>
              <span aria-hidden="true">〜</span>
              <label>
                <span className="visually-hidden">{t("rosterPersonForm.to", { name })}</span>
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
          {t("rosterPersonForm.nothingHasChanged")}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {person ? t("rosterPersonForm.saveChanges") : t("rosterPersonForm.addToRoster")}
        </button>
        <button type="button" onClick={onDone}>
          {t("rosterPersonForm.close")}
        </button>
      </div>
    </form>
  );
}
