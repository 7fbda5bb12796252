import type { Logger } from "pino";
import type { Database } from "../platform/db/index.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { DEMO_TENANT } from "../platform/tenancy/tenant.ts";
import { makeHistory } from "./history.ts";

export interface BackgroundHistory {
  /** Resolves when the history is made, stopped or failed. */
  done: Promise<void>;
  /** Asks it to stop after the day being made, and waits for that. */
  stop(): Promise<void>;
}

/**
 * The demo tenant's service history, made while the server already serves: on the first start of
 * a demo database, and on later starts until it is complete (a stopped run goes on where it
 * stopped). Progress goes to the console as one line per month, and the log. A month is made
 * whole or not at all (one transaction): one that fails leaves nothing, and the next start makes
 * it again; the failure is logged with its cause.
 */
export function demoHistoryInBackground(
  database: Database,
  logger: Logger,
  write: (text: string) => void = (text) => process.stdout.write(text),
): BackgroundHistory {
  const controller = new AbortController();
  const done = (async () => {
    if (!(await findTenant(database.db, DEMO_TENANT.tenantId))) return;
    const result = await makeHistory(database, DEMO_TENANT.tenantId, {
      signal: controller.signal,
      // Said at once, not after the first month's plan: the person starting the demo sees why it works.
      onStart: (days) =>
        write(
          `  デモの利用履歴を作成しています（${days}日） / making the demo's service history (${days} days) …\n`,
        ),
      onProgress: (line) => {
        write(`  ${line}\n`);
        logger.debug({ progress: line }, "demo history");
      },
    });
    if (result.days > 0)
      write(
        `  デモの利用履歴を作成しました（${result.days}日、${result.tickets}件） / demo history made: ${result.days} days, ${result.tickets} visits (${result.reservations} booked ahead), ${result.calls} calls, ${result.plans} monthly rosters planned and published, ${result.reports} monthly reports filed, ${result.rows} rows, in ${(result.ms / 1000).toFixed(1)} s\n`,
      );
    else if (result.reports > 0)
      write(`  デモの月次報告書を提出しました / demo monthly reports filed: ${result.reports}\n`);
  })().catch((error: unknown) => {
    logger.error({ err: error }, "demo history failed");
    const why = error instanceof Error ? error.message : String(error);
    write(
      `  デモの利用履歴の作成が止まりました（${why}）。作成済みの月はそのままで、次回の起動で続きの月から作成します。\n  The demo history stopped (${why}). The months made are kept; the next start goes on from the first month missing.\n`,
    );
  });
  return {
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
