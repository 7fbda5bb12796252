import { todayInTokyo } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { DomainError } from "../platform/errors.ts";
import type { Ctx } from "../platform/operation.ts";
import { trainingRecords } from "../training/records.ts";
import type { Course } from "../training/store.ts";
import { activeOn, missingMandatoryCourses } from "./rules.ts";
import { findPersonOfUser, type Person } from "./store.ts";

/**
 * What the counter asks before someone serves: refuses unless the user is on today's roster with
 * every mandatory course done. Nobody untrained in personal-data handling serves (仕様 8(4), 12).
 * It reads only the acting user's own record, within the caller's transaction.
 */
export async function requireReadyToServe(ctx: Ctx, userId: string): Promise<Person> {
  return (await servingReadiness(ctx, userId))(todayInTokyo());
}

/**
 * The same check for any day, read once: what a replay of many past days asks before each
 * counter session (the roster's dates and the training as they stand).
 */
export async function servingReadiness(ctx: Ctx, userId: string): Promise<(day: string) => Person> {
  const person = await findPersonOfUser(ctx.tx, ctx.tenantId, userId);
  const missing = person ? await missingCourses(ctx.tx, person) : [];
  return (day) => readyOn(person, missing, day);
}

function readyOn(person: Person | undefined, missing: Course[], day: string): Person {
  if (!person)
    throw new DomainError(
      "forbidden",
      "not_on_roster",
      "従事者名簿に登録されていないため、窓口を開けません。業務管理者に名簿への登録を依頼してください。",
      "You are not on the staff roster, so you cannot open a counter. Ask the manager to add you.",
    );
  if (!activeOn(person, day))
    throw new DomainError(
      "forbidden",
      "not_active_on_roster",
      "本日は名簿上の従事期間外のため、窓口を開けません。",
      "Today is outside your period on the roster, so you cannot open a counter.",
    );
  if (missing.length) throw untrained(person, missing);
  return person;
}

async function missingCourses(db: Executor, person: Person): Promise<Course[]> {
  const { courses, attended } = await trainingRecords(db, person.tenantId, person.personId);
  return missingMandatoryCourses(courses, attended.get(person.personId) ?? new Set());
}

const untrained = (person: Person, missing: Course[]) =>
  new DomainError(
    "forbidden",
    "training_incomplete",
    `必修研修「${missing.map((c) => c.title).join("」「")}」が未受講のため、${person.nameKanji}さんは業務に就けません。`,
    `${person.nameKanji} has not completed the mandatory training "${missing.map((c) => c.titleEn).join('", "')}" and cannot work yet.`,
    { missingCourses: missing.map((c) => c.courseId) },
  );

export async function requireTrained(db: Executor, person: Person) {
  const missing = await missingCourses(db, person);
  if (missing.length) throw untrained(person, missing);
}
