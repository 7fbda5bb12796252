import { waitRange } from "./predictor.ts";

/**
 * How good the wait estimates were: for each ticket that was called, the wait it was shown at
 * issue time against the wait it had. Compared with the naive estimate (people ahead × mean
 * service time ÷ open counters), which is what most queue systems show.
 */
export interface EstimatedTicket {
  issuedAt: Date;
  calledAt: Date | null;
  estimateMedian: number | null;
  estimateP90: number | null;
  estimateNaive: number | null;
}

export interface AccuracyReport {
  tickets: number;
  /** Mean absolute error of the median estimate, in minutes. */
  medianAbsoluteErrorMean: number;
  naiveAbsoluteErrorMean: number;
  /** medianAbsoluteErrorMean ÷ naiveAbsoluteErrorMean; the aim is at most 0.7. */
  ratioToNaive: number | null;
  /** Share of people who waited longer than the upper end of the range they were shown; aim 10–15 % at most. */
  longerThanShown: number;
  meanActualWait: number;
}

export function accuracyOf(tickets: readonly EstimatedTicket[]): AccuracyReport {
  const measured = tickets.filter(
    (t) =>
      t.calledAt && t.estimateMedian !== null && t.estimateP90 !== null && t.estimateNaive !== null,
  );
  let predictor = 0;
  let naive = 0;
  let longer = 0;
  let actualSum = 0;
  for (const t of measured) {
    const actual = (t.calledAt!.getTime() - t.issuedAt.getTime()) / 60_000;
    actualSum += actual;
    predictor += Math.abs(t.estimateMedian! - actual);
    naive += Math.abs(t.estimateNaive! - actual);
    const shown = waitRange({
      available: true,
      median: t.estimateMedian!,
      p90: t.estimateP90!,
      naive: 0,
      beyondClosing: false,
    })!;
    if (actual > shown.high) longer++;
  }
  const n = measured.length;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    tickets: n,
    medianAbsoluteErrorMean: n ? round(predictor / n) : 0,
    naiveAbsoluteErrorMean: n ? round(naive / n) : 0,
    ratioToNaive: n && naive > 0 ? round(predictor / naive) : null,
    longerThanShown: n ? round(longer / n) : 0,
    meanActualWait: n ? round(actualSum / n) : 0,
  };
}
