import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createServerDatabase } from "../test/db.ts";
import { httpSignIn, type SpawnedServer, spawnServer } from "../test/server.ts";

/**
 * `npm run bench:queue`: N concurrent counter clients drive the HTTP API (issue → call → start →
 * finish) against a running server, on PGlite and on PostgreSQL; prints throughput and p50/p99
 * latency, and pgbench's TPS for a single-row update on the same PostgreSQL, with the ratio.
 *   CLIENTS=50 SECONDS=15 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:queue
 * THINK_MS=200 paces each client (a pause after every request) to see latency below saturation;
 * BENCH_ONLY_POSTGRES=1 skips the PGlite run.
 * PROCESSES=N runs PostgreSQL with 1, 2, … N server processes on one database (the clients spread
 * over them, as behind a proxy), each saturating and then paced 500 ms (what counters do), and
 * pgbench on the same server; PGlite (one process by design) is skipped.
 */
const CLIENTS = Number(process.env.CLIENTS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 15);
/** Pause of each client between its requests: 0 saturates the server; a counter really pauses minutes. */
const THINK_MS = Number(process.env.THINK_MS ?? 0);
const PROCESSES = Number(process.env.PROCESSES ?? 0);
const PACED_MS = 500;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PASSWORD = "bench password 1";
const ENV = {
  MADOGUCHI_DEMO_PASSWORD: PASSWORD,
  MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
  MADOGUCHI_CLOCK: "2026-08-04T09:00:00+09:00",
  MADOGUCHI_SIGN_IN_PER_MINUTE: "10000",
  LOG_LEVEL: "error",
};

type Call = Awaited<ReturnType<typeof httpSignIn>>;

async function ok(response: Response, what: string) {
  if (!response.ok && response.status !== 204)
    throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function setUp(server: SpawnedServer, spread: SpawnedServer[] = [server]): Promise<Call[]> {
  const admin = await httpSignIn(server.url, "nagaoka", "admin", PASSWORD);
  const manager = await httpSignIn(server.url, "nagaoka", "manager", PASSWORD);
  for (let i = 6; i <= CLIENTS; i++)
    await ok(
      await manager("POST", "/api/v1/queue/counters", {
        counterId: String(i),
        nameJa: `${i}番窓口`,
      }),
      "counter",
    );
  // Counter staff are people on the roster with the mandatory training, as in real use.
  const people: string[] = [];
  for (let i = 1; i <= CLIENTS; i++) {
    const response = await ok(
      await manager("POST", "/api/v1/roster/people", {
        nameKanji: `ベンチ ${i}`,
        nameKana: `べんち ${i}`,
        employment: "fixed_term",
        startDate: "2026-04-01",
        cardExperienceMonths: 12,
        workRoles: ["counter"],
        weeklyHourLimit: 40,
        availability: {},
      }),
      "person",
    );
    people.push(((await response.json()) as { id: string }).id);
  }
  for (const courseId of ["personal-data", "operation-manual"])
    await ok(
      await manager("POST", "/api/v1/training/sessions", {
        courseId,
        heldOn: "2026-03-20",
        instructor: "ベンチ",
        attendees: people,
      }),
      "training",
    );
  const clients: Call[] = [];
  for (let i = 1; i <= CLIENTS; i++) {
    await ok(
      await admin("POST", `/api/v1/roster/people/${people[i - 1]}/account`, {
        username: `bench${i}`,
        role: "staff",
        password: PASSWORD,
      }),
      "account",
    );
    // Each client signs in on its own process (sessions are in the database: any would do).
    const call = await httpSignIn(
      spread[(i - 1) % spread.length]!.url,
      "nagaoka",
      `bench${i}`,
      PASSWORD,
    );
    await ok(await call("POST", `/api/v1/queue/counters/${i}/open`, {}), "open");
    clients.push(call);
  }
  return clients;
}

async function drive(clients: Call[], thinkMs = THINK_MS) {
  const latencies: Record<string, number[]> = { issue: [], call: [], start: [], finish: [] };
  const deadline = Date.now() + SECONDS * 1000;
  let flows = 0;
  const timed = async (kind: string, run: () => Promise<Response>) => {
    const t0 = performance.now();
    const response = await ok(await run(), kind);
    latencies[kind]!.push(performance.now() - t0);
    if (thinkMs) await new Promise((resolve) => setTimeout(resolve, thinkMs));
    return response;
  };
  await Promise.all(
    clients.map(async (call, index) => {
      const counter = index + 1;
      while (Date.now() < deadline) {
        await timed("issue", () =>
          call("POST", "/api/v1/queue/tickets", { procedures: ["application"] }),
        );
        const called = await timed("call", () =>
          call("POST", `/api/v1/queue/counters/${counter}/call-next`),
        );
        if (called.status === 204) continue;
        const ticket = (await called.json()) as { id: string };
        await timed("start", () => call("POST", `/api/v1/queue/tickets/${ticket.id}/start`));
        await timed("finish", () =>
          call("POST", `/api/v1/queue/tickets/${ticket.id}/finish`, { outcome: "completed" }),
        );
        flows++;
      }
    }),
  );
  const all = Object.values(latencies)
    .flat()
    .sort((a, b) => a - b);
  for (const list of Object.values(latencies)) list.sort((a, b) => a - b);
  return { flows, requests: all.length, seconds: SECONDS, all, latencies, thinkMs };
}

function report(label: string, r: Awaited<ReturnType<typeof drive>>) {
  const fmt = (x: number) => x.toFixed(1).padStart(7);
  console.log(
    `\n${label}: ${CLIENTS} clients, ${r.seconds} s${r.thinkMs ? `, ${r.thinkMs} ms pause after each request` : ""}`,
  );
  console.log(
    `  ${r.flows} flows (${(r.flows / r.seconds).toFixed(1)}/s), ${r.requests} requests (${(r.requests / r.seconds).toFixed(1)}/s)`,
  );
  console.log("  request      p50 ms   p99 ms");
  for (const [kind, list] of Object.entries(r.latencies))
    console.log(
      `  ${kind.padEnd(10)} ${fmt(percentile(list, 0.5))}  ${fmt(percentile(list, 0.99))}`,
    );
  console.log(`  all        ${fmt(percentile(r.all, 0.5))}  ${fmt(percentile(r.all, 0.99))}`);
  return r.requests / r.seconds;
}

async function pgbenchTps(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    "create table if not exists bench_counter (id int primary key, n bigint not null)",
  );
  await client.query(
    `insert into bench_counter select g, 0 from generate_series(1, ${CLIENTS}) g on conflict do nothing`,
  );
  await client.end();
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pgbench-")), "update.sql");
  fs.writeFileSync(
    script,
    `\\set id random(1, ${CLIENTS})\nupdate bench_counter set n = n + 1 where id = :id;\n`,
  );
  const out = execFileSync(
    "pgbench",
    ["-n", "-f", script, "-c", String(CLIENTS), "-j", "2", "-T", String(SECONDS), url],
    { encoding: "utf8" },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  console.log(
    `\npgbench (single-row update, ${CLIENTS} clients, ${SECONDS} s): ${tps.toFixed(0)} TPS`,
  );
  return tps;
}

if (PROCESSES > 0) {
  // One run, one PostgreSQL: pgbench first, then 1 … N processes, each on a fresh database.
  const probe = await createServerDatabase(SERVER_URL);
  const tps = await pgbenchTps(probe.url);
  await probe.drop();
  const rows: string[] = [];
  for (let n = 1; n <= PROCESSES; n++) {
    const { url, drop } = await createServerDatabase(SERVER_URL);
    const servers: SpawnedServer[] = [];
    for (let i = 0; i < n; i++) servers.push(await spawnServer({ ...ENV, DATABASE_URL: url }));
    try {
      const clients = await setUp(servers[0]!, servers);
      const busy = await drive(clients, 0);
      const rps = report(`PostgreSQL, ${n} process${n > 1 ? "es" : ""}`, busy);
      const paced = await drive(clients, PACED_MS);
      report(`PostgreSQL, ${n} process${n > 1 ? "es" : ""}, paced`, paced);
      rows.push(
        `  ${String(n).padStart(9)}  ${rps.toFixed(0).padStart(10)}  ${(rps / tps).toFixed(3).padStart(6)}  ${percentile(busy.all, 0.5).toFixed(1).padStart(7)}  ${percentile(busy.all, 0.99).toFixed(1).padStart(7)}  ${percentile(paced.all, 0.99).toFixed(1).padStart(14)}`,
      );
    } finally {
      for (const server of servers) await server.stop();
      await drop();
    }
  }
  console.log(`\nSummary (${CLIENTS} clients, ${SECONDS} s each; pgbench ${tps.toFixed(0)} TPS)`);
  console.log("  processes  requests/s   ratio   p50 ms   p99 ms  p99 paced ms");
  for (const row of rows) console.log(row);
  process.exit(0);
}

if (!process.env.BENCH_ONLY_POSTGRES) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-"));
  const lite = await spawnServer({ ...ENV, MADOGUCHI_DATA: dataDir });
  try {
    report("PGlite", await drive(await setUp(lite)));
  } finally {
    await lite.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const { url, drop } = await createServerDatabase(SERVER_URL);
if (process.env.BENCH_ASYNC_COMMIT) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(
    `alter database ${new URL(url).pathname.slice(1)} set synchronous_commit = off`,
  );
  await admin.end();
}
const server = await spawnServer({ ...ENV, DATABASE_URL: url });
try {
  const rps = report("PostgreSQL", await drive(await setUp(server)));
  const tps = await pgbenchTps(url);
  console.log(`ratio (API write requests/s ÷ pgbench TPS): ${(rps / tps).toFixed(2)}`);
} finally {
  await server.stop();
  await drop();
}
