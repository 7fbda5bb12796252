import { type SimulatedHalfHours, simulatedDays } from "./coverage.ts";
import type { DayDemand } from "./demand.ts";
import type { DayRequirement } from "./requirement.ts";

/** Minutes after a terminal-bound half hour whose level is still the terminals' doing. */
const TERMINAL_CARRY = 60;

/**
 * Each half hour's own simulated level (those arriving in it, called in time), by date and
 * start minute. Pure.
 */
export function halfHourLevels(
  demand: readonly DayDemand[],
  halfHours: SimulatedHalfHours,
): Map<string, number> {
  const dates = simulatedDays(demand).map((d) => d.date);
  const out = new Map<string, number>();
  for (const [key, cell] of halfHours) {
    const [d, start] = key.split("|");
    if (cell.count > 0) out.set(`${dates[Number(d)]}|${start}`, cell.within / cell.count);
  }
  return out;
}

/**
 * The open half hours under the target, told apart where the terminals bind them and where only
 * the staffing could. A half hour is bound by the terminals where they bind it or the hour before
 * it: the line they leave is still being served after the peak, on the same terminals.
 */
export function belowTargetOf(
  requirement: readonly DayRequirement[],
  levels: ReadonlyMap<string, number>,
  target: number,
) {
  const out = { terminalFree: 0, terminalBound: 0, intervals: 0 };
  for (const day of requirement)
    for (const i of day.intervals) {
      const level = levels.get(`${day.date}|${i.start}`);
      if (!i.counterOpen || level === undefined) continue;
      out.intervals++;
      if (level >= target) continue;
      const bound = day.intervals.some(
        (x) => x.terminalShortfall > 0 && x.start <= i.start && x.start >= i.start - TERMINAL_CARRY,
      );
      if (bound) out.terminalBound++;
      else out.terminalFree++;
    }
  return out;
}
