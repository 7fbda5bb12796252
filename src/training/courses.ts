import { now } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findRosterPerson } from "../roster/entries.ts";
import {
  type Course,
  insertCourse,
  insertTrainingSession,
  listCourses,
  listTrainingSessions,
  type TrainingSession,
  updateCourse,
} from "./store.ts";

/**
 * The courses every tenant starts with (仕様 8(4), 12): personal-data protection and the operation
 * manual are mandatory before anyone works; customer service is not.
 */
export const DEFAULT_COURSES = [
  {
    courseId: "personal-data",
    title: "個人情報保護研修",
    titleEn: "Personal data protection",
    content:
      "個人情報保護法・番号法の要点、特定個人情報の取扱い、個人番号を記録しないこと、事故時の報告手順。",
    materialVersion: "1.0",
    mandatory: true,
  },
  {
    courseId: "operation-manual",
    title: "業務マニュアル研修",
    titleEn: "Operation manual",
    content: "窓口・電話・バックヤード各業務の手順、統合端末の操作、本人確認の方法。",
    materialVersion: "1.0",
    mandatory: true,
  },
  {
    courseId: "customer-service",
    title: "接遇研修",
    titleEn: "Customer service",
    content: "来庁者への接遇、高齢者・障害のある方への配慮、苦情対応。",
    materialVersion: "1.0",
    mandatory: false,
  },
] as const;

/** Gives a new tenant its default courses (their material still to be approved by the city). */
export async function seedDefaultCourses(tx: Executor, tenantId: string, approvedBy?: string) {
  const existing = await listCourses(tx, tenantId);
  for (const course of DEFAULT_COURSES) {
    if (existing.some((c) => c.courseId === course.courseId)) continue;
    await insertCourse(tx, {
      tenantId,
      ...course,
      approvedAt: approvedBy ? now() : null,
      approvedBy: approvedBy ?? null,
      createdAt: now(),
    });
  }
}

/** A course: its title, content, the version of its material, and whether it is mandatory. */
export interface CourseInput {
  title: string;
  titleEn: string;
  content: string;
  materialVersion: string;
  mandatory: boolean;
}

/** The courses and the sessions held, with attendees (ids only: names come from the roster). */
export async function trainingOverview(ctx: Ctx) {
  requireAccess(ctx, "roster.read");
  const courses = await listCourses(ctx.tx, ctx.tenantId);
  const sessions = await listTrainingSessions(ctx.tx, ctx.tenantId);
  return { courses, sessions };
}

export async function addCourse(ctx: Ctx, input: CourseInput): Promise<Course> {
  requireAccess(ctx, "roster.write");
  const course: Course = {
    tenantId: ctx.tenantId,
    courseId: newId(),
    ...input,
    approvedAt: null,
    approvedBy: null,
    createdAt: now(),
  };
  await insertCourse(ctx.tx, course);
  await audit(ctx, {
    action: "training.course.add",
    entity: "training_course",
    entityId: course.courseId,
    change: input,
  });
  return course;
}

/** A change to a course; which course, and what changes. */
export type CourseChange = Partial<CourseInput> & { courseId: string };

/** A new version of the material needs the city's approval again. */
export async function editCourse(ctx: Ctx, props: CourseChange): Promise<Course> {
  requireAccess(ctx, "roster.write");
  const { courseId, ...input } = props;
  const before = (await listCourses(ctx.tx, ctx.tenantId)).find((c) => c.courseId === courseId);
  if (!before) throw notFound("研修", "Course");
  const newVersion =
    input.materialVersion !== undefined && input.materialVersion !== before.materialVersion;
  const updated = await updateCourse(ctx.tx, ctx.tenantId, courseId, {
    ...input,
    ...(newVersion ? { approvedAt: null, approvedBy: null } : {}),
  });
  await audit(ctx, {
    action: "training.course.update",
    entity: "training_course",
    entityId: courseId,
    change: input,
  });
  return updated!;
}

/** 本市の承諾: the city approves the course's current material. */
export async function approveCourse(ctx: Ctx, { courseId }: { courseId: string }): Promise<Course> {
  requireAccess(ctx, "training.approve");
  const updated = await updateCourse(ctx.tx, ctx.tenantId, courseId, {
    approvedAt: now(),
    approvedBy: ctx.actor.displayName ?? ctx.actor.userId,
  });
  if (!updated) throw notFound("研修", "Course");
  await audit(ctx, {
    action: "training.course.approve",
    entity: "training_course",
    entityId: courseId,
    change: { materialVersion: updated.materialVersion },
  });
  return updated;
}

/** A session held: which course, when, by whom, and who attended (roster person ids). */
export interface SessionInput {
  courseId: string;
  heldOn: string;
  instructor: string;
  attendees: string[];
}

/** A session held, with who attended: attending is what completes a course for a person. */
export async function recordTrainingSession(
  ctx: Ctx,
  input: SessionInput,
): Promise<TrainingSession & { attendees: string[] }> {
  requireAccess(ctx, "roster.write");
  const attendees = [...new Set(input.attendees)];
  if (attendees.length === 0)
    throw unprocessable("no_attendees", "受講者を選んでください。", "Choose who attended.");
  const course = (await listCourses(ctx.tx, ctx.tenantId)).find(
    (c) => c.courseId === input.courseId,
  );
  if (!course) throw notFound("研修", "Course");
  for (const personId of attendees) {
    const person = await findRosterPerson(ctx.tx, ctx.tenantId, personId);
    if (person.endDate && person.endDate < input.heldOn)
      throw conflict(
        "person_left",
        `${person.nameKanji}さんは${person.endDate}に離任しています。`,
        `${person.nameKanji} left on ${person.endDate}.`,
      );
  }
  const session: TrainingSession = {
    tenantId: ctx.tenantId,
    sessionId: newId(),
    courseId: course.courseId,
    heldOn: input.heldOn,
    materialVersion: course.materialVersion,
    instructor: input.instructor.trim(),
    recordedBy: ctx.actor.displayName ?? ctx.actor.userId,
    recordedAt: now(),
  };
  await insertTrainingSession(ctx.tx, session, attendees);
  await audit(ctx, {
    action: "training.session.record",
    entity: "training_session",
    entityId: session.sessionId,
    change: { courseId: course.courseId, heldOn: input.heldOn, attendees },
  });
  return { ...session, attendees };
}
