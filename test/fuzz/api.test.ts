import { describe, expect, it } from "vitest";
import { fuzzApi } from "./fuzzer.ts";

/**
 * The API fuzzed on every run of the suite with a bounded budget (FUZZ_RUNS requests per
 * operation; `npm run fuzz` sets a larger one). A fixed seed per run of CI keeps a failure
 * reproducible: the seed is printed.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 40);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

describe("API fuzzing", () => {
  it(`answers every generated request without a 5xx, off-document answer or leak (seed ${seed})`, async () => {
    const started = Date.now();
    const report = await fuzzApi({ runs, seed });
    console.info(
      `fuzz: ${report.requests} requests over ${report.operations} operations in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed}); statuses ${JSON.stringify(report.byStatus)}`,
    );
    expect(report.serverErrors).toEqual([]);
    expect(report.undocumented).toEqual([]);
    expect(report.badErrorBodies).toEqual([]);
    expect(report.leaks).toEqual([]);
    expect(report.operations).toBeGreaterThan(80);
  }, 600_000);
});
