import { createHash } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import { type Db, queryRows, runsOneTransactionAtATime } from "../db/index.ts";
import { rateWindows } from "./rateLimitSchema.ts";

/** A fixed-window limit per key (a client address, a contact): one hit per call. */
export interface RateLimit {
  /** Counts one hit; false when the key has used up its window. */
  hit(key: string, tenantId?: string): Promise<boolean>;
}

/**
 * The limit for this database: in memory on PGlite (one process owns it), in PostgreSQL
 * otherwise, one upsert per hit, so every process counts against the same window.
 */
export function rateLimit(db: Db, scope: string, limit: number, windowMs: number): RateLimit {
  if (runsOneTransactionAtATime(db)) {
    const memory = new RateLimiter(limit, windowMs);
    return { hit: async (key, tenantId = "*") => memory.hit(`${tenantId}\u0001${key}`) };
  }
  return {
    hit: async (key, tenantId = "*") => {
      const keyHash = createHash("sha256").update(key).digest("base64url");
      const window = sql.raw(`interval '${Math.round(windowMs)} milliseconds'`);
      const [row] = await queryRows<{ hits: number }>(
        db,
        sql`insert into rate_windows (tenant_id, scope, key_hash, window_start, hits)
            values (${tenantId}, ${scope}, ${keyHash}, now(), 1)
            on conflict (tenant_id, scope, key_hash) do update set
              hits = case when rate_windows.window_start <= now() - ${window}
                          then 1 else rate_windows.hits + 1 end,
              window_start = case when rate_windows.window_start <= now() - ${window}
                                  then now() else rate_windows.window_start end
            returning hits`,
      );
      return (row?.hits ?? 1) <= limit;
    },
  };
}

/** Windows older than a day hold nothing any limit reads. */
export async function purgeRateWindows(db: Db): Promise<number> {
  const gone = await db
    .delete(rateWindows)
    .where(lt(rateWindows.windowStart, new Date(Date.now() - 86_400_000)))
    .returning({ scope: rateWindows.scope });
  return gone.length;
}

/** The in-memory window of one process. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  hit(key: string, at = Date.now()): boolean {
    let window = this.windows.get(key);
    if (!window || at - window.start >= this.windowMs) {
      if (this.windows.size >= this.maxKeys) this.sweep(at);
      window = { start: at, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count <= this.limit;
  }

  private sweep(at: number): void {
    for (const [key, window] of this.windows) {
      if (at - window.start >= this.windowMs) this.windows.delete(key);
    }
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
