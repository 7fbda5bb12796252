import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";
import type { Availability } from "./rules.ts";

/** 本業務従事者名簿: everyone who works on the contract. */
export const rosterPeople = pgTable(
  "roster_people",
  {
    tenantId: text("tenant_id").notNull(),
    personId: text("person_id").notNull(),
    nameKanji: text("name_kanji").notNull(),
    nameKana: text("name_kana").notNull(),
    employment: text("employment").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    /** Contact inside the company (extension, mail): personal, shown only to leads, audited. */
    contact: text("contact"),
    /** Months of My Number card work before this contract. */
    cardExperienceMonths: integer("card_experience_months").notNull(),
    /** 自治体における特定個人情報取扱業務の経験: where, and for how long. */
    municipalExperienceWhere: text("municipal_experience_where"),
    municipalExperienceMonths: integer("municipal_experience_months"),
    /** マイナンバー実務検定. */
    certificateGrade: text("certificate_grade"),
    certificateDate: date("certificate_date"),
    workRoles: text("work_roles").array().notNull(),
    weeklyHourLimit: integer("weekly_hour_limit").notNull(),
    availability: jsonb("availability").$type<Availability>().notNull(),
    userId: text("user_id"),
    /** 業務管理者 / 業務副管理者: at most one of each per tenant. */
    designation: text("designation"),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    uniqueIndex("roster_people_user").on(t.tenantId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex("roster_people_designation")
      .on(t.tenantId, t.designation)
      .where(sql`${t.designation} is not null`),
  ],
);

/** Who works when (勤務予定), per person and kind of work. */
export const rosterShifts = pgTable(
  "roster_shifts",
  {
    tenantId: text("tenant_id").notNull(),
    shiftId: text("shift_id").notNull(),
    personId: text("person_id").notNull(),
    day: date("day").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    work: text("work").notNull(),
    createdAt: timestamptz("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.shiftId] }),
    index("roster_shifts_day").on(t.tenantId, t.day, t.personId),
  ],
);

/**
 * What the city receives: the roster submission before the start (名簿・体制図の提出), then a
 * change notice (変更報告) for each change, each acknowledged by the city. `snapshot` is the roster
 * as it stood (no contact data), so the chart of any notice can be drawn again.
 */
export const rosterNotices = pgTable(
  "roster_notices",
  {
    tenantId: text("tenant_id").notNull(),
    noticeId: text("notice_id").notNull(),
    kind: text("kind").notNull(),
    personId: text("person_id"),
    summary: text("summary").notNull(),
    summaryEn: text("summary_en").notNull(),
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>(),
    snapshot: jsonb("snapshot").notNull(),
    chartChanged: boolean("chart_changed").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    acknowledgedAt: timestamptz("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgementNote: text("acknowledgement_note"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.noticeId] }),
    // The roster is submitted once; every later change is a change notice. Two quick submits
    // cannot both succeed.
    uniqueIndex("roster_notices_one_submission").on(t.tenantId).where(sql`kind = 'submission'`),
  ],
);
