import cluster from "node:cluster";
import { runPrimary } from "./cluster.ts";
import { type Config, loadConfig } from "./platform/config.ts";
import { createLogger } from "./platform/logger.ts";
import { startServer } from "./server.ts";

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  // A bad setting stops the server before anything starts, naming the variable.
  process.stderr.write(`madoguchi: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
if (config.workers > 1 && cluster.isPrimary) await runPrimary(config, logger);
else await serve();

async function serve() {
  try {
    const server = await startServer(config, logger);
    logger.info(
      { url: server.url, database: server.database.kind, location: server.database.location },
      "madoguchi is serving",
    );
    // Graceful shutdown: stop accepting, let in-flight requests finish, close the database cleanly.
    const stop = (signal: string) => {
      logger.info({ signal }, "shutting down");
      server.close().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  } catch (error) {
    logger.fatal({ err: error }, "madoguchi could not start");
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
