import type { Executor } from "../platform/db/index.ts";
import { attendedCourses, type Course, listCourses, listTrainingSessions } from "./store.ts";

export type { Course } from "./store.ts";

/**
 * What other domains ask of training: the tenant's courses and, per person, the courses they
 * attended a session of (all people, or one). The roster derives "ready to serve" from it.
 */
export async function trainingRecords(
  db: Executor,
  tenantId: string,
  personId?: string,
): Promise<{ courses: Course[]; attended: Map<string, Set<string>> }> {
  const courses = await listCourses(db, tenantId);
  const attended = await attendedCourses(db, tenantId, personId);
  return { courses, attended };
}

/** The sessions a person attended, newest first: their own training record. */
export async function attendanceOf(db: Executor, tenantId: string, personId: string) {
  const courses = await listCourses(db, tenantId);
  const sessions = await listTrainingSessions(db, tenantId);
  return sessions
    .filter((s) => s.attendees.includes(personId))
    .map((s) => ({
      courseId: s.courseId,
      title: courses.find((c) => c.courseId === s.courseId)?.title ?? s.courseId,
      heldOn: s.heldOn,
    }));
}
