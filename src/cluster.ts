import cluster from "node:cluster";
import type { Logger } from "pino";
import type { Config } from "./platform/config.ts";
import { ensureWebBuild } from "./server.ts";

/** A worker that dies this soon after its start is not restarted in a loop faster than this. */
const RESTART_DELAY_MS = 1_000;

/**
 * MADOGUCHI_WORKERS=N on PostgreSQL: the primary process forks N servers sharing the port (Node's
 * cluster hands each connection to one), restarts any that dies, and passes a shutdown signal on.
 * Each worker is a whole server; PostgreSQL carries everything they share.
 */
export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  // Built once here, not by N workers at once.
  await ensureWebBuild(logger);
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < config.workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ worker: worker.id, code, signal }, "a server process ended; starting another");
    setTimeout(fork, RESTART_DELAY_MS);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    logger.info({ signal, workers: config.workers }, "shutting down every server process");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  logger.info({ workers: config.workers, port: config.port }, "madoguchi primary started");
}

/** The demo history is made by one process: the first worker, or the only process. */
export const makesDemoHistory = () => !cluster.isWorker || cluster.worker?.id === 1;
