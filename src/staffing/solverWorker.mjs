// The HiGHS solve, off the server's event loop: the model arrives as plain arrays, the answer
// goes back as the column values, the objective, the proven bound and the LP relaxation's value.
import { parentPort } from "node:worker_threads";
import loadHighs from "highs";

// Loaded once per worker: a worker solves one model after another (loading HiGHS's Wasm is slow).
const highs = await loadHighs();
const LP_OPTIMAL = 7;

parentPort.on("message", ({ model, timeLimitSeconds, gap }) => {
  const data = {
    numCols: model.numCols,
    numRows: model.numRows,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
    rowUpper: model.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
    matrix: {
      format: "csc",
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
  };
  const started = performance.now();
  // The relaxation runs to its end (it is quick): only a solved one is a lower bound.
  const relaxation = highs.withModel(data, (lp) => {
    lp.options.set({ output_flag: false });
    lp.run();
    return lp.getModelStatus() === LP_OPTIMAL ? lp.getObjectiveValue() : Number.NaN;
  });
  // The relaxation's time counts against the limit: the caller gave one for the whole solve.
  const left = Math.max(0.5, timeLimitSeconds - (performance.now() - started) / 1000);
  const result = highs.withModel({ ...data, integrality: model.integrality }, (mip) => {
    // Measured on 34 weeks of the demo (Feb–Aug): presolve finds nothing to reduce in these
    // models yet takes a third of the time, and the feasibility jump's first roster is far from
    // the LP's; without both the weeks solve in 7 s instead of 22, within the same gap.
    mip.options.set({
      output_flag: false,
      mip_rel_gap: gap,
      time_limit: left,
      presolve: "off",
      mip_heuristic_run_feasibility_jump: false,
      // A smaller cut pool, aged out sooner: the root's cut rounds were most of a week's time
      // (a month 7.2 s → 5.9 s on 2 cores, the same rosters).
      mip_pool_soft_limit: 50,
      mip_lp_age_limit: 3,
    });
    mip.run();
    const info = (name) => {
      try {
        return Number(mip.info.get(name));
      } catch {
        return Number.NaN;
      }
    };
    return {
      status: mip.getModelStatus(),
      objective: mip.getObjectiveValue(),
      dualBound: info("mip_dual_bound"),
      mipGap: info("mip_gap"),
      // 2: a feasible solution exists (a solve cut short may have none yet).
      primalStatus: info("primal_solution_status"),
      colValue: mip.getSolution().colValue,
    };
  });
  parentPort.postMessage({ ...result, relaxation, runtimeMs: performance.now() - started });
});
