import { openDatabase } from "../src/platform/db/index.ts";
import { simulate } from "./simulation.ts";

/** `npm run bench:predictor`: the wait predictor against the naive estimate on seeded simulated days. */
const days = Number(process.env.DAYS ?? 5);
const seed = Number(process.env.SEED ?? 42);
const database = await openDatabase(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {},
);
await database.migrate();
const started = Date.now();
const result = await simulate({ database, days, seed });
console.log(
  `simulated ${days} counter days (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s on ${database.kind}`,
);
console.log("date        tickets  mean wait  predictor MAE  naive MAE  ratio  longer than shown");
for (const { date, report: r } of [
  ...result.days,
  { date: "all days  ", report: result.overall },
]) {
  console.log(
    `${date}  ${String(r.tickets).padStart(7)}  ${r.meanActualWait.toFixed(1).padStart(9)}  ${r.medianAbsoluteErrorMean.toFixed(2).padStart(13)}  ${r.naiveAbsoluteErrorMean.toFixed(2).padStart(9)}  ${String(r.ratioToNaive ?? "-").padStart(5)}  ${(r.longerThanShown * 100).toFixed(1).padStart(16)} %`,
  );
}
await database.close();
