import { useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { personInput } from "../../../../src/roster/contract.ts";
import { api } from "../../api.ts";
import { Field, issueText } from "../../forms.tsx";
import { type Lang, useLang, useT } from "../../i18n.ts";
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
  /** Checked weekdays as the checkboxes give them ("0" = Sunday). */
  weekdays: ["1", "2", "3", "4", "5"] as string[],
  /** Hours per weekday (0 = Sunday): each day keeps its own, so editing one never rewrites another. */
  hours: Object.fromEntries(
    [0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), { from: "08:15", to: "17:30" }]),
  ) as Record<string, { from: string; to: string }>,
};
type Form = typeof EMPTY;

function formOf(p: Entry): Form {
  const days = Object.keys(p.availability);
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
    availability: Object.fromEntries([...f.weekdays].sort().map((d) => [d, f.hours[d]!])),
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

/** Where the server's field of a refusal lives in this form. */
function formField(path: readonly PropertyKey[]): string {
  const [head, next, last] = path.map(String);
  if (head === "municipalExperience")
    return next === "months" ? "municipalMonths" : "municipalWhere";
  if (head === "certificate") return next === "date" ? "certificateDate" : "certificateGrade";
  if (head === "availability") return `hours.${next}.${last ?? "from"}`;
  return head ?? "root";
}

/**
 * The server's own schema (personInput) run on the body this form would send, each refusal put
 * on the field it concerns: the form refuses exactly what the API would.
 */
function personResolver(lang: Lang): Resolver<Form> {
  return async (values) => {
    const parsed = personInput.safeParse(bodyOf(values, true), {
      error: (issue) => issueText(issue, lang),
    });
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      const keys = formField(issue.path).split(".");
      let node = errors;
      for (const key of keys.slice(0, -1)) {
        node[key] ??= {};
        node = node[key] as Record<string, unknown>;
      }
      node[keys.at(-1)!] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<Form> };
  };
}

/** Adds a person to the roster, or changes their entry sending only what changed. */
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
  const form = useForm<Form>({ defaultValues: original, resolver: personResolver(lang) });
  const { errors, isSubmitting } = form.formState;
  const [unchanged, setUnchanged] = useState(false);
  const weekdays = form.watch("weekdays");
  const number = { valueAsNumber: true } as const;

  const save = form.handleSubmit(async (values) => {
    const changes = person ? changesOf(original, values) : {};
    setUnchanged(person !== null && Object.keys(changes).length === 0);
    if (person && Object.keys(changes).length === 0) return;
    const saved = await ctx.act(
      () =>
        person
          ? api("PATCH", `/api/v1/roster/people/${person.id}`, changes)
          : api("POST", "/api/v1/roster/people", bodyOf(values, true)),
      person
        ? t("rosterPersonForm.rosterUpdated")
        : t("rosterPersonForm.addedToTheRoster", { nameKanji: values.nameKanji }),
    );
    if (saved) onDone();
  });

  return (
    <form
      className="panel wide-panel"
      onSubmit={save}
      aria-label={t("rosterPersonForm.person")}
      noValidate
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
        <Field label={t("rosterPersonForm.nameKanji")} error={errors.nameKanji}>
          <input maxLength={60} {...form.register("nameKanji")} />
        </Field>
        <Field label={t("rosterPersonForm.readingKana")} error={errors.nameKana}>
          <input maxLength={80} {...form.register("nameKana")} />
        </Field>
        <Field label={t("rosterPersonForm.employment")} error={errors.employment}>
          <select {...form.register("employment")}>
            {Object.entries(EMPLOYMENT).map(([value, label]) => (
              <option key={value} value={value}>
                {label[lang]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("rosterPersonForm.startDate")} error={errors.startDate}>
          <input type="date" {...form.register("startDate")} />
        </Field>
        <Field label={t("rosterPersonForm.contactInTheCompany")} error={errors.contact}>
          <input
            maxLength={200}
            placeholder={
              person ? t("rosterPersonForm.onlyToChangeIt") : t("rosterPersonForm.eGExtension")
            }
            {...form.register("contact")}
          />
        </Field>
        <Field
          label={t("rosterPersonForm.cardWorkExperienceMonths")}
          error={errors.cardExperienceMonths}
        >
          <input
            type="number"
            min={0}
            max={600}
            {...form.register("cardExperienceMonths", number)}
          />
        </Field>
        <Field label={t("rosterPersonForm.municipalExperienceWhere")} error={errors.municipalWhere}>
          <input maxLength={120} {...form.register("municipalWhere")} />
        </Field>
        <Field
          label={t("rosterPersonForm.municipalExperienceMonths")}
          error={errors.municipalMonths}
        >
          <input type="number" min={0} max={600} {...form.register("municipalMonths", number)} />
        </Field>
        <Field
          label={t("rosterPersonForm.myNumberCertificateGrade")}
          error={errors.certificateGrade}
        >
          <input
            maxLength={20}
            placeholder={t("rosterPersonForm.eG1")}
            {...form.register("certificateGrade")}
          />
        </Field>
        <Field label={t("rosterPersonForm.certificateDate")} error={errors.certificateDate}>
          <input type="date" {...form.register("certificateDate")} />
        </Field>
        <Field label={t("rosterPersonForm.weeklyHourLimit")} error={errors.weeklyHourLimit}>
          <input type="number" min={1} max={60} {...form.register("weeklyHourLimit", number)} />
        </Field>
      </div>
      <fieldset aria-describedby={errors.workRoles ? "work-roles-error" : undefined}>
        <legend>{t("rosterPersonForm.workTheyMayTake")}</legend>
        {Object.entries(WORK).map(([value, label]) => (
          <label key={value} className="check-option inline">
            <input type="checkbox" value={value} {...form.register("workRoles")} />
            {label[lang]}
          </label>
        ))}
        {errors.workRoles && (
          <span id="work-roles-error" className="field-error" role="alert">
            {errors.workRoles.message}
          </span>
        )}
      </fieldset>
      <fieldset className="availability">
        <legend>{t("rosterPersonForm.availability")}</legend>
        {["1", "2", "3", "4", "5", "6", "0"].map((d) => {
          const name = (
            lang === "ja"
              ? ["日", "月", "火", "水", "木", "金", "土"]
              : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
          )[Number(d)]!;
          const on = weekdays.includes(d);
          const dayErrors = errors.hours?.[d];
          return (
            <div key={d} className="availability-day">
              <label className="check-option inline">
                <input type="checkbox" value={d} {...form.register("weekdays")} />
                {name}
              </label>
              <label>
                <span className="visually-hidden">{t("rosterPersonForm.from", { name })}</span>
                <input type="time" disabled={!on} {...form.register(`hours.${d}.from`)} />
              </label>
              <span aria-hidden="true">〜</span>
              <label>
                <span className="visually-hidden">{t("rosterPersonForm.to", { name })}</span>
                <input type="time" disabled={!on} {...form.register(`hours.${d}.to`)} />
              </label>
              {on && (dayErrors?.from || dayErrors?.to) && (
                <span className="field-error" role="alert">
                  {dayErrors.from?.message ?? dayErrors.to?.message}
                </span>
              )}
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
        <button type="submit" className="primary" disabled={isSubmitting}>
          {person ? t("rosterPersonForm.saveChanges") : t("rosterPersonForm.addToRoster")}
        </button>
        <button type="button" onClick={onDone}>
          {t("rosterPersonForm.close")}
        </button>
      </div>
    </form>
  );
}
