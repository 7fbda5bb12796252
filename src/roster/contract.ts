/** Requests and responses of the roster API (従事者名簿), shared with the web app as types. */
import { z } from "zod";
import { hhmm, isoDate } from "../platform/inputs.ts";
import { DESIGNATIONS, EMPLOYMENTS, NOTICE_KINDS, WORK_ROLES } from "./rules.ts";

export const date = isoDate;
export const time = hhmm;
const text = (max: number) => z.string().trim().min(1).max(max);
const availabilitySchema = z.partialRecord(
  z.enum(["0", "1", "2", "3", "4", "5", "6"]),
  z.object({ from: time, to: time }),
);

export const personInput = z.object({
  nameKanji: text(60),
  nameKana: text(80),
  employment: z.enum(EMPLOYMENTS),
  startDate: date,
  endDate: date.nullable().optional(),
  contact: z.string().trim().max(200).nullable().optional(),
  cardExperienceMonths: z.number().int().min(0).max(600),
  municipalExperience: z
    .object({ where: text(120), months: z.number().int().min(1).max(600) })
    .nullable()
    .optional(),
  certificate: z
    .object({ grade: text(20), date })
    .nullable()
    .optional(),
  workRoles: z.array(z.enum(WORK_ROLES)).min(1),
  weeklyHourLimit: z.number().int().min(1).max(60),
  availability: availabilitySchema,
});

const courseRef = z.object({ courseId: z.string(), title: z.string(), titleEn: z.string() });
export const entrySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameKana: z.string(),
  employment: z.enum(EMPLOYMENTS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
  designation: z.enum(DESIGNATIONS).nullable(),
  cardExperienceMonths: z.number(),
  municipalExperience: z.object({ where: z.string(), months: z.number() }).nullable(),
  certificate: z.object({ grade: z.string(), date: z.string() }).nullable(),
  roles: z.array(z.string()),
  weeklyHourLimit: z.number(),
  availability: availabilitySchema,
  hasAccount: z.boolean(),
  mandatoryTrainingComplete: z.boolean(),
  missingCourses: z.array(courseRef),
});

export const noticeSchema = z.object({
  noticeId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  personId: z.string().nullable(),
  summary: z.string(),
  summaryEn: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  chartChanged: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
});

export const shiftSchema = z.object({
  shiftId: z.string(),
  personId: z.string(),
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  work: z.enum(WORK_ROLES),
});
export const dutySchema = z.object({
  date: z.string(),
  open: z.boolean(),
  windows: z.array(z.object({ open: z.string(), close: z.string() })),
  manager: z.object({ id: z.string(), name: z.string() }).nullable(),
  deputy: z.object({ id: z.string(), name: z.string() }).nullable(),
  hours: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      managerOnDuty: z.boolean(),
      deputyOnDuty: z.boolean(),
      uncovered: z.boolean(),
      people: z.number(),
    }),
  ),
  shifts: z.array(
    z.object({
      shiftId: z.string(),
      personId: z.string(),
      name: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      work: z.string(),
    }),
  ),
});

export const personParams = z.object({ personId: z.string().max(64) });
export const noticeParams = z.object({ noticeId: z.string().max(64) });

export const rosterOverviewSchema = z.object({
  people: z.array(entrySchema),
  submittedAt: z.string().nullable(),
  serviceStart: z.string(),
  unacknowledgedNotices: z.number(),
});
export const myRecordSchema = z.object({
  person: entrySchema.nullable(),
  contact: z.string().nullable(),
  training: z.array(z.object({ courseId: z.string(), title: z.string(), heldOn: z.string() })),
  shifts: z.array(shiftSchema),
});
export const accountBody = z.object({
  username: z.string().trim().min(2).max(40),
  role: z.enum(["staff", "deputy", "manager"]),
  password: z.string().max(200),
});
export const shiftBody = z.object({
  personId: z.string().min(1).max(64),
  day: date,
  startTime: time,
  endTime: time,
  work: z.enum(WORK_ROLES),
});
