import { todayInTokyo } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { notFound } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { attendanceOf, type Course, trainingRecords } from "../training/records.ts";
import { activeOn, type Designation, type Employment, missingMandatoryCourses } from "./rules.ts";
import {
  findPerson,
  findPersonOfUser,
  listNotices,
  listPeople,
  type Person,
  shiftsBetween,
} from "./store.ts";

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
    active: activeOn(person, todayInTokyo()),
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
  const people = await listPeople(db, tenantId);
  const { courses, attended } = await trainingRecords(db, tenantId);
  return people.map((p) => rosterEntry(p, courses, attended.get(p.personId)));
}

/** The roster as it stands: everyone who has not left (those joining later included). */
export async function currentRoster(db: Executor, tenantId: string): Promise<RosterEntry[]> {
  const today = todayInTokyo();
  return (await rosterOf(db, tenantId)).filter((p) => p.endDate === null || p.endDate >= today);
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

/** The roster page: everyone, whether it was submitted, and how many notices await the city. */
export async function rosterOverview(ctx: Ctx) {
  const people = await readRoster(ctx);
  const notices = await listNotices(ctx.tx, ctx.tenantId);
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  const submission = notices.find((n) => n.kind === "submission");
  return {
    people,
    submittedAt: submission?.createdAt.toISOString() ?? null,
    serviceStart: tenant!.serviceStart,
    unacknowledgedNotices: notices.filter((n) => !n.acknowledgedAt).length,
  };
}

/** A person on the roster, or 404: what other domains (training) ask about someone. */
export async function findRosterPerson(
  db: Executor,
  tenantId: string,
  personId: string,
  forUpdate = false,
): Promise<Person> {
  const person = await findPerson(db, tenantId, personId, forUpdate);
  if (!person) throw notFound("従事者", "Person");
  return person;
}

/** One person's entry as the roster shows it (after a change to them). */
export async function personEntry(db: Executor, tenantId: string, personId: string) {
  const person = await findRosterPerson(db, tenantId, personId);
  const { courses, attended } = await trainingRecords(db, tenantId, personId);
  return rosterEntry(person, courses, attended.get(personId));
}

/** A person's contact data: only for the leads, each view audited. */
export async function personalContact(ctx: Ctx, { personId }: { personId: string }) {
  requireAccess(ctx, "roster.personal");
  const person = await findRosterPerson(ctx.tx, ctx.tenantId, personId);
  await audit(ctx, {
    action: "roster.read_personal",
    entity: "roster_person",
    entityId: person.personId,
  });
  return { id: person.personId, contact: person.contact };
}

/** One's own record, training and coming shifts (staff see nobody else's). */
export async function myRecord(ctx: Ctx) {
  requireAccess(ctx, "roster.self");
  const person = await findPersonOfUser(ctx.tx, ctx.tenantId, ctx.actor.userId);
  if (!person) return { person: null, contact: null, training: [], shifts: [] };
  const entry = await personEntry(ctx.tx, ctx.tenantId, person.personId);
  const training = await attendanceOf(ctx.tx, ctx.tenantId, person.personId);
  const shifts = await shiftsBetween(
    ctx.tx,
    ctx.tenantId,
    todayInTokyo(),
    "9999-12-31",
    person.personId,
  );
  await audit(ctx, {
    action: "roster.read_personal",
    entity: "roster_person",
    entityId: person.personId,
  });
  return {
    person: entry,
    contact: person.contact,
    training,
    shifts: shifts.slice(0, 30),
  };
}
