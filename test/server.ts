import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { ROOT } from "../src/server.ts";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends a signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the real server (`npm start`'s entry point) in a child process and waits for /readyz. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.SERVER_CPU_PROF
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`]
        : []),
      "--import",
      "tsx",
      path.join(ROOT, "src/main.ts"),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "development",
        LOG_LEVEL: "warn",
        MADOGUCHI_DEMO_HISTORY: "0",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A minimal HTTP API client for a spawned server: cookie and CSRF token kept. */
export async function httpSignIn(url: string, tenant: string, username: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant, username, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("madoguchi_session="))!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return (method: string, route: string, body?: unknown) =>
    fetch(`${url}${route}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}
