import { now, todayInTokyo } from "../platform/clock.ts";
import { conflict, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findRosterPerson } from "./entries.ts";
import { notifyIfSubmitted } from "./rosterNotices.ts";
import {
  DESIGNATION_LABELS,
  type Designation,
  describeMissing,
  EMPLOYMENT_LABELS,
  type Employment,
  missingForManager,
  type NoticeKind,
  noticesForEdit,
} from "./rules.ts";
import { insertPerson, type Person, updatePerson } from "./store.ts";

/** A person on the roster: who, employment, experience, certificate, work, hours. */
export interface PersonInput {
  nameKanji: string;
  nameKana: string;
  employment: Employment;
  startDate: string;
  endDate?: string | null | undefined;
  contact?: string | null | undefined;
  cardExperienceMonths: number;
  municipalExperience?: { where: string; months: number } | null | undefined;
  certificate?: { grade: string; date: string } | null | undefined;
  workRoles: string[];
  weeklyHourLimit: number;
  availability: Person["availability"];
}

function columnsOf(input: Partial<PersonInput>): Partial<Person> {
  const columns: Partial<Person> = {};
  if (input.nameKanji !== undefined) columns.nameKanji = input.nameKanji.trim();
  if (input.nameKana !== undefined) columns.nameKana = input.nameKana.trim();
  if (input.employment !== undefined) columns.employment = input.employment;
  if (input.startDate !== undefined) columns.startDate = input.startDate;
  if (input.endDate !== undefined) columns.endDate = input.endDate;
  if (input.contact !== undefined) columns.contact = input.contact?.trim() || null;
  if (input.cardExperienceMonths !== undefined)
    columns.cardExperienceMonths = input.cardExperienceMonths;
  if (input.municipalExperience !== undefined) {
    columns.municipalExperienceWhere = input.municipalExperience?.where.trim() || null;
    columns.municipalExperienceMonths = input.municipalExperience?.months ?? null;
  }
  if (input.certificate !== undefined) {
    columns.certificateGrade = input.certificate?.grade.trim() || null;
    columns.certificateDate = input.certificate?.date ?? null;
  }
  if (input.workRoles !== undefined) columns.workRoles = [...new Set(input.workRoles)];
  if (input.weeklyHourLimit !== undefined) columns.weeklyHourLimit = input.weeklyHourLimit;
  if (input.availability !== undefined) columns.availability = input.availability;
  return columns;
}

function checkDates(person: Pick<Person, "startDate" | "endDate">) {
  if (person.endDate && person.endDate < person.startDate)
    throw unprocessable(
      "end_before_start",
      "離任日が従事開始日より前です。",
      "The end date is before the start date.",
    );
}

/** 名簿への追加: a join notice follows once the roster is submitted. */
export async function addPerson(ctx: Ctx, input: PersonInput): Promise<Person> {
  requireAccess(ctx, "roster.write");
  const at = now();
  const person: Person = {
    tenantId: ctx.tenantId,
    personId: newId(),
    nameKanji: "",
    nameKana: "",
    employment: "regular",
    startDate: todayInTokyo(),
    endDate: null,
    contact: null,
    cardExperienceMonths: 0,
    municipalExperienceWhere: null,
    municipalExperienceMonths: null,
    certificateGrade: null,
    certificateDate: null,
    workRoles: [],
    weeklyHourLimit: 40,
    availability: {},
    userId: null,
    designation: null,
    createdAt: at,
    updatedAt: at,
    ...columnsOf(input),
  };
  checkDates(person);
  await insertPerson(ctx.tx, person);
  await audit(ctx, {
    action: "roster.person.add",
    entity: "roster_person",
    entityId: person.personId,
    change: { ...person, contact: undefined },
  });
  const employment = EMPLOYMENT_LABELS[person.employment as Employment];
  await notifyIfSubmitted(ctx, {
    kind: "join",
    person,
    detail: {
      ja: `${person.nameKanji}（${employment.ja}、${person.startDate}から）`,
      en: `${person.nameKanji} (${employment.en}, from ${person.startDate})`,
    },
  });
  return person;
}

/** A change to a person's entry: who, and the fields that change. */
export type PersonChange = Partial<PersonInput> & { personId: string };

/** Changes an entry; the changes the city is told of become change notices of their kind. */
export async function editPerson(ctx: Ctx, props: PersonChange): Promise<Person> {
  requireAccess(ctx, "roster.write");
  const { personId, ...input } = props;
  const before = await findRosterPerson(ctx.tx, ctx.tenantId, personId, true);
  const patch = columnsOf(input);
  const after = { ...before, ...patch };
  checkDates(after);
  if (before.designation === "manager") {
    const missing = missingForManager(after);
    if (missing.length) {
      const text = describeMissing(missing);
      throw conflict(
        "manager_would_lose_qualification",
        `この変更では業務管理者の要件（${text.ja}）を満たさなくなります。先に別の方を業務管理者に指名してください。`,
        `After this change the manager would lack ${text.en}. Designate another manager first.`,
        { missing },
      );
    }
  }
  if (after.designation && after.endDate && after.endDate < todayInTokyo())
    throw designatedLeaving(after);
  const updated = await updatePerson(ctx.tx, ctx.tenantId, personId, {
    ...patch,
    updatedAt: now(),
  });
  await audit(ctx, {
    action: "roster.person.update",
    entity: "roster_person",
    entityId: personId,
    change: { ...patch, contact: patch.contact === undefined ? undefined : "(changed)" },
  });
  for (const { kind, changes } of noticesForEdit(before, updated))
    await notifyIfSubmitted(ctx, {
      kind,
      person: updated,
      detail: describeEdit(kind, updated),
      changes,
    });
  return updated;
}

function describeEdit(kind: NoticeKind, person: Person) {
  if (kind !== "leave") return { ja: person.nameKanji, en: person.nameKanji };
  return person.endDate
    ? {
        ja: `${person.nameKanji}（${person.endDate}まで）`,
        en: `${person.nameKanji} (until ${person.endDate})`,
      }
    : {
        ja: `${person.nameKanji}（離任の取消し）`,
        en: `${person.nameKanji} (leaving withdrawn)`,
      };
}

const designatedLeaving = (person: Person) => {
  const label = DESIGNATION_LABELS[person.designation as Designation];
  return conflict(
    "designated_person_leaving",
    `${person.nameKanji}さんは${label.ja}です。離任の前に別の方を${label.ja}に指名してください。`,
    `${person.nameKanji} is the ${label.en.toLowerCase()}. Designate someone else before they leave.`,
  );
};

/** 離任: the person leaves the contract on `endDate` (their last day). */
export async function leavePerson(
  ctx: Ctx,
  { personId, endDate }: { personId: string; endDate: string },
): Promise<Person> {
  requireAccess(ctx, "roster.write");
  const person = await findRosterPerson(ctx.tx, ctx.tenantId, personId);
  if (person.designation) throw designatedLeaving(person);
  return editPerson(ctx, { personId, endDate });
}
