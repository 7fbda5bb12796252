import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";
import { createServerDatabase, onPostgres } from "./db.ts";
import { httpSignIn, spawnServer } from "./server.ts";

const PASSWORD = "crash test password";
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * Writers create users (a user row and its audit event in one transaction) as fast as the server
 * takes them; the server is killed with SIGKILL mid-stream. After a restart every acknowledged
 * write must be there, no write may be half there, and the audit chain must verify.
 */
async function crashWhileWriting(env: Record<string, string>) {
  const first = await spawnServer(env);
  cleanups.push(() => void first.stop("SIGKILL"));
  const call = await httpSignIn(first.url, "nagaoka", "admin", PASSWORD);
  const acknowledged = new Set<string>();
  let attempted = 0;
  let killed = false;
  const writer = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const username = `crash-${w}-${i}`;
      attempted++;
      try {
        const response = await call("POST", "/api/v1/users", {
          username,
          displayName: "クラッシュ試験",
          role: "kiosk",
          password: "long enough pw",
        });
        if (response.status === 201) acknowledged.add(username);
      } catch {
        return; // connection refused or reset: the server is gone
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  while (acknowledged.size < 40) await new Promise((resolve) => setTimeout(resolve, 20));
  first.child.kill("SIGKILL");
  killed = true;
  await Promise.all(writers);
  await first.stop("SIGKILL");

  const second = await spawnServer(env);
  cleanups.push(() => void second.stop("SIGKILL"));
  const after = await httpSignIn(second.url, "nagaoka", "admin", PASSWORD);
  const users = (await (await after("GET", "/api/v1/users")).json()) as {
    userId: string;
    username: string;
  }[];
  const present = new Set(users.map((u) => u.username));
  for (const username of acknowledged) expect(present.has(username), username).toBe(true);

  // Nothing half-written: each created user has its audit event, and each such event its user.
  const events = (await (
    await after("GET", "/api/v1/audit/events?action=user.create&limit=500")
  ).json()) as { entityId: string }[];
  const audited = new Set(events.map((e) => e.entityId));
  const crashUsers = users.filter((u) => u.username.startsWith("crash-"));
  for (const user of crashUsers) expect(audited.has(user.userId), user.username).toBe(true);
  const ids = new Set(users.map((u) => u.userId));
  for (const id of audited) expect(ids.has(id)).toBe(true);
  expect(await second.stop("SIGTERM")).toBe(0);
  const figures = { acknowledged: acknowledged.size, attempted, present: crashUsers.length };
  console.info(
    `crash test (${env.DATABASE_URL ? "postgres" : "pglite"}):`,
    JSON.stringify(figures),
  );
  return figures;
}

describe("crash safety", () => {
  it("keeps every acknowledged write through SIGKILL on PGlite", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-crash-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      MADOGUCHI_DATA: dataDir,
      MADOGUCHI_DEMO_PASSWORD: PASSWORD,
      MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
    };
    const result = await crashWhileWriting(env);
    expect(result.present).toBeGreaterThanOrEqual(result.acknowledged);
    const verify = await runCli(["audit", "verify", "--json"], {
      MADOGUCHI_DATA: dataDir,
      DATABASE_URL: "",
    });
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout).ok).toBe(true);
  });

  it.runIf(onPostgres())(
    "keeps every acknowledged write through SIGKILL on PostgreSQL",
    async () => {
      const { url, drop } = await createServerDatabase(process.env.TEST_DATABASE_URL!);
      cleanups.push(drop);
      const env = {
        DATABASE_URL: url,
        MADOGUCHI_DEMO_PASSWORD: PASSWORD,
        MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
      };
      const result = await crashWhileWriting(env);
      expect(result.present).toBeGreaterThanOrEqual(result.acknowledged);
      const verify = await runCli(["audit", "verify", "--json"], { DATABASE_URL: url });
      expect(verify.code).toBe(0);
    },
  );
});
