import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeHistory } from "../src/demo/history.ts";
import { seedDemoIfEmpty, seedDemoRosterIfMissing } from "../src/demo/seed.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { createServerDatabase } from "../test/db.ts";
import { spawnServer } from "../test/server.ts";

/**
 * `npm run bench:history`: the demo's whole service history (2026-02-02 to 2026-07-31) made from
 * an empty demo database, in bulk: seconds, rows written (audit events included) and rows a
 * second, on PGlite (in memory) and on PostgreSQL (BENCH_DATABASE_URL, default the local server;
 * a database of its own, dropped after); then as a new user meets it, `npm start` on an empty
 * data folder: seconds from /readyz to the history made. Aim: within 30 s of /readyz on 2 cores.
 * `BENCH_ONLY=pglite|postgres|server` runs one of them.
 */
const only = process.env.BENCH_ONLY;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function inProcess(kind: "pglite" | "postgres") {
  const server = kind === "postgres" ? await createServerDatabase(serverUrl) : undefined;
  const database = await openDatabase(server ? { url: server.url } : {});
  try {
    await database.migrate();
    await seedDemoIfEmpty(database.db, "bench history password");
    await seedDemoRosterIfMissing(database.db);
    const started = performance.now();
    const result = await makeHistory(database, "nagaoka");
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${kind.padEnd(9)} ${seconds.toFixed(1).padStart(6)} s  ${String(result.rows).padStart(7)} rows  ${String(Math.round(result.rows / seconds)).padStart(6)} rows/s  (${result.days} days, ${result.tickets} visits, ${result.calls} calls, ${result.plans} plans, ${result.reports} reports)`,
    );
  } finally {
    await database.close();
    await server?.drop();
  }
}

async function asNewUser() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-history-"));
  try {
    const started = performance.now();
    const server = await spawnServer({
      MADOGUCHI_DATA: data,
      MADOGUCHI_DEMO_PASSWORD: "bench history password",
      MADOGUCHI_DEMO_HISTORY: "1",
      LOG_LEVEL: "warn",
    });
    const ready = performance.now();
    while (!/demo history made|history stopped/.test(server.output()))
      await new Promise((resolve) => setTimeout(resolve, 100));
    const made = performance.now();
    await server.stop("SIGTERM");
    const last = server
      .output()
      .split("\n")
      .find((l) => l.includes("demo history made"));
    console.log(
      `server    ${((made - ready) / 1000).toFixed(1).padStart(6)} s  from /readyz to the history made (ready ${((ready - started) / 1000).toFixed(1)} s after start)`,
    );
    if (last) console.log(`          ${last.trim()}`);
  } finally {
    fs.rmSync(data, { recursive: true, force: true });
  }
}

console.log(`demo history, whole, on ${os.availableParallelism()} cores`);
if (!only || only === "pglite") await inProcess("pglite");
if (!only || only === "postgres") await inProcess("postgres");
if (!only || only === "server") await asNewUser();
