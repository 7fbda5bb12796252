import { mulberry32 } from "../queue/predictor.ts";
import type { ServiceTime } from "./demand.ts";

/**
 * A discrete-event simulation of counter days (seeded, reproducible): time-varying Poisson
 * arrivals per procedure, service times drawn from each procedure's distribution, a number of
 * staff at the counter that changes through the day (shifts and breaks), first come first
 * served, at most `terminals` people served on terminal procedures at once. Someone leaving the
 * counter finishes the person in front of them first. Pure.
 */
export interface SimDay {
  /** Arrival rate per procedure in each period: [start minute, end minute, per-hour rates]. */
  arrivals: { start: number; end: number; perHour: Record<string, number> }[];
  /** Staff serving at the counter in each period (from the roster, after phone and setup). */
  servers: { start: number; end: number; count: number }[];
}

export interface SimOptions {
  times: Record<string, ServiceTime & { exponential?: boolean }>;
  terminalProcedures: ReadonlySet<string>;
  terminals: number;
  /** A person is "served in time" when called within this many minutes. */
  targetMinutes: number;
  /** Share of visits that add a PIN reset to a handover (multi-procedure visits). */
  pinResetWithHandover?: number;
  /** Arrivals before this minute are left out of the figures (a steady state for validation). */
  warmupMinutes?: number;
}

export interface SimResult {
  people: number;
  /** Share called within the target. */
  serviceLevel: number;
  meanWaitMinutes: number;
  p90WaitMinutes: number;
  /** Busy server-minutes over staffed server-minutes. */
  utilisation: number;
}

interface Visitor {
  arrived: number;
  minutes: number;
  terminal: boolean;
}

function draw(random: () => number, time: ServiceTime & { exponential?: boolean }): number {
  if (time.exponential) return -Math.log(1 - random()) * time.meanMinutes;
  const sigma2 = Math.log(1 + time.cv * time.cv);
  const mu = Math.log(time.meanMinutes) - sigma2 / 2;
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.exp(mu + Math.sqrt(sigma2) * normal);
}

function arrivalsOf(day: SimDay, options: SimOptions, random: () => number): Visitor[] {
  const out: Visitor[] = [];
  for (const period of day.arrivals) {
    for (const [code, perHour] of Object.entries(period.perHour)) {
      if (perHour <= 0) continue;
      const rate = perHour / 60;
      for (
        let t = period.start - Math.log(1 - random()) / rate;
        t < period.end;
        t += -Math.log(1 - random()) / rate
      ) {
        const codes = [code];
        if (code === "handover" && random() < (options.pinResetWithHandover ?? 0))
          codes.push("pin_reset");
        out.push({
          arrived: t,
          minutes: codes.reduce(
            (s, c) => s + draw(random, options.times[c] ?? { meanMinutes: 10, cv: 0.5 }),
            0,
          ),
          terminal: codes.some((c) => options.terminalProcedures.has(c)),
        });
      }
    }
  }
  return out.sort((a, b) => a.arrived - b.arrived);
}

const serversAt = (day: SimDay, t: number) =>
  day.servers.find((p) => p.start <= t && t < p.end)?.count ?? 0;

/** One replication of one day: every arrival's wait, and the staffed and busy minutes. */
export function simulateDay(day: SimDay, options: SimOptions, seed: number) {
  const random = mulberry32(seed);
  const visitors = arrivalsOf(day, options, random);
  const queue: Visitor[] = [];
  /** End times of the services in progress, with whether each holds a terminal. */
  const inService: { end: number; terminal: boolean }[] = [];
  const waits: number[] = [];
  /** When each of `waits` arrived (minutes from midnight), in the same order. */
  const arrived: number[] = [];
  let busyMinutes = 0;
  const changes = [...new Set(day.servers.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const lastEnd = Math.max(0, ...day.servers.map((p) => p.end));
  const lastCount = [...day.servers].reverse().find((p) => p.count > 0)?.count ?? 1;
  // People still in line at closing are served by the last staff: nobody is turned away.
  const capacityAt = (t: number) => (t < lastEnd ? serversAt(day, t) : lastCount);
  let next = 0;
  let now = 0;
  const startWhatCan = () => {
    let terminalsBusy = inService.filter((s) => s.terminal).length;
    for (let i = 0; i < queue.length && inService.length < capacityAt(now); ) {
      const v = queue[i]!;
      if (v.terminal && terminalsBusy >= options.terminals) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      if (v.arrived >= (options.warmupMinutes ?? 0)) {
        waits.push(now - v.arrived);
        arrived.push(v.arrived);
      }
      inService.push({ end: now + v.minutes, terminal: v.terminal });
      if (v.terminal) terminalsBusy++;
      busyMinutes += v.minutes;
    }
  };
  for (;;) {
    const nextArrival = visitors[next]?.arrived ?? Number.POSITIVE_INFINITY;
    let nextEnd = Number.POSITIVE_INFINITY;
    for (const s of inService) if (s.end < nextEnd) nextEnd = s.end;
    const nextChange = changes.find((c) => c > now) ?? Number.POSITIVE_INFINITY;
    const t = Math.min(nextArrival, nextEnd, nextChange);
    if (t === Number.POSITIVE_INFINITY) break;
    now = t;
    if (t === nextEnd)
      inService.splice(
        inService.findIndex((s) => s.end === t),
        1,
      );
    else if (t === nextArrival) queue.push(visitors[next++]!);
    startWhatCan();
  }
  const staffed = day.servers.reduce((s, p) => s + (p.end - p.start) * p.count, 0);
  return { waits, arrived, busyMinutes, staffedMinutes: staffed };
}

/** Days of a month, replicated: the service level with the spread of the replications. */
export function simulateMonth(
  days: readonly SimDay[],
  options: SimOptions,
  replications: number,
  seed: number,
): SimResult & {
  ciLow: number;
  ciHigh: number;
  replications: number;
  /** Per day (its index in `days`) and half hour of arrival: those called in time, of all. */
  halfHours: Map<string, { within: number; count: number }>;
} {
  const levels: number[] = [];
  const halfHours = new Map<string, { within: number; count: number }>();
  const allWaits: number[] = [];
  let busy = 0;
  let staffed = 0;
  for (let r = 0; r < replications; r++) {
    let within = 0;
    let count = 0;
    days.forEach((day, d) => {
      const run = simulateDay(day, options, seed + r * 10_007 + d * 101);
      run.waits.forEach((w, k) => {
        count++;
        const inTime = w <= options.targetMinutes;
        if (inTime) within++;
        allWaits.push(w);
        const key = `${d}|${Math.floor(run.arrived[k]! / 30) * 30}`;
        const cell = halfHours.get(key) ?? { within: 0, count: 0 };
        cell.count++;
        if (inTime) cell.within++;
        halfHours.set(key, cell);
      });
      busy += run.busyMinutes;
      staffed += run.staffedMinutes;
    });
    levels.push(count ? within / count : 1);
  }
  const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
  const sd =
    levels.length > 1
      ? Math.sqrt(levels.reduce((a, b) => a + (b - mean) ** 2, 0) / (levels.length - 1))
      : 0;
  const half = (tQuantile(levels.length - 1) * sd) / Math.sqrt(levels.length);
  const sorted = allWaits.sort((a, b) => a - b);
  return {
    replications,
    halfHours,
    people: Math.round(sorted.length / replications),
    serviceLevel: mean,
    ciLow: Math.max(0, mean - half),
    ciHigh: Math.min(1, mean + half),
    meanWaitMinutes: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    p90WaitMinutes: sorted.length ? sorted[Math.floor(0.9 * (sorted.length - 1))]! : 0,
    utilisation: staffed > 0 ? Math.min(1, busy / staffed) : 0,
  };
}

/** Student's t, two-sided 95 %, for the replications' degrees of freedom. */
function tQuantile(df: number): number {
  const table: Record<number, number> = {
    1: 12.71,
    2: 4.3,
    3: 3.18,
    4: 2.78,
    5: 2.57,
    9: 2.26,
    19: 2.09,
    29: 2.05,
  };
  if (df <= 0) return 0;
  const known = Object.keys(table)
    .map(Number)
    .filter((k) => k <= df);
  return df >= 30 ? 1.96 : table[Math.max(...known)]!;
}
