import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerDatabase, createTestDatabase } from "../../../test/db.ts";
import { systemActor } from "../actor.ts";
import { type Database, openDatabase } from "../db/index.ts";
import { runOperation } from "../operation.ts";
import { ALL_TENANTS, decode, encode, MAX_PAYLOAD, on } from "./bus.ts";

const heard: { tenantId: string; event: Record<string, unknown> }[] = [];
const stop = on("catalogue", (tenantId, event) => heard.push({ tenantId, event }));
afterAll(() => stop());

const until = async (check: () => boolean, ms = 2_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

describe("events between processes", () => {
  let writer: Database;
  let reader: Database;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) {
      // Two connections to one database, as two processes have: one writes, the other listens.
      const server = await createServerDatabase(process.env.TEST_DATABASE_URL);
      drop = server.drop;
      writer = await openDatabase({ url: server.url, poolSize: 4 });
      reader = await openDatabase({ url: server.url, poolSize: 2 });
      await reader.listen();
    } else {
      writer = reader = await createTestDatabase();
    }
  });
  afterAll(async () => {
    await writer.close();
    if (reader !== writer) await reader.close();
    await drop?.();
  });

  it("are heard once the write commits, and never for a write that rolls back", async () => {
    heard.length = 0;
    const actor = systemActor("tenant-a", "test");
    await expect(
      runOperation(writer.db, actor, async (ctx) => {
        await ctx.emit("catalogue", { step: "rolled back" });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await runOperation(writer.db, actor, async (ctx) => {
      await ctx.emit("catalogue", { step: "committed" });
      // Nothing is heard before the commit.
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual([]);
    });
    await until(() => heard.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([{ tenantId: "tenant-a", event: { step: "committed" } }]);
  });

  it("carry only a note that something changed when an event would outgrow NOTIFY", () => {
    const big = encode("queue", "t", { text: "x".repeat(MAX_PAYLOAD) });
    expect(Buffer.byteLength(big)).toBeLessThan(MAX_PAYLOAD);
    expect(decode(big)).toEqual({ topic: "queue", tenantId: "t", event: { truncated: true } });
    expect(decode("not json")).toBeUndefined();
    expect(ALL_TENANTS).toBe("*");
  });
});
