// The HiGHS solve, off the server's event loop: the model arrives as plain arrays, the answer
// goes back as the column values, the objective, the proven bound and the LP relaxation's value.
import { parentPort, workerData } from "node:worker_threads";
import loadHighs from "highs";

const highs = await loadHighs();
const { model, timeLimitSeconds, gap } = workerData;
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
const relaxation = highs.withModel(data, (lp) => {
  lp.options.set({ output_flag: false });
  lp.run();
  return lp.getObjectiveValue();
});
const result = highs.withModel({ ...data, integrality: model.integrality }, (mip) => {
  mip.options.set({ output_flag: false, mip_rel_gap: gap, time_limit: timeLimitSeconds });
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
    colValue: mip.getSolution().colValue,
  };
});
parentPort.postMessage({ ...result, relaxation, runtimeMs: performance.now() - started });
