import { weekday } from "../calendar/dates.ts";
import type { UnmetCause } from "./contract.ts";
import type { Unmet } from "./coverage.ts";
import { type PlanPerson, slotNeeds, windowOf } from "./model.ts";
import type { DayRequirement } from "./requirement.ts";
import { atWork, minutesOf, type ShiftTemplate, SLOT_MINUTES, shiftTemplates } from "./shifts.ts";
import type { ChosenShift } from "./tails.ts";
import { mondayOf, weeklyLimit } from "./weeks.ts";

/**
 * Why a need is left unmet, the rule that binds: the terminals (demand beyond the integrated
 * terminals), the people (nobody available, trained and within their weekly hours), a skill
 * (someone could be there but is not trained for that work), the lead rule (no manager or
 * deputy can be there), or `unsolved` (someone could cover it and the solve did not: a defect,
 * or a solve cut short by its time limit).
 */
export type { UnmetCause } from "./contract.ts";

/** What would lift it: so many more people (trained for the work), terminals, or a lead. */
export interface UnmetLift {
  kind: "person" | "training" | "terminals" | "lead";
  count: number;
  /** The work the person must be trained for (person, training). */
  work?: "counter" | "phone" | "setup";
  /** For training: people who could be there then, if they were trained (at most three). */
  candidates?: string[];
}

export interface ExplainedUnmet extends Unmet {
  cause: UnmetCause;
  lift: UnmetLift;
}

const WORK = ["counter", "phone", "setup"] as const;
type Work = (typeof WORK)[number];
const can = (p: PlanPerson, work: Work | "lead") =>
  work === "counter"
    ? p.counter
    : work === "phone"
      ? p.phone
      : work === "setup"
        ? p.backOffice
        : p.lead;

const activeOn = (p: PlanPerson, date: string) =>
  p.activeFrom <= date && (p.activeTo === null || p.activeTo >= date);

/**
 * Whether a person could be at work over [from, to) on the day under every rule the planner
 * keeps: their availability, one shift a day of the shapes offered (with its break), and their
 * weekly hours, given the rest of their week. Working already that day, they could stay on a
 * longer shift that still covers what their own shift covers.
 */
function couldCover(
  person: PlanPerson,
  date: string,
  from: number,
  to: number,
  context: {
    window: { open: number; close: number } | null;
    own: ShiftTemplate | undefined;
    weekHours: number;
    limit: number;
  },
): boolean {
  if (!activeOn(person, date) || !context.window) return false;
  const hours = person.availability[String(weekday(date))];
  if (!hours) return false;
  const covers = (t: ShiftTemplate, a: number, b: number) => {
    for (let slot = a; slot < b; slot += SLOT_MINUTES) if (!atWork(t, slot)) return false;
    return true;
  };
  const own = context.own;
  if (own && covers(own, from, to)) return false;
  const rest = context.weekHours - (own ? own.paidMinutes / 60 : 0);
  return shiftTemplates(context.window, {
    from: minutesOf(hours.from),
    to: minutesOf(hours.to),
  }).some((t) => {
    if (rest + t.paidMinutes / 60 > context.limit + 1e-9) return false;
    if (!covers(t, from, to)) return false;
    if (!own) return true;
    for (let slot = own.start; slot < own.end; slot += SLOT_MINUTES)
      if (atWork(own, slot) && !atWork(t, slot)) return false;
    return true;
  });
}

/**
 * Each unmet range of the plan with its binding cause and what would lift it. Pure: the plan's
 * people, its chosen shifts and the requirement come in.
 */
export function explainUnmet(
  unmet: readonly Unmet[],
  people: readonly PlanPerson[],
  chosen: readonly ChosenShift[],
  requirement: readonly DayRequirement[],
  /** Who is at work in a slot, and how much of each work they serve there (assign.ts). */
  slots: {
    atWork: (date: string, slot: number) => readonly PlanPerson[];
    served: (date: string, slot: number) => { counter: number; phone: number; setup: number };
  },
): ExplainedUnmet[] {
  const needs = slotNeeds(requirement);
  const needAt = new Map(needs.map((n) => [`${n.date}|${n.slot}`, n]));
  const windows = new Map(requirement.map((d) => [d.date, windowOf(needs, d.date)]));
  const daysInWeek = new Map<string, number>();
  for (const d of requirement)
    if (windows.get(d.date))
      daysInWeek.set(mondayOf(d.date), (daysInWeek.get(mondayOf(d.date)) ?? 0) + 1);
  const weekHours = new Map<string, number>();
  const ownShift = new Map<string, ShiftTemplate>();
  for (const c of chosen) {
    const key = `${c.person.id}|${mondayOf(c.date)}`;
    weekHours.set(key, (weekHours.get(key) ?? 0) + c.shift.paidMinutes / 60);
    ownShift.set(`${c.person.id}|${c.date}`, c.shift);
  }
  const able = (p: PlanPerson, date: string, from: number, to: number) =>
    couldCover(p, date, from, to, {
      window: windows.get(date) ?? null,
      own: ownShift.get(`${p.id}|${date}`),
      weekHours: weekHours.get(`${p.id}|${mondayOf(date)}`) ?? 0,
      limit: weeklyLimit(p, daysInWeek.get(mondayOf(date)) ?? 5),
    });
  return unmet.map((u): ExplainedUnmet => {
    if (u.rule === "terminals")
      return { ...u, cause: "terminals", lift: { kind: "terminals", count: u.missing } };
    const from = minutesOf(u.from);
    const to = minutesOf(u.to);
    const free = people.filter((p) => able(p, u.date, from, to));
    if (u.rule === "lead")
      return free.some((p) => p.lead)
        ? { ...u, cause: "unsolved", lift: { kind: "lead", count: 1 } }
        : { ...u, cause: "lead_rule", lift: { kind: "lead", count: 1 } };
    const work = (WORK as readonly string[]).includes(u.rule) ? (u.rule as Work) : "counter";
    if (free.some((p) => can(p, work)))
      return { ...u, cause: "unsolved", lift: { kind: "person", count: u.missing, work } };
    // At work throughout and not all needed for what they do (more people there than the work
    // they serve): one of them trained for this work would do it.
    let spare = Number.POSITIVE_INFINITY;
    let there: readonly PlanPerson[] | undefined;
    for (let slot = from; slot < to; slot += SLOT_MINUTES) {
      const at = slots.atWork(u.date, slot);
      const served = slots.served(u.date, slot);
      const need = needAt.get(`${u.date}|${slot}`);
      const busy =
        Math.min(served.counter, need?.counter ?? 0) +
        Math.min(served.phone, need?.phone ?? 0) +
        Math.min(served.setup, need?.setup ?? 0);
      spare = Math.min(spare, at.length - busy);
      there = there ? there.filter((p) => at.includes(p)) : at;
    }
    const untrained = [...free, ...(spare > 0 ? (there ?? []).filter((p) => !can(p, work)) : [])];
    if (untrained.length > 0)
      return {
        ...u,
        cause: `${work}_skill`,
        lift: {
          kind: "training",
          count: Math.min(u.missing, free.length + Math.max(0, spare)),
          work,
          candidates: untrained.slice(0, 3).map((p) => p.name),
        },
      };
    return { ...u, cause: "people", lift: { kind: "person", count: u.missing, work } };
  });
}
