import { weekday } from "../calendar/dates.ts";
import type { DayRequirement } from "./requirement.ts";
import { atWork, minutesOf, type ShiftTemplate, SLOT_MINUTES, shiftTemplates } from "./shifts.ts";

/** A person the plan may schedule: only trained people on the roster are passed in. */
export interface PlanPerson {
  id: string;
  name: string;
  counter: boolean;
  phone: boolean;
  backOffice: boolean;
  /** 業務管理者 or 業務副管理者: one of them is present whenever the counter is open. */
  lead: boolean;
  weeklyHourLimit: number;
  /** Hours by weekday ("0" = Sunday … "6"), as on the roster. */
  availability: Partial<Record<string, { from: string; to: string }>>;
  activeFrom: string;
  activeTo: string | null;
}

/** What a slot needs: counter, phone and setup staff, and whether a lead must be there. */
export interface SlotNeed {
  date: string;
  slot: number;
  counter: number;
  phone: number;
  setup: number;
  lead: boolean;
}

export interface Column {
  kind: "shift" | "unmet";
  person?: string;
  date: string;
  shift?: ShiftTemplate;
  /** For unmet: which rule it relaxes. */
  rule?:
    | "total"
    | "counter"
    | "phone"
    | "setup"
    | "counter_phone"
    | "counter_setup"
    | "phone_setup"
    | "lead";
  slot?: number;
}

/** Cost of one person missing for one 15-minute slot, in staff-hours: far above any shift. */
export const UNMET_COST = 20;
export const LEAD_UNMET_COST = 40;

export interface LinearModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC: column j's entries are starts[j]..starts[j+1]. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array;
  columns: Column[];
}

const RULES = [
  "total",
  "counter",
  "phone",
  "setup",
  "counter_phone",
  "counter_setup",
  "phone_setup",
  "lead",
] as const;

/** The kinds of work each rule asks for: a rule covers the work of those whose kinds are a subset. */
const RULE_WORK: Record<NonNullable<Column["rule"]>, readonly string[]> = {
  total: ["counter", "phone", "setup"],
  counter: ["counter"],
  phone: ["phone"],
  setup: ["setup"],
  counter_phone: ["counter", "phone"],
  counter_setup: ["counter", "setup"],
  phone_setup: ["phone", "setup"],
  lead: ["lead"],
};
const narrower = (a: NonNullable<Column["rule"]>, b: NonNullable<Column["rule"]>) =>
  a !== "lead" && b !== "lead" && RULE_WORK[a].every((w) => RULE_WORK[b].includes(w));

/** The 15-minute slots of each day with their needs, from the half-hour requirement. */
export function slotNeeds(days: readonly DayRequirement[]): SlotNeed[] {
  const out: SlotNeed[] = [];
  for (const day of days)
    for (const i of day.intervals)
      for (let slot = i.start; slot < i.start + i.minutes; slot += SLOT_MINUTES)
        out.push({
          date: day.date,
          slot,
          counter: i.counterOpen ? i.counterRequired : 0,
          phone: i.phoneOpen ? i.phoneRequired : 0,
          setup: i.setupRequired,
          lead: i.counterOpen,
        });
  return out;
}

/** The working window of a day: from the first slot that needs anyone to the last. */
export function windowOf(needs: readonly SlotNeed[], date: string) {
  const slots = needs.filter((n) => n.date === date && n.counter + n.phone + n.setup > 0);
  if (slots.length === 0) return null;
  return {
    open: Math.min(...slots.map((s) => s.slot)),
    close: Math.max(...slots.map((s) => s.slot)) + SLOT_MINUTES,
  };
}

const activeOn = (p: PlanPerson, date: string) =>
  p.activeFrom <= date && (p.activeTo === null || p.activeTo >= date);

/**
 * The integer program of one week: choose at most one shift (with its break) per person and day;
 * cover every slot's counter, phone and setup need by capable people at work, a lead whenever
 * the counter is open; keep each person within their weekly hours and availability. Minimise
 * paid hours; every unmet need has a slack column at a cost far above any shift, so the model
 * is always feasible and says what it could not cover.
 */
export function weekModel(
  people: readonly PlanPerson[],
  days: readonly DayRequirement[],
): LinearModel {
  const needs = slotNeeds(days);
  // A half hour whose two quarters need the same is one row (a shift counts where it is at work
  // in both): half the rows for the solver to carry, the same cover for every aligned shift.
  const spans = new Map<string, number>();
  const rowNeeds = needs.filter((n, k) => {
    const prev = needs[k - 1];
    if (
      prev &&
      prev.date === n.date &&
      prev.slot + SLOT_MINUTES === n.slot &&
      spans.get(`${prev.date}|${prev.slot}`) === SLOT_MINUTES &&
      (prev.slot - (days.find((d) => d.date === n.date)?.intervals[0]?.start ?? 0)) % 30 === 0 &&
      prev.counter === n.counter &&
      prev.phone === n.phone &&
      prev.setup === n.setup &&
      prev.lead === n.lead
    ) {
      spans.set(`${prev.date}|${prev.slot}`, 2 * SLOT_MINUTES);
      return false;
    }
    spans.set(`${n.date}|${n.slot}`, SLOT_MINUTES);
    return true;
  });
  const columns: Column[] = [];
  const entries: [number, number][][] = [];
  let rows = 0;
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (lower: number, upper: number) => {
    rowLower.push(lower);
    rowUpper.push(upper);
    return rows++;
  };
  const cost: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];

  // Coverage rows, one per slot and rule that needs someone.
  // Per day and slot, the row of each rule (RULES order) or -1: looked up for every shift's slots.
  const coverRows = new Map<string, Map<number, Int32Array>>();
  for (const n of rowNeeds) {
    const total = n.counter + n.phone + n.setup;
    const quarters = spans.get(`${n.date}|${n.slot}`)! / SLOT_MINUTES;
    // Hall's condition for the three kinds of work: every set of them needs at least as many
    // people able to do one of them as it has needs, so an assignment of the people at work to
    // counter, phone and setup exists whenever these rows hold.
    const rules: [Column["rule"], number][] = [
      ["total", total],
      ["counter", n.counter],
      ["phone", n.phone],
      ["setup", n.setup],
      ["counter_phone", n.counter + n.phone],
      ["counter_setup", n.counter + n.setup],
      ["phone_setup", n.phone + n.setup],
      ["lead", n.lead ? 1 : 0],
    ];
    for (const [rule, need] of rules) {
      if (need <= 0) continue;
      // A rule whose work every narrower rule with as large a need already covers adds nothing:
      // the people able to do the narrower work are among those able to do this one.
      if (rules.some(([other, n]) => other !== rule && n >= need && narrower(other!, rule!)))
        continue;
      const row = addRow(need, Number.POSITIVE_INFINITY);
      let bySlot = coverRows.get(n.date);
      if (!bySlot) {
        bySlot = new Map();
        coverRows.set(n.date, bySlot);
      }
      let rows = bySlot.get(n.slot);
      if (!rows) {
        rows = new Int32Array(RULES.length).fill(-1);
        bySlot.set(n.slot, rows);
      }
      rows[RULES.indexOf(rule!)] = row;
      columns.push({ kind: "unmet", date: n.date, slot: n.slot, rule });
      cost.push((rule === "lead" ? LEAD_UNMET_COST : UNMET_COST) * quarters);
      upper.push(need);
      integer.push(0);
      entries.push([[row, 1]]);
    }
  }
  for (const person of people) {
    const hoursRow = addRow(Number.NEGATIVE_INFINITY, person.weeklyHourLimit);
    const can: Record<(typeof RULES)[number], boolean> = {
      total: person.counter || person.phone || person.backOffice,
      counter: person.counter,
      phone: person.phone,
      setup: person.backOffice,
      counter_phone: person.counter || person.phone,
      counter_setup: person.counter || person.backOffice,
      phone_setup: person.phone || person.backOffice,
      lead: person.lead,
    };
    // The rules this person's work counts toward, in RULES order (as the rows were made).
    const capable = RULES.flatMap((rule, i) => (can[rule] ? [i] : []));
    for (const day of days) {
      const hours = person.availability[String(weekday(day.date))];
      const window = windowOf(needs, day.date);
      if (!hours || !window || !activeOn(person, day.date)) continue;
      const shifts = shiftTemplates(window, {
        from: minutesOf(hours.from),
        to: minutesOf(hours.to),
      });
      if (shifts.length === 0) continue;
      const dayRow = addRow(Number.NEGATIVE_INFINITY, 1);
      const daySlots = coverRows.get(day.date);
      for (const shift of shifts) {
        const column: [number, number][] = [
          [dayRow, 1],
          [hoursRow, shift.paidMinutes / 60],
        ];
        for (let slot = shift.start; slot < shift.end; slot += SLOT_MINUTES) {
          const rows = daySlots?.get(slot);
          if (!rows || !atWork(shift, slot)) continue;
          if (
            spans.get(`${day.date}|${slot}`)! > SLOT_MINUTES &&
            !atWork(shift, slot + SLOT_MINUTES)
          )
            continue;
          for (const r of capable) if (rows[r]! >= 0) column.push([rows[r]!, 1]);
        }
        columns.push({ kind: "shift", person: person.id, date: day.date, shift });
        // Hours first; a hair of cost on lateness keeps equal plans in a stable order.
        cost.push(shift.paidMinutes / 60 + shift.start * 1e-7);
        upper.push(1);
        integer.push(1);
        entries.push(column);
      }
    }
  }
  const starts = new Int32Array(columns.length + 1);
  const flat = entries.flat();
  const indices = new Int32Array(flat.length);
  const values = new Float64Array(flat.length);
  let k = 0;
  entries.forEach((column, j) => {
    starts[j] = k;
    for (const [row, value] of column.sort((a, b) => a[0] - b[0])) {
      indices[k] = row;
      values[k++] = value;
    }
  });
  starts[columns.length] = k;
  return {
    numCols: columns.length,
    numRows: rows,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(columns.length),
    colUpper: Float64Array.from(upper),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts,
    indices,
    values,
    integrality: Int32Array.from(integer),
    columns,
  };
}
