import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import type { Database } from "../db/index.ts";
import { queryRows } from "../db/index.ts";
import { rateLimit } from "./rateLimit.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("request-rate limits", () => {
  it("count each key in its own window, per tenant, and start again once the window is over", async () => {
    const limit = rateLimit(database.db, "test.window", 2, 300);
    expect(await limit.hit("192.0.2.1", "t1")).toBe(true);
    expect(await limit.hit("192.0.2.1", "t1")).toBe(true);
    expect(await limit.hit("192.0.2.1", "t1")).toBe(false);
    expect(await limit.hit("192.0.2.2", "t1")).toBe(true);
    expect(await limit.hit("192.0.2.1", "t2")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await limit.hit("192.0.2.1", "t1")).toBe(true);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "are one allowance across server processes on PostgreSQL, kept without the address itself",
    async () => {
      // Two processes' limiters over one database: an attacker does not get twice the tries.
      const a = rateLimit(database.db, "test.shared", 3, 60_000);
      const b = rateLimit(database.db, "test.shared", 3, 60_000);
      expect(await a.hit("198.51.100.7")).toBe(true);
      expect(await b.hit("198.51.100.7")).toBe(true);
      expect(await a.hit("198.51.100.7")).toBe(true);
      expect(await b.hit("198.51.100.7")).toBe(false);
      const rows = await queryRows<{ key_hash: string }>(
        database.db,
        sql`select key_hash from rate_windows where scope = 'test.shared'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.key_hash).not.toContain("198.51");
    },
  );
});
