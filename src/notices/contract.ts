/** Requests and responses of notices to staff (周知徹底), shared with the web app. */
import { z } from "zod";

export const noticeInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
  essential: z.boolean(),
});
export const noticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  essential: z.boolean(),
  publishedAt: z.string(),
  publishedByName: z.string(),
  readAt: z.string().nullable(),
});
export type NoticeOut = z.infer<typeof noticeSchema>;
export const readersSchema = z.object({
  noticeId: z.string(),
  read: z.array(z.object({ name: z.string(), readAt: z.string() })),
  unread: z.array(z.object({ name: z.string() })),
});
