import { type Actor, auditContext } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { now } from "../platform/clock.ts";
import { type Db, type Executor, transaction } from "../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import {
  type Course,
  findPerson,
  insertCourse,
  insertTrainingSession,
  listCourses,
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

export interface CourseInput {
  title: string;
  titleEn: string;
  content: string;
  materialVersion: string;
  mandatory: boolean;
}

export async function addCourse(db: Db, actor: Actor, input: CourseInput): Promise<Course> {
  const course: Course = {
    tenantId: actor.tenantId,
    courseId: newId(),
    ...input,
    approvedAt: null,
    approvedBy: null,
    createdAt: now(),
  };
  await transaction(db, async (tx) => {
    await insertCourse(tx, course);
    await recordAudit(tx, auditContext(actor), {
      action: "training.course.add",
      entity: "training_course",
      entityId: course.courseId,
      change: input,
    });
  });
  return course;
}

/** A new version of the material needs the city's approval again. */
export async function editCourse(
  db: Db,
  actor: Actor,
  courseId: string,
  input: Partial<CourseInput>,
): Promise<Course> {
  return transaction(db, async (tx) => {
    const before = (await listCourses(tx, actor.tenantId)).find((c) => c.courseId === courseId);
    if (!before) throw notFound("研修", "Course");
    const newVersion =
      input.materialVersion !== undefined && input.materialVersion !== before.materialVersion;
    const updated = await updateCourse(tx, actor.tenantId, courseId, {
      ...input,
      ...(newVersion ? { approvedAt: null, approvedBy: null } : {}),
    });
    await recordAudit(tx, auditContext(actor), {
      action: "training.course.update",
      entity: "training_course",
      entityId: courseId,
      change: input,
    });
    return updated!;
  });
}

/** 本市の承諾: the city approves the course's current material. */
export async function approveCourse(db: Db, actor: Actor, courseId: string): Promise<Course> {
  return transaction(db, async (tx) => {
    const updated = await updateCourse(tx, actor.tenantId, courseId, {
      approvedAt: now(),
      approvedBy: actor.displayName ?? actor.userId,
    });
    if (!updated) throw notFound("研修", "Course");
    await recordAudit(tx, auditContext(actor), {
      action: "training.course.approve",
      entity: "training_course",
      entityId: courseId,
      change: { materialVersion: updated.materialVersion },
    });
    return updated;
  });
}

export interface SessionInput {
  courseId: string;
  heldOn: string;
  instructor: string;
  attendees: string[];
}

/** A session held, with who attended: attending is what completes a course for a person. */
export async function recordTrainingSession(
  db: Db,
  actor: Actor,
  input: SessionInput,
): Promise<TrainingSession & { attendees: string[] }> {
  const attendees = [...new Set(input.attendees)];
  if (attendees.length === 0)
    throw unprocessable("no_attendees", "受講者を選んでください。", "Choose who attended.");
  return transaction(db, async (tx) => {
    const course = (await listCourses(tx, actor.tenantId)).find(
      (c) => c.courseId === input.courseId,
    );
    if (!course) throw notFound("研修", "Course");
    for (const personId of attendees) {
      const person = await findPerson(tx, actor.tenantId, personId);
      if (!person) throw notFound("従事者", "Person");
      if (person.endDate && person.endDate < input.heldOn)
        throw conflict(
          "person_left",
          `${person.nameKanji}さんは${person.endDate}に離任しています。`,
          `${person.nameKanji} left on ${person.endDate}.`,
        );
    }
    const session: TrainingSession = {
      tenantId: actor.tenantId,
      sessionId: newId(),
      courseId: course.courseId,
      heldOn: input.heldOn,
      materialVersion: course.materialVersion,
      instructor: input.instructor.trim(),
      recordedBy: actor.displayName ?? actor.userId,
      recordedAt: now(),
    };
    await insertTrainingSession(tx, session, attendees);
    await recordAudit(tx, auditContext(actor), {
      action: "training.session.record",
      entity: "training_session",
      entityId: session.sessionId,
      change: { courseId: course.courseId, heldOn: input.heldOn, attendees },
    });
    return { ...session, attendees };
  });
}
