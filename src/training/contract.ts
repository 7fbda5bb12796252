/** Requests and responses of the training API (研修), shared with the web app as types. */
import { z } from "zod";
import { isoDate } from "../platform/inputs.ts";

const dateSchema = isoDate;
const text = (max: number) => z.string().trim().min(1).max(max);

export const courseSchema = z.object({
  courseId: z.string(),
  title: z.string(),
  titleEn: z.string(),
  content: z.string(),
  materialVersion: z.string(),
  mandatory: z.boolean(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
export const courseInput = z.object({
  title: text(80),
  titleEn: text(120),
  content: z.string().trim().max(2000),
  materialVersion: text(20),
  mandatory: z.boolean(),
});
export const trainingSessionSchema = z.object({
  sessionId: z.string(),
  courseId: z.string(),
  heldOn: z.string(),
  materialVersion: z.string(),
  instructor: z.string(),
  recordedBy: z.string(),
  attendees: z.array(z.string()),
});
export const sessionInput = z.object({
  courseId: z.string().min(1).max(64),
  heldOn: dateSchema,
  instructor: text(60),
  attendees: z.array(z.string().max(64)).min(1).max(500),
});
export const courseParams = z.object({ courseId: z.string().max(64) });
