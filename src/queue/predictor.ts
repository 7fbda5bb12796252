/**
 * Wait prediction (待ち時間の予測). Simulates the queue ahead many times: each open counter that
 * can serve the ticket frees up when its current person is done, then takes the next ticket in
 * call order; service times are drawn from what was observed (today first, then history) or,
 * lacking that, from a spread around the procedure's standard minutes. The median and the 90th
 * percentile of the simulated waits are the range shown: 「約15〜25分」.
 */
export interface QueueItem {
  procedureCodes: string[];
}

export interface InService extends QueueItem {
  /** Minutes since the counter called or started this person. */
  elapsedMinutes: number;
}

export interface PredictorInput {
  /** Tickets that will be called before this one by the counters that can serve it, in call order. */
  ahead: QueueItem[];
  /** People being served at those counters right now; one per counter, at most. */
  inService: InService[];
  /** Open counters able to serve this ticket. */
  servers: number;
  ticket: QueueItem;
  /** Observed service minutes per procedure (most recent first). */
  observed: ReadonlyMap<string, readonly number[]>;
  standardMinutes: ReadonlyMap<string, number>;
  /** Minutes until the counter closes for the day, if known. */
  minutesToClose?: number | undefined;
  seed?: number;
}

export type Prediction =
  | { available: true; median: number; p90: number; naive: number; beyondClosing: boolean }
  | { available: false; reason: "no_counter_open" };

const RUNS = 300;
/** Time to call someone and for them to walk up, in minutes. */
const CALL_OVERHEAD = 0.5;
const MIN_OBSERVED = 8;
const SPREAD = 0.45;

/** A small seeded generator, so the same queue gives the same estimate. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function sampler(input: PredictorInput, random: () => number) {
  return (code: string): number => {
    const seen = input.observed.get(code);
    if (seen && seen.length >= MIN_OBSERVED)
      return seen[Math.floor(random() * seen.length)]! * (0.9 + 0.2 * random());
    const standard = input.standardMinutes.get(code) ?? 10;
    // Lognormal with its median at the standard minutes.
    return standard * Math.exp(SPREAD * normal(random));
  };
}

function meanMinutes(input: PredictorInput, code: string): number {
  const seen = input.observed.get(code);
  if (seen && seen.length >= MIN_OBSERVED) return seen.reduce((a, b) => a + b, 0) / seen.length;
  return (input.standardMinutes.get(code) ?? 10) * Math.exp((SPREAD * SPREAD) / 2);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function predictWait(input: PredictorInput): Prediction {
  if (input.servers <= 0) return { available: false, reason: "no_counter_open" };
  const random = mulberry32(input.seed ?? 1);
  const draw = sampler(input, random);
  const duration = (item: QueueItem) =>
    item.procedureCodes.reduce((sum, code) => sum + draw(code), 0);
  const waits: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const free = Array.from({ length: input.servers }, (_, i) => {
      const current = input.inService[i];
      if (!current) return 0;
      // Remaining time of someone already at the counter: a draw conditioned on having lasted this long.
      let total = duration(current);
      for (let tries = 0; total <= current.elapsedMinutes && tries < 5; tries++)
        total = duration(current);
      return Math.max(0.5, total - current.elapsedMinutes);
    });
    for (const item of input.ahead) {
      let earliest = 0;
      for (let i = 1; i < free.length; i++) if (free[i]! < free[earliest]!) earliest = i;
      free[earliest] = free[earliest]! + CALL_OVERHEAD + duration(item);
    }
    waits.push(Math.min(...free));
  }
  waits.sort((a, b) => a - b);
  const mean = (item: QueueItem) =>
    item.procedureCodes.reduce((sum, code) => sum + meanMinutes(input, code), 0);
  const aheadMinutes = input.ahead.reduce((sum, item) => sum + mean(item), 0);
  const naive =
    (input.ahead.length *
      (input.ahead.length ? aheadMinutes / input.ahead.length : mean(input.ticket))) /
    input.servers;
  const p90 = quantile(waits, 0.9);
  return {
    available: true,
    median: quantile(waits, 0.5),
    p90,
    naive: input.ahead.length === 0 ? 0 : naive,
    beyondClosing:
      input.minutesToClose !== undefined && quantile(waits, 0.5) > input.minutesToClose,
  };
}

/** 「約15〜25分」: rounded to 5 minutes, and never a range narrower than the rounding. */
export function waitRange(prediction: Prediction): { low: number; high: number } | null {
  if (!prediction.available) return null;
  const low = Math.max(0, Math.round(prediction.median / 5) * 5);
  const high = Math.max(low + 5, Math.ceil(prediction.p90 / 5) * 5);
  return { low, high };
}
