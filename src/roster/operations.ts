import { businessDayOf } from "../calendar/operations.ts";
import { type Actor, auditContext } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { changeRoleWithin } from "../platform/auth/accounts.ts";
import { localDate, now } from "../platform/clock.ts";
import {
  type Db,
  type Executor,
  isUniqueViolation,
  type Tx,
  transaction,
} from "../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import {
  activeOn,
  CHART_KINDS,
  DESIGNATION_LABELS,
  type Designation,
  describeMissing,
  dutyCoverage,
  EMPLOYMENT_LABELS,
  type Employment,
  missingForManager,
  missingMandatoryCourses,
  NOTICE_LABELS,
  type NoticeKind,
  noticesForEdit,
} from "./rules.ts";
import {
  acknowledgeNoticeRow,
  attendedCourses,
  type Course,
  findDesignated,
  findNotice,
  findPerson,
  hasSubmission,
  insertNotice,
  insertPerson,
  listCourses,
  listPeople,
  type Notice,
  type Person,
  shiftsBetween,
  updatePerson,
} from "./store.ts";

const today = () => localDate(now());

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

// ---- what the city sees, and what a change tells it ----

/** A person as the roster shows them to the city: no contact data. */
export function rosterEntry(person: Person, courses: Course[], attended: Set<string> | undefined) {
  const missing = missingMandatoryCourses(courses, attended ?? new Set());
  return {
    id: person.personId,
    name: person.nameKanji,
    nameKana: person.nameKana,
    employment: person.employment as Employment,
    startDate: person.startDate,
    endDate: person.endDate,
    active: activeOn(person, today()),
    designation: (person.designation as Designation | null) ?? null,
    cardExperienceMonths: person.cardExperienceMonths,
    municipalExperience:
      person.municipalExperienceWhere && person.municipalExperienceMonths
        ? { where: person.municipalExperienceWhere, months: person.municipalExperienceMonths }
        : null,
    certificate:
      person.certificateGrade && person.certificateDate
        ? { grade: person.certificateGrade, date: person.certificateDate }
        : null,
    roles: person.workRoles,
    weeklyHourLimit: person.weeklyHourLimit,
    availability: person.availability,
    hasAccount: person.userId !== null,
    mandatoryTrainingComplete: missing.length === 0,
    missingCourses: missing.map((c) => ({
      courseId: c.courseId,
      title: c.title,
      titleEn: c.titleEn,
    })),
  };
}
export type RosterEntry = ReturnType<typeof rosterEntry>;

export async function rosterOf(db: Executor, tenantId: string): Promise<RosterEntry[]> {
  const [people, courses, attended] = await Promise.all([
    listPeople(db, tenantId),
    listCourses(db, tenantId),
    attendedCourses(db, tenantId),
  ]);
  return people.map((p) => rosterEntry(p, courses, attended.get(p.personId)));
}

/** The roster for a reader (the CLI, reports): names are personal data, so the read is audited with it. */
export async function readRoster(ctx: Ctx): Promise<RosterEntry[]> {
  requireAccess(ctx, "roster.read");
  const entries = await rosterOf(ctx.tx, ctx.tenantId);
  await audit(ctx, {
    action: "roster.read",
    entity: "roster_person",
    change: { count: entries.length },
  });
  return entries;
}

/** The roster as the city is told of it: people on it now, without contact data. */
async function snapshotOf(tx: Executor, tenantId: string) {
  return (await rosterOf(tx, tenantId)).filter((p) => p.endDate === null || p.endDate >= today());
}

async function notify(
  tx: Tx,
  actor: Actor,
  kind: NoticeKind,
  person: Person | undefined,
  detail: { ja: string; en: string },
  changes: Notice["changes"] = null,
): Promise<Notice> {
  const label = NOTICE_LABELS[kind];
  const notice: Notice = {
    tenantId: actor.tenantId,
    noticeId: newId(),
    kind,
    personId: person?.personId ?? null,
    summary: `${label.ja}：${detail.ja}`,
    summaryEn: `${label.en}: ${detail.en}`,
    changes,
    snapshot: await snapshotOf(tx, actor.tenantId),
    chartChanged: CHART_KINDS.has(kind),
    createdAt: now(),
    createdBy: actor.displayName ?? actor.userId,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgementNote: null,
  };
  await insertNotice(tx, notice);
  await recordAudit(tx, auditContext(actor), {
    action: "roster.notice",
    entity: "roster_notice",
    entityId: notice.noticeId,
    change: { kind, personId: notice.personId },
  });
  return notice;
}

/** Once the roster is submitted, each change is reported; before, the roster is a draft. */
async function notifyIfSubmitted(
  tx: Tx,
  actor: Actor,
  kind: NoticeKind,
  person: Person,
  detail: { ja: string; en: string },
  changes: Notice["changes"] = null,
) {
  if (await hasSubmission(tx, actor.tenantId))
    await notify(tx, actor, kind, person, detail, changes);
}

const nameOf = (p: Person) => ({ ja: p.nameKanji, en: p.nameKanji });

// ---- people ----

export async function addPerson(db: Db, actor: Actor, input: PersonInput): Promise<Person> {
  const at = now();
  const person: Person = {
    tenantId: actor.tenantId,
    personId: newId(),
    nameKanji: "",
    nameKana: "",
    employment: "regular",
    startDate: today(),
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
  return transaction(db, async (tx) => {
    await insertPerson(tx, person);
    await recordAudit(tx, auditContext(actor), {
      action: "roster.person.add",
      entity: "roster_person",
      entityId: person.personId,
      change: { ...person, contact: undefined },
    });
    const employment = EMPLOYMENT_LABELS[person.employment as Employment];
    await notifyIfSubmitted(tx, actor, "join", person, {
      ja: `${person.nameKanji}（${employment.ja}、${person.startDate}から）`,
      en: `${person.nameKanji} (${employment.en}, from ${person.startDate})`,
    });
    return person;
  });
}

async function lockedPerson(tx: Executor, tenantId: string, personId: string) {
  const person = await findPerson(tx, tenantId, personId, true);
  if (!person) throw notFound("従事者", "Person");
  return person;
}

export async function editPerson(
  db: Db,
  actor: Actor,
  personId: string,
  input: Partial<PersonInput>,
): Promise<Person> {
  return transaction(db, async (tx) => {
    const before = await lockedPerson(tx, actor.tenantId, personId);
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
    if (after.designation && after.endDate && after.endDate < today())
      throw designatedLeaving(after);
    const updated = await updatePerson(tx, actor.tenantId, personId, {
      ...patch,
      updatedAt: now(),
    });
    const edits = noticesForEdit(before, updated);
    await recordAudit(tx, auditContext(actor), {
      action: "roster.person.update",
      entity: "roster_person",
      entityId: personId,
      change: { ...patch, contact: patch.contact === undefined ? undefined : "(changed)" },
    });
    for (const { kind, changes } of edits)
      await notifyIfSubmitted(tx, actor, kind, updated, describeEdit(kind, updated), changes);
    return updated;
  });
}

function describeEdit(kind: NoticeKind, person: Person) {
  if (kind === "leave")
    return person.endDate
      ? {
          ja: `${person.nameKanji}（${person.endDate}まで）`,
          en: `${person.nameKanji} (until ${person.endDate})`,
        }
      : {
          ja: `${person.nameKanji}（離任の取消し）`,
          en: `${person.nameKanji} (leaving withdrawn)`,
        };
  return nameOf(person);
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
export async function leavePerson(db: Db, actor: Actor, personId: string, endDate: string) {
  const person = await findPerson(db, actor.tenantId, personId);
  if (!person) throw notFound("従事者", "Person");
  if (person.designation) throw designatedLeaving(person);
  return editPerson(db, actor, personId, { endDate });
}

/**
 * 業務管理者・業務副管理者の指名. The manager must be a regular employee with municipal
 * experience and the certificate; the deputy is someone else. The previous holder steps down.
 */
export async function designate(
  db: Db,
  actor: Actor,
  personId: string,
  designation: Designation,
): Promise<Person> {
  const label = DESIGNATION_LABELS[designation];
  try {
    return await transaction(db, async (tx) => {
      const person = await lockedPerson(tx, actor.tenantId, personId);
      if (!activeOn(person, today()))
        throw unprocessable(
          "person_not_active",
          `${person.nameKanji}さんは現在名簿上の従事者ではありません。`,
          `${person.nameKanji} is not on the roster today.`,
        );
      if (person.designation === designation) return person;
      if (person.designation) {
        const other = DESIGNATION_LABELS[person.designation as Designation];
        throw conflict(
          "deputy_must_be_another_person",
          `${person.nameKanji}さんは既に${other.ja}です。業務管理者と業務副管理者は別の方を指名してください。`,
          `${person.nameKanji} is already the ${other.en.toLowerCase()}. The manager and the deputy must be different people.`,
        );
      }
      if (designation === "manager") {
        const missing = missingForManager(person);
        if (missing.length) {
          const text = describeMissing(missing);
          throw unprocessable(
            `manager_requires_${missing[0]}`,
            `業務管理者には次の要件が必要です：${text.ja}。${person.nameKanji}さんはこれを満たしていません。`,
            `A manager needs ${text.en}; ${person.nameKanji} does not have it.`,
            { missing },
          );
        }
      }
      const previous = await findDesignated(tx, actor.tenantId, designation);
      if (previous)
        await updatePerson(tx, actor.tenantId, previous.personId, {
          designation: null,
          updatedAt: now(),
        });
      const updated = await updatePerson(tx, actor.tenantId, personId, {
        designation,
        updatedAt: now(),
      });
      // Accounts follow the designation: least privilege for the one stepping down, the role
      // (and its second factor at the next sign-in) for the one designated.
      if (previous?.userId) await changeRoleWithin(tx, actor, previous.userId, "staff");
      if (person.userId) await changeRoleWithin(tx, actor, person.userId, designation);
      await recordAudit(tx, auditContext(actor), {
        action: "roster.designate",
        entity: "roster_person",
        entityId: personId,
        change: { designation, previous: previous?.personId ?? null },
      });
      await notifyIfSubmitted(
        tx,
        actor,
        "designation",
        updated,
        {
          ja: `${label.ja}に${person.nameKanji}${previous ? `（前任 ${previous.nameKanji}）` : ""}`,
          en: `${label.en}: ${person.nameKanji}${previous ? ` (replacing ${previous.nameKanji})` : ""}`,
        },
        { [designation]: { before: previous?.nameKanji ?? null, after: person.nameKanji } },
      );
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        "designation_changed",
        "同時に別の指名が行われました。もう一度お試しください。",
        "Another designation was made at the same moment; try again.",
      );
    throw error;
  }
}

// ---- submission and the city's acknowledgement ----

/** 名簿・体制図の提出: once, before the service start; afterwards changes go as notices. */
/**
 * 名簿の提出: once. The database holds one submission per tenant (a partial unique index), so two
 * quick clicks, or two leads at once, give one submission and one clear refusal.
 */
export async function submitRoster(ctx: Ctx): Promise<Notice & { late: boolean }> {
  requireAccess(ctx, "roster.write");
  const alreadySubmitted = () =>
    conflict(
      "already_submitted",
      "名簿は提出済みです。以後の変更は変更報告として自動で送られます。",
      "The roster is already submitted; changes are now reported as change notices.",
    );
  if (await hasSubmission(ctx.tx, ctx.tenantId)) throw alreadySubmitted();
  for (const designation of ["manager", "deputy"] as const) {
    if (!(await findDesignated(ctx.tx, ctx.tenantId, designation))) {
      const label = DESIGNATION_LABELS[designation];
      throw unprocessable(
        `${designation}_not_designated`,
        `${label.ja}が指名されていません。提出の前に指名してください。`,
        `No ${label.en.toLowerCase()} is designated; designate one before submitting.`,
      );
    }
  }
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  const late = tenant !== undefined && today() >= tenant.serviceStart;
  const people = await snapshotOf(ctx.tx, ctx.tenantId);
  try {
    const notice = await ctx.tx.transaction((sp) =>
      notify(sp, ctx.actor, "submission", undefined, {
        ja: `${people.length}名${late ? "（業務開始後の提出）" : ""}`,
        en: `${people.length} people${late ? " (after the service start)" : ""}`,
      }),
    );
    return { ...notice, late };
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySubmitted();
    throw error;
  }
}

export async function acknowledgeNotice(
  db: Db,
  actor: Actor,
  noticeId: string,
  note: string | undefined,
): Promise<Notice> {
  return transaction(db, async (tx) => {
    const notice = await findNotice(tx, actor.tenantId, noticeId);
    if (!notice) throw notFound("変更報告", "Notice");
    // The row update re-checks under its lock, so two officers clicking at once get one record.
    const updated = notice.acknowledgedAt
      ? undefined
      : await acknowledgeNoticeRow(tx, actor.tenantId, noticeId, {
          acknowledgedAt: now(),
          acknowledgedBy: actor.displayName ?? actor.userId,
          acknowledgementNote: note?.trim() || null,
        });
    if (!updated)
      throw conflict(
        "already_acknowledged",
        "この報告は確認済みです。",
        "This notice is already acknowledged.",
      );
    await recordAudit(tx, auditContext(actor), {
      action: "roster.notice.acknowledge",
      entity: "roster_notice",
      entityId: noticeId,
      change: { note: updated.acknowledgementNote },
    });
    return updated;
  });
}

// ---- the service day: is the manager or the deputy on duty in every open hour? ----

function mergeWindows(windows: { open: string; close: string }[]) {
  const sorted = [...windows].sort((a, b) => a.open.localeCompare(b.open));
  const merged: { open: string; close: string }[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && w.open <= last.close) last.close = w.close > last.close ? w.close : last.close;
    else merged.push({ ...w });
  }
  return merged;
}

/** The duty view names who is on duty when: a read of personal data, audited with the read. */
export async function dutyView(ctx: Ctx, { date }: { date: string }) {
  requireAccess(ctx, "roster.read");
  const day = await dutyDay(ctx.tx, ctx.tenantId, date);
  await audit(ctx, { action: "roster.duty.read", entity: "roster_shift", change: { date } });
  return day;
}

export async function dutyDay(db: Executor, tenantId: string, day: string) {
  const [calendar, shifts, manager, deputy, people] = await Promise.all([
    businessDayOf(db, tenantId, day),
    shiftsBetween(db, tenantId, day, day),
    findDesignated(db, tenantId, "manager"),
    findDesignated(db, tenantId, "deputy"),
    listPeople(db, tenantId),
  ]);
  const windows = mergeWindows(
    [calendar.counter, calendar.phone, ...(calendar.extraSessions ?? [])].filter(
      (w): w is { open: string; close: string } => w !== null,
    ),
  );
  const names = new Map(people.map((p) => [p.personId, p.nameKanji]));
  return {
    date: day,
    open: windows.length > 0,
    windows,
    manager: manager ? { id: manager.personId, name: manager.nameKanji } : null,
    deputy: deputy ? { id: deputy.personId, name: deputy.nameKanji } : null,
    hours: dutyCoverage(windows, shifts, {
      manager: manager?.personId ?? null,
      deputy: deputy?.personId ?? null,
    }),
    shifts: shifts.map((s) => ({
      shiftId: s.shiftId,
      personId: s.personId,
      name: names.get(s.personId) ?? "",
      startTime: s.startTime,
      endTime: s.endTime,
      work: s.work,
    })),
  };
}
