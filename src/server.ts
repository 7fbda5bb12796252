import fs from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { makesDemoHistory } from "./cluster.ts";
import { seedDemoCommitments } from "./commitments/seed.ts";
import { demoHistoryInBackground } from "./demo/background.ts";
import { seedDemoIfEmpty, seedDemoRosterIfMissing, TRAINING_TENANT } from "./demo/seed.ts";
import { startJobs } from "./jobs.ts";
import { seedDemoManual } from "./manual/seed.ts";
import { startClockAt } from "./platform/clock.ts";
import type { Config } from "./platform/config.ts";
import { type Database, openDatabase } from "./platform/db/index.ts";
import { acquireDataLock } from "./platform/db/lock.ts";
import { buildApp } from "./platform/http/app.ts";
import type { App } from "./platform/http/types.ts";
import { createLogger } from "./platform/logger.ts";
import { findTenant } from "./platform/tenancy/store.ts";
import { DEMO_TENANT } from "./platform/tenancy/tenant.ts";
import { ROUTES } from "./routes.ts";
import { warmSolvers } from "./staffing/solver.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WEB_DIST = path.join(ROOT, "dist", "web");

/** The embedded database lives in a subfolder, next to the lock file that guards it. */
export const pgliteDir = (config: Config) => path.join(config.dataDir, "pglite");

export async function createApp(database: Database, config: Config, logger: Logger): Promise<App> {
  return buildApp({ database, config, logger, routes: ROUTES, webDir: WEB_DIST });
}

/** Opens the configured database, holding the data folder's lock while PGlite is in use. */
export async function openConfiguredDatabase(
  config: Config,
): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl) {
    return { database: await openDatabase({ url: config.databaseUrl }), release: () => {} };
  }
  const release = acquireDataLock(config.dataDir);
  try {
    return { database: await openDatabase({ dataDir: pgliteDir(config) }), release };
  } catch (error) {
    release();
    throw error;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the web app when there is no build yet or its sources are newer than the build. */
export async function ensureWebBuild(logger: Logger): Promise<void> {
  const index = path.join(WEB_DIST, "index.html");
  const sources = path.join(ROOT, "web");
  if (!fs.existsSync(sources)) return;
  const newest = Math.max(
    newestMtime(sources),
    fs.statSync(path.join(ROOT, "vite.config.ts")).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest) return;
  logger.info("building the web app");
  const { build } = await import("vite");
  // Vite lets NODE_ENV override the mode; the served app is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: path.join(ROOT, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  startClockAt(config.clockStart);
  // The demo history plans its first month as soon as the server serves: the planner's workers
  // load their solver while the database opens and migrates.
  if (config.demoHistory && makesDemoHistory()) warmSolvers(Math.min(2, availableParallelism()));
  await ensureWebBuild(logger);
  const { database, release } = await openConfiguredDatabase(config);
  try {
    // Several processes may start together on one PostgreSQL: one migrates and seeds at a time.
    const seeded = await database.exclusively("startup", async () => {
      await database.migrate();
      const seeded = await seedDemoIfEmpty(database.db, config.demoPassword);
      await seedDemoRosterIfMissing(database.db);
      for (const tenant of [DEMO_TENANT, TRAINING_TENANT])
        if (await findTenant(database.db, tenant.tenantId)) {
          await seedDemoManual(database.db, tenant.tenantId);
          await seedDemoCommitments(database.db, tenant.tenantId, tenant.serviceStart.slice(0, 7));
        }
      return seeded;
    });
    if (seeded.generatedPassword) {
      // Shown once, on the console only: the demo's credentials are generated, never committed.
      process.stdout.write(
        `\n  デモ利用者のパスワード / demo users' password: ${seeded.generatedPassword}\n` +
          "  (users: staff, deputy, manager, city, contractor_admin, admin, kiosk, board; tenant: nagaoka)\n\n",
      );
    }
    const app = await createApp(database, config, logger);
    await app.listen({ port: config.port, host: config.host });
    const stopJobs = startJobs(database.db, config, logger);
    const history =
      config.demoHistory && makesDemoHistory()
        ? demoHistoryInBackground(database, logger)
        : undefined;
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      url: `http://${config.host}:${port}`,
      close: () => {
        closing ??= (async () => {
          stopJobs();
          await history?.stop();
          await app.close();
          await database.close();
          release();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    release();
    throw error;
  }
}
