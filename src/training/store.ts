import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "../platform/db/index.ts";
import { trainingAttendance, trainingCourses, trainingSessions } from "./schema.ts";

export type Course = typeof trainingCourses.$inferSelect;
export type TrainingSession = typeof trainingSessions.$inferSelect;

export async function insertCourse(db: Executor, course: Course) {
  await db.insert(trainingCourses).values(course);
}

export async function updateCourse(
  db: Executor,
  tenantId: string,
  courseId: string,
  patch: Partial<Course>,
): Promise<Course | undefined> {
  const [row] = await db
    .update(trainingCourses)
    .set(patch)
    .where(and(eq(trainingCourses.tenantId, tenantId), eq(trainingCourses.courseId, courseId)))
    .returning();
  return row;
}

export async function listCourses(db: Executor, tenantId: string): Promise<Course[]> {
  return db
    .select()
    .from(trainingCourses)
    .where(eq(trainingCourses.tenantId, tenantId))
    .orderBy(desc(trainingCourses.mandatory), asc(trainingCourses.createdAt));
}

export async function insertTrainingSession(
  db: Executor,
  session: TrainingSession,
  personIds: string[],
) {
  await db.insert(trainingSessions).values(session);
  if (personIds.length)
    await db.insert(trainingAttendance).values(
      personIds.map((personId) => ({
        tenantId: session.tenantId,
        sessionId: session.sessionId,
        personId,
      })),
    );
}

export async function listTrainingSessions(
  db: Executor,
  tenantId: string,
): Promise<(TrainingSession & { attendees: string[] })[]> {
  const sessions = await db
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.tenantId, tenantId))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.recordedAt));
  const attendance = await db
    .select()
    .from(trainingAttendance)
    .where(eq(trainingAttendance.tenantId, tenantId));
  return sessions.map((s) => ({
    ...s,
    attendees: attendance.filter((a) => a.sessionId === s.sessionId).map((a) => a.personId),
  }));
}

/** For each person, the courses they attended a session of. */
export async function attendedCourses(
  db: Executor,
  tenantId: string,
  personId?: string,
): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ personId: trainingAttendance.personId, courseId: trainingSessions.courseId })
    .from(trainingAttendance)
    .innerJoin(
      trainingSessions,
      and(
        eq(trainingSessions.tenantId, trainingAttendance.tenantId),
        eq(trainingSessions.sessionId, trainingAttendance.sessionId),
      ),
    )
    .where(
      personId
        ? and(eq(trainingAttendance.tenantId, tenantId), eq(trainingAttendance.personId, personId))
        : eq(trainingAttendance.tenantId, tenantId),
    );
  const result = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = result.get(row.personId) ?? new Set<string>();
    set.add(row.courseId);
    result.set(row.personId, set);
  }
  return result;
}
