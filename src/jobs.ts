import type { Logger } from "pino";
import { systemActor } from "./platform/actor.ts";
import { cleanExpiredSessions } from "./platform/auth/cleanup.ts";
import type { Config } from "./platform/config.ts";
import type { Db } from "./platform/db/index.ts";
import { purgeRateWindows } from "./platform/http/rateLimit.ts";
import { allTenantIds, runExclusive } from "./platform/jobs/exclusive.ts";
import { createMailDelivery } from "./platform/jobs/mailDelivery.ts";
import { type Job, scheduleJobs } from "./platform/jobs/schedule.ts";
import { channelsNamed } from "./platform/notify/channels.ts";
import { type Ctx, runOperation } from "./platform/operation.ts";
import { sendDueTurnNotices } from "./queue/turnNotices.ts";
import { queueReminders } from "./reservations/dayNotices.ts";
import { purgeContactData } from "./reservations/purge.ts";

const HOUR = 3_600_000;

/**
 * A job that acts in every tenant through that tenant's own operation, as the server (`system`),
 * in one transaction per tenant, under the job's advisory lock. Returns what each tenant did.
 */
export async function inEveryTenant<T>(
  db: Db,
  job: string,
  operation: (ctx: Ctx) => Promise<T>,
  who = "server",
): Promise<{ tenantId: string; result: T }[]> {
  return (
    (await runExclusive(db, job, async () => {
      const results: { tenantId: string; result: T }[] = [];
      for (const tenantId of await allTenantIds(db)) {
        results.push({
          tenantId,
          result: await runOperation(db, systemActor(tenantId, who), operation),
        });
      }
      return results;
    })) ?? []
  );
}

/** The server's background work: mail delivery, reminders, purges, session cleanup. */
export function startJobs(db: Db, config: Config, logger: Logger): () => void {
  const mail = config.smtpUrl
    ? createMailDelivery(db, config.smtpUrl, config.mailFrom, {
        onDead: (m) =>
          logger.error(
            { tenantId: m.tenantId, mailId: m.mailId, kind: m.kind, error: m.error },
            "mail is a dead letter",
          ),
      })
    : undefined;
  const channels = channelsNamed(config.noticeChannels);
  const jobs: Job[] = [
    // 保存期間を過ぎた連絡先の消去: at start and every six hours, so "daily" holds across restarts.
    {
      name: "purge",
      everyMs: 6 * HOUR,
      run: () => inEveryTenant(db, "purge", (ctx) => purgeContactData(ctx)),
    },
    // 前日のお知らせ: every hour, so each booking gets one whatever time the server started.
    {
      name: "reminders",
      everyMs: HOUR,
      run: () =>
        inEveryTenant(db, "reminders", (ctx) =>
          queueReminders(ctx, { publicUrl: config.publicUrl }),
        ),
    },
    // 呼出前のお知らせ: every few seconds, so a notice goes out soon after the call that made it due.
    {
      name: "turn-notices",
      everyMs: 10_000,
      run: () =>
        inEveryTenant(db, "turn-notices", (ctx) =>
          sendDueTurnNotices(ctx, { publicUrl: config.publicUrl, channels }),
        ),
    },
    {
      name: "session-cleanup",
      everyMs: HOUR,
      run: () => inEveryTenant(db, "session-cleanup", cleanExpiredSessions),
    },
    // Spent request-rate windows (hashed addresses) of every process.
    {
      name: "rate-windows",
      everyMs: HOUR,
      run: () => runExclusive(db, "rate-windows", () => purgeRateWindows(db)),
    },
  ];
  if (mail) jobs.push({ name: "mail", everyMs: 2_000, run: () => mail.flush() });
  const stop = scheduleJobs(jobs, (job, error) => logger.error({ err: error, job }, "job failed"));
  return () => {
    stop();
    mail?.close();
  };
}
