import type { DayDemand } from "./demand.ts";
import type { SlotNeed } from "./model.ts";
import type { DayRequirement } from "./requirement.ts";
import { hhmm, SLOT_MINUTES } from "./shifts.ts";
import type { SimDay } from "./simulate.ts";

/** One uncovered need of the plan, merged over consecutive slots. */
export interface Unmet {
  date: string;
  from: string;
  to: string;
  /** counter, phone, setup, lead (a manager or deputy), terminals (beyond the 5). */
  rule: string;
  /** Staff missing, at the worst moment of the range. */
  missing: number;
}

/** Per simulated day (its index) and half hour of arrival: those called in time, of all. */
export type SimulatedHalfHours = ReadonlyMap<string, { within: number; count: number }>;

/** The days the simulator runs (those the counter opens), in the demand's order. */
export const simulatedDays = (demand: readonly DayDemand[]) =>
  demand.filter((d) => d.intervals.some((i) => i.counterOpen));

/** The simulator's days from the demand and the counter staff each slot has. */
export function simDays(
  demand: readonly DayDemand[],
  counterBySlot: (date: string, slot: number) => number,
): SimDay[] {
  return simulatedDays(demand).map((d) => {
    const open = d.intervals.filter((i) => i.counterOpen);
    const servers: SimDay["servers"] = [];
    for (const i of open)
      for (let slot = i.start; slot < i.start + i.minutes; slot += SLOT_MINUTES)
        servers.push({
          start: slot,
          end: slot + SLOT_MINUTES,
          count: counterBySlot(d.date, slot),
        });
    return {
      arrivals: open.map((i) => ({
        start: i.start,
        end: i.start + i.minutes,
        perHour: Object.fromEntries(
          Object.entries(i.counter).map(([code, n]) => [code, (n * 60) / i.minutes]),
        ),
      })),
      servers,
    };
  });
}

/**
 * What the plan leaves uncovered, slot by slot from the assignment of the people at work (the
 * same the rule check makes), merged into time ranges per kind: counter, phone, setup, lead (a
 * manager or deputy), and terminals (demand beyond the integrated terminals).
 */
export function unmetOf(
  needs: readonly SlotNeed[],
  servedAt: (date: string, slot: number) => { counter: number; phone: number; setup: number },
  leadAt: (date: string, slot: number) => boolean,
  requirement: readonly DayRequirement[],
): Unmet[] {
  const raw = new Map<string, number>();
  for (const n of needs) {
    const got = servedAt(n.date, n.slot);
    for (const [rule, short] of [
      ["counter", n.counter - got.counter],
      ["phone", n.phone - got.phone],
      ["setup", n.setup - got.setup],
      ["lead", n.lead && !leadAt(n.date, n.slot) ? 1 : 0],
    ] as const)
      if (short > 0) raw.set(`${n.date}|${rule}|${String(n.slot).padStart(4, "0")}`, short);
  }
  for (const day of requirement)
    for (const i of day.intervals)
      if (i.terminalShortfall > 0)
        for (let slot = i.start; slot < i.start + i.minutes; slot += SLOT_MINUTES)
          raw.set(`${day.date}|terminals|${String(slot).padStart(4, "0")}`, i.terminalShortfall);
  // Runs of consecutive slots of one kind become one line.
  const out: Unmet[] = [];
  for (const key of [...raw.keys()].sort()) {
    const [date, rule, slotText] = key.split("|") as [string, string, string];
    const slot = Number(slotText);
    const last = out.at(-1);
    if (last && last.date === date && last.rule === rule && last.to === hhmm(slot)) {
      last.to = hhmm(slot + SLOT_MINUTES);
      last.missing = Math.max(last.missing, raw.get(key)!);
    } else
      out.push({
        date,
        rule,
        from: hhmm(slot),
        to: hhmm(slot + SLOT_MINUTES),
        missing: raw.get(key)!,
      });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.from.localeCompare(b.from));
}
