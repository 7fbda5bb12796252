import { boolean, date, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/** 研修: courses, their sessions and who attended. */
export const trainingCourses = pgTable(
  "training_courses",
  {
    tenantId: text("tenant_id").notNull(),
    courseId: text("course_id").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en").notNull(),
    content: text("content").notNull(),
    materialVersion: text("material_version").notNull(),
    /** Mandatory before anyone works: personal-data protection, the operation manual. */
    mandatory: boolean("mandatory").notNull(),
    /** 本市の承諾: the city approved this version of the material. */
    approvedAt: timestamptz("approved_at"),
    approvedBy: text("approved_by"),
    createdAt: timestamptz("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.courseId] })],
);

export const trainingSessions = pgTable(
  "training_sessions",
  {
    tenantId: text("tenant_id").notNull(),
    sessionId: text("session_id").notNull(),
    courseId: text("course_id").notNull(),
    heldOn: date("held_on").notNull(),
    materialVersion: text("material_version").notNull(),
    instructor: text("instructor").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: timestamptz("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sessionId] })],
);

export const trainingAttendance = pgTable(
  "training_attendance",
  {
    tenantId: text("tenant_id").notNull(),
    sessionId: text("session_id").notNull(),
    personId: text("person_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sessionId, t.personId] })],
);
