import { mulberry32 } from "../queue/predictor.ts";
import type { DayDemand } from "../staffing/demand.ts";
import { PIN_RESET_WITH_HANDOVER } from "./historyShape.ts";

/**
 * How many come in a month of the demo's past, and when: each procedure's month is its §8(5)
 * reference volume times the month's season, exactly (rounded), and each arrival is placed at
 * random in a half hour of the month with the odds the planner's default shape gives it (Mondays,
 * mornings, month-end…). Drawing each half hour's count on its own instead (Poisson) would let a
 * small category stray far from its volume (27 insurance registrations a month: ±19 % at one
 * standard deviation). PIN resets brought along with a handover count toward their own volume,
 * so that many fewer come on their own. The card deliveries follow the reference's setups.
 * Seeded by the month: a month made again, or partly, gets the same arrivals.
 */
/** In a half hour's arrivals: how many of its handovers bring a PIN reset along. */
export const WITH_PIN_RESET = "handover+pin_reset";

export interface MonthArrivals {
  /** Per day and half hour (minutes from midnight): arrivals per procedure, and phone calls. */
  counter: Map<string, Map<number, Record<string, number>>>;
  phone: Map<string, Map<number, number>>;
  /** Cards delivered per day. */
  cards: Map<string, number>;
}

/** Places `n` items in cells with the odds of their weights (multinomial, by cumulative weight). */
function place(n: number, weights: number[], random: () => number): number[] {
  const out = new Array<number>(weights.length).fill(0);
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += Math.max(0, w);
    cumulative.push(total);
  }
  if (total <= 0) return out;
  for (let k = 0; k < n; k++) {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    out[lo]!++;
  }
  return out;
}

/** Chooses `n` of the items counted per cell, without putting back: how many in each cell. */
function choose(n: number, counts: readonly number[], random: () => number): number[] {
  const items = counts.flatMap((c, k) => new Array<number>(c).fill(k));
  const out = new Array<number>(counts.length).fill(0);
  for (let k = 0; k < Math.min(n, items.length); k++) {
    const j = k + Math.floor(random() * (items.length - k));
    [items[k], items[j]] = [items[j]!, items[k]!];
    out[items[k]!]!++;
  }
  return out;
}

export function monthArrivals(
  month: string,
  demand: readonly DayDemand[],
  volumes: Readonly<Record<string, number>>,
  seed: number,
): MonthArrivals {
  const random = mulberry32(seed ^ Number(month.replace("-", "")));
  const cells = demand.flatMap((d) => d.intervals.map((i) => ({ date: d.date, i })));
  const counter = new Map<string, Map<number, Record<string, number>>>();
  const phone = new Map<string, Map<number, number>>();
  for (const d of demand) {
    counter.set(d.date, new Map(d.intervals.map((i) => [i.start, {}])));
    phone.set(d.date, new Map(d.intervals.map((i) => [i.start, 0])));
  }
  const codes = Object.keys(demand[0]?.intervals[0]?.counter ?? {});
  const handovers = Math.round(volumes.handover ?? 0);
  // Exactly this many handovers bring a PIN reset along (not each by a draw of its own).
  const withPin = Math.min(
    Math.round(volumes.pin_reset ?? 0),
    Math.round(PIN_RESET_WITH_HANDOVER * handovers),
  );
  for (const code of codes) {
    const volume = Math.round(volumes[code] ?? 0);
    const own = code === "pin_reset" ? volume - withPin : volume;
    const placed = place(
      own,
      cells.map((c) => c.i.counter[code] ?? 0),
      random,
    );
    cells.forEach((c, k) => {
      if (placed[k]) counter.get(c.date)!.get(c.i.start)![code] = placed[k]!;
    });
    if (code === "handover") {
      // The PIN resets among the placed handovers, each handover as likely as another.
      const alongside = choose(withPin, placed, random);
      cells.forEach((c, k) => {
        if (alongside[k]) counter.get(c.date)!.get(c.i.start)![WITH_PIN_RESET] = alongside[k]!;
      });
    }
  }
  const calls = place(
    Math.round(volumes.phone ?? 0),
    cells.map((c) => c.i.phone),
    random,
  );
  cells.forEach((c, k) => {
    phone.get(c.date)!.set(c.i.start, calls[k]!);
  });
  // The city delivers about a day's handovers each morning: the month's setups by the days' odds.
  const days = demand.map((d) => d.intervals.reduce((s, i) => s + (i.counter.handover ?? 0), 0));
  const delivered = place(Math.round(volumes.setup ?? 0), days, random);
  return { counter, phone, cards: new Map(demand.map((d, k) => [d.date, delivered[k]!])) };
}
