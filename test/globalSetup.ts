import { createLogger } from "../src/platform/logger.ts";
import { ensureWebBuild } from "../src/server.ts";

/** Build the web app once, before any test spawns a server that would otherwise build it. */
export default async function setup() {
  await ensureWebBuild(createLogger("warn"));
}
