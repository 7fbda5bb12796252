import { Worker } from "node:worker_threads";
import type { LinearModel } from "./model.ts";

/** HiGHS's status codes that matter here (highs.constants.modelStatus). */
const OPTIMAL = 7;
const TIME_LIMIT = 13;
/** HiGHS's solution status for "a feasible point is known". */
const FEASIBLE = 2;

export interface SolveOutcome {
  /** "optimal" within the gap asked for, or "time_limit" when the clock ended the solve. */
  ended: "optimal" | "time_limit" | "failed";
  objective: number;
  /** The best proven lower bound (MIP dual bound) and the LP relaxation's value. */
  dualBound: number;
  relaxation: number;
  colValue: Float64Array;
  /** A solve cut short may not have found any roster yet. */
  feasible: boolean;
  runtimeMs: number;
}

/**
 * Workers kept between solves (HiGHS's Wasm takes a while to load): idle ones do not keep the
 * process alive, so a CLI run still exits when its work is done.
 */
const idle: Worker[] = [];

function takeWorker(): Worker {
  const worker = idle.pop() ?? new Worker(new URL("./solverWorker.mjs", import.meta.url));
  worker.ref();
  return worker;
}

/**
 * Starts workers ahead of the first solve (each loads HiGHS's Wasm, which takes a second), so a
 * plan that follows soon finds them ready: the demo history warms them while it sets up.
 */
export function warmSolvers(count: number): void {
  while (idle.length < count) giveBack(new Worker(new URL("./solverWorker.mjs", import.meta.url)));
}

function giveBack(worker: Worker): void {
  worker.removeAllListeners("message");
  worker.removeAllListeners("error");
  worker.unref();
  idle.push(worker);
}

/**
 * Solves in a worker thread, so the server keeps serving while HiGHS (single-threaded Wasm)
 * works; the time limit (for the relaxation and the integer solve together) and the relative gap
 * bound the solve.
 */
export function solve(
  model: LinearModel,
  options: { timeLimitSeconds: number; gap: number },
): Promise<SolveOutcome> {
  const { columns: _columns, ...arrays } = model;
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    worker.once("message", (m) => {
      giveBack(worker);
      resolve({
        ended: m.status === OPTIMAL ? "optimal" : m.status === TIME_LIMIT ? "time_limit" : "failed",
        objective: m.objective,
        dualBound: m.dualBound,
        relaxation: m.relaxation,
        colValue: m.colValue,
        feasible: m.primalStatus === FEASIBLE,
        runtimeMs: m.runtimeMs,
      });
    });
    // A worker that failed is not reused.
    worker.once("error", (error) => {
      worker.removeAllListeners("message");
      void worker.terminate();
      reject(error);
    });
    worker.postMessage({ model: arrays, ...options });
  });
}
