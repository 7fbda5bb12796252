import { execFile } from "node:child_process";
import path from "node:path";
import { ROOT } from "../src/server.ts";

export const CLI = path.join(ROOT, "bin", "madoguchi.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `madoguchi` command in a child process. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, NODE_ENV: "test", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
