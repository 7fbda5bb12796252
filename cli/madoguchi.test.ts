import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../src/demo/seed.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { LOCK_FILE } from "../src/platform/db/lock.ts";
import { CLI, runCli } from "../test/cli.ts";
import { createServerDatabase, onPostgres } from "../test/db.ts";

const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A PGlite data folder laid out as the server keeps it, with the demo tenant in it. */
async function demoDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-cli-"));
  dirs.push(dir);
  const database = await openDatabase({ dataDir: path.join(dir, "pglite") });
  await database.migrate();
  await seedDemoIfEmpty(database.db, "demo password 1");
  await database.close();
  return dir;
}

// Each step is a process of its own that opens the embedded database and checks every migration:
// a test of several steps takes a minute or more on a loaded two-core machine.
describe("madoguchi CLI", { timeout: 180_000 }, () => {
  it("creates, lists and re-passwords users", async () => {
    const env = { MADOGUCHI_DATA: await demoDataDir(), DATABASE_URL: "" };
    const created = await runCli(
      [
        "user",
        "create",
        "--tenant",
        "nagaoka",
        "--username",
        "yamada",
        "--role",
        "city",
        "--name",
        "山田 太郎",
      ],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/password: \S{16}/);
    const list = await runCli(["user", "list", "--tenant", "nagaoka", "--json"], env);
    const users = JSON.parse(list.stdout) as { username: string; displayName: string }[];
    expect(users.find((u) => u.username === "yamada")?.displayName).toBe("山田 太郎");
    expect(list.stdout).not.toContain("passwordHash");
    const passwd = await runCli(
      [
        "user",
        "passwd",
        "--tenant",
        "nagaoka",
        "--username",
        "yamada",
        "--password",
        "a new long password",
      ],
      env,
    );
    expect(passwd.code).toBe(0);
    const bad = await runCli(
      ["user", "create", "--tenant", "nagaoka", "--username", "x1", "--role", "emperor"],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("不明な役割");
  });

  it("prints the roster as JSON without contact data, and creates accounts only for roster people", async () => {
    const env = { MADOGUCHI_DATA: await demoDataDir(), DATABASE_URL: "" };
    const result = await runCli(["roster", "--tenant", "nagaoka", "--json"], env);
    expect(result.code).toBe(0);
    const people = JSON.parse(result.stdout) as {
      id: string;
      name: string;
      designation: string | null;
      employment: string;
      municipalExperience: boolean;
      certificate: { grade: string; date: string } | null;
      mandatoryTrainingComplete: boolean;
      hasAccount: boolean;
    }[];
    expect(people.length).toBeGreaterThanOrEqual(12);
    const manager = people.find((p) => p.designation === "manager")!;
    expect(manager).toMatchObject({ employment: "regular", municipalExperience: true });
    expect(manager.certificate?.grade).toBeTruthy();
    expect(people.filter((p) => p.designation === "deputy")).toHaveLength(1);
    expect(people.every((p) => p.mandatoryTrainingComplete)).toBe(true);
    expect(result.stdout).not.toMatch(/contact|内線/);

    const refused = await runCli(
      ["user", "create", "--tenant", "nagaoka", "--username", "u2", "--role", "staff"],
      env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("従事者名簿");
    const person = people.find((p) => !p.hasAccount && !p.designation)!;
    const created = await runCli(
      [
        "user",
        "create",
        "--tenant",
        "nagaoka",
        "--username",
        "u2",
        "--role",
        "staff",
        "--person",
        person.id,
      ],
      env,
    );
    expect(created.code).toBe(0);
    const after = JSON.parse(
      (await runCli(["roster", "--tenant", "nagaoka", "--json"], env)).stdout,
    );
    expect(after.find((p: { id: string }) => p.id === person.id).hasAccount).toBe(true);
  });

  it("stops with a clear message while a live server holds the data folder", async () => {
    const dir = await demoDataDir();
    // This test process is alive, so its pid in the lock file is a live holder.
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${process.pid}\n`);
    const result = await runCli(["user", "list", "--tenant", "nagaoka"], {
      MADOGUCHI_DATA: dir,
      DATABASE_URL: "",
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`pid ${process.pid}`);
    expect(result.stderr).toContain("使用しています");
    // A stale lock (its process gone) does not block.
    fs.writeFileSync(path.join(dir, LOCK_FILE), "999999999\n");
    expect(
      (
        await runCli(["user", "list", "--tenant", "nagaoka"], {
          MADOGUCHI_DATA: dir,
          DATABASE_URL: "",
        })
      ).code,
    ).toBe(0);
  });

  it("verifies the audit chain: exit 0 with the count, exit 1 naming the first broken event", async () => {
    const dir = await demoDataDir();
    const env = { MADOGUCHI_DATA: dir, DATABASE_URL: "" };
    const ok = await runCli(["audit", "verify", "--tenant", "nagaoka", "--json"], env);
    expect(ok.code).toBe(0);
    // tenant.create, the eight demo users, roster.seed
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, count: 10 });
    const database = await openDatabase({ dataDir: path.join(dir, "pglite") });
    await database.db.execute(sql`alter table audit_events disable trigger user`);
    await database.db.execute(
      sql`update audit_events set actor_id = 'someone else' where tenant_id = 'nagaoka' and seq = 4`,
    );
    await database.close();
    const broken = await runCli(["audit", "verify"], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("nagaoka: BROKEN at event 4 (hash_mismatch)");
    expect(broken.stdout).toContain("nagaoka-training: intact");
  });

  it(`backs up PGlite and restores into an empty PGlite${onPostgres() ? " and PostgreSQL" : ""}`, async () => {
    const source = await demoDataDir();
    const file = path.join(source, "backup.jsonl");
    const backup = await runCli(["backup", "--out", file], {
      MADOGUCHI_DATA: source,
      DATABASE_URL: "",
    });
    expect(backup.code).toBe(0);
    expect(fs.readFileSync(file, "utf8")).not.toContain("demo password 1");

    const target = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-restore-"));
    dirs.push(target);
    const restored = await runCli(["restore", file], {
      MADOGUCHI_DATA: target,
      DATABASE_URL: "",
    });
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const users = await runCli(["user", "list", "--tenant", "nagaoka", "--json"], {
      MADOGUCHI_DATA: target,
      DATABASE_URL: "",
    });
    expect(JSON.parse(users.stdout)).toHaveLength(8);
    expect(
      (await runCli(["audit", "verify"], { MADOGUCHI_DATA: target, DATABASE_URL: "" })).code,
    ).toBe(0);
    const again = await runCli(["restore", file], { MADOGUCHI_DATA: target, DATABASE_URL: "" });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("not empty");

    if (onPostgres()) {
      const { url, drop } = await createServerDatabase(process.env.TEST_DATABASE_URL!);
      cleanups.push(drop);
      expect((await runCli(["restore", file], { DATABASE_URL: url })).code).toBe(0);
      const pgUsers = await runCli(["user", "list", "--tenant", "nagaoka", "--json"], {
        DATABASE_URL: url,
      });
      expect(JSON.parse(pgUsers.stdout)).toHaveLength(8);
      expect((await runCli(["audit", "verify"], { DATABASE_URL: url })).code).toBe(0);
    }
  });

  it("writes an output far past a pipe's 64 KiB whole, however slowly the reader reads", async () => {
    const env = { MADOGUCHI_DATA: await demoDataDir(), DATABASE_URL: "" };
    // A command that exits before its output has drained leaves the pipe's 64 KiB and loses
    // the rest (measured: `staffing plan --json | (sleep 3; wc -c)` gave 65,536 of 175 kB).
    // Through a shell's pipe, as a user pipes it, to a reader that starts late.
    const child = spawn(
      "sh",
      [
        "-c",
        `"${process.execPath}" "${CLI}" staffing plan --tenant nagaoka --month 2026-08 --json | (sleep 2; cat)`,
      ],
      { env: { ...process.env, NODE_ENV: "test", ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    const text = Buffer.concat(chunks).toString("utf8");
    expect(code).toBe(0);
    expect(text.length).toBeGreaterThan(64 * 1024 * 2);
    const plan = JSON.parse(text) as { month: string; intervals: unknown[] };
    expect(plan.month).toBe("2026-08");
    expect(plan.intervals.length).toBeGreaterThan(300);
  });
});
