import { Worker } from "node:worker_threads";
import type { LinearModel } from "./model.ts";

/** HiGHS's status codes that matter here (highs.constants.modelStatus). */
const OPTIMAL = 7;
const TIME_LIMIT = 13;

export interface SolveOutcome {
  /** "optimal" within the gap asked for, or "time_limit" when the clock ended the solve. */
  ended: "optimal" | "time_limit" | "failed";
  objective: number;
  /** The best proven lower bound (MIP dual bound) and the LP relaxation's value. */
  dualBound: number;
  relaxation: number;
  colValue: Float64Array;
  runtimeMs: number;
}

/**
 * Solves in a worker thread, so the server keeps serving while HiGHS (single-threaded Wasm)
 * works; the time limit and the relative gap bound the solve.
 */
export function solve(
  model: LinearModel,
  options: { timeLimitSeconds: number; gap: number },
): Promise<SolveOutcome> {
  const { columns: _columns, ...arrays } = model;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./solverWorker.mjs", import.meta.url), {
      workerData: { model: arrays, ...options },
    });
    worker.once("message", (m) => {
      resolve({
        ended: m.status === OPTIMAL ? "optimal" : m.status === TIME_LIMIT ? "time_limit" : "failed",
        objective: m.objective,
        dualBound: m.dualBound,
        relaxation: m.relaxation,
        colValue: m.colValue,
        runtimeMs: m.runtimeMs,
      });
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
