import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerDatabase } from "../../../test/db.ts";
import { type Database, openDatabase } from "../db/index.ts";
import { runExclusive } from "./exclusive.ts";

const PG = process.env.TEST_DATABASE_URL;

describe.skipIf(!PG)("a background job across server processes", () => {
  let first: Database;
  let second: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const server = await createServerDatabase(PG!);
    drop = server.drop;
    // Two pools on one database, as two processes have.
    first = await openDatabase({ url: server.url, poolSize: 3 });
    second = await openDatabase({ url: server.url, poolSize: 3 });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await drop();
  });

  it("runs in one process at a time: the other skips its tick", async () => {
    let runs = 0;
    const job = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 200));
      return "sent";
    };
    const outcomes = await Promise.all([
      runExclusive(first.db, "reminders", job),
      runExclusive(second.db, "reminders", job),
    ]);
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
    // Once the first has finished, the next tick runs again.
    expect(await runExclusive(second.db, "reminders", job)).toBe("sent");
  });
});
