import { isServable } from "./catalogue.ts";
import type { ServiceSample } from "./serviceProfile.ts";
import type { Procedure } from "./store.ts";

/** The most recent service records the predictor learns from. */
const HISTORY_LIMIT = 2000;

/**
 * What the estimates learn from the service records (today's first, then the 60 days before, up
 * to 2,000): the minutes each procedure took (a visit's time shared among its procedures), and
 * the mean time per visit. Pure; a replay keeps it until a record is added.
 */
export function learnedTimes(
  today: readonly ServiceSample[],
  past: readonly ServiceSample[],
  procedures: Procedure[],
): { observed: Map<string, number[]>; meanServiceMinutes: number } {
  const history =
    today.length >= HISTORY_LIMIT
      ? today.slice(0, HISTORY_LIMIT)
      : today.concat(past.slice(0, HISTORY_LIMIT - today.length));
  const observed = new Map<string, number[]>();
  const push = (r: ServiceSample, share: number) => {
    let list = observed.get(r.code);
    if (!list) {
      list = [];
      observed.set(r.code, list);
    }
    list.push((r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000 / share);
  };
  // Newest first, a visit's procedures end together: each visit's records are found among those
  // ending at the same instant (a run, nearly always one visit), never further apart.
  let visits = 0;
  let visitMinutes = 0;
  for (let start = 0; start < history.length; ) {
    const end = runEnd(history, start);
    if (end === start + 1) {
      const r = history[start]!;
      push(r, 1);
      if (r.ticketId) {
        visits++;
        visitMinutes += (r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000;
      }
    } else {
      const count = new Map<string, number>();
      for (let k = start; k < end; k++) {
        const id = history[k]!.ticketId;
        if (id) count.set(id, (count.get(id) ?? 0) + 1);
      }
      const seen = new Set<string>();
      for (let k = start; k < end; k++) {
        const r = history[k]!;
        push(r, r.ticketId ? count.get(r.ticketId)! : 1);
        if (r.ticketId && !seen.has(r.ticketId)) {
          seen.add(r.ticketId);
          visits++;
          visitMinutes += (r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000;
        }
      }
    }
    start = end;
  }
  // The mean time per visit (the naive estimate's), from the standards lacking eight visits.
  if (visits >= 8) return { observed, meanServiceMinutes: visitMinutes / visits };
  const standard = procedures.filter(isServable).map((p) => p.standardMinutes);
  return {
    observed,
    meanServiceMinutes: standard.reduce((a, b) => a + b, 0) / Math.max(1, standard.length),
  };
}

/** Where the run of records ending at the same instant as `start`'s ends. */
function runEnd(history: readonly ServiceSample[], start: number): number {
  const at = history[start]!.finishedAt.getTime();
  let end = start + 1;
  while (end < history.length && history[end]!.finishedAt.getTime() === at) end++;
  return end;
}
