/**
 * Shifts a person can work on a day, in 15-minute slots, with the break the Labour Standards Act
 * (労働基準法第34条) requires: more than 6 hours of work → at least 45 minutes, more than 8 →
 * at least 60. Breaks may start at several times, so the optimiser can stagger them and the
 * counter never stops (§6(3)). Pure.
 */
export const SLOT_MINUTES = 15;

export interface ShiftTemplate {
  /** Minutes from midnight. */
  start: number;
  end: number;
  breakStart: number | null;
  breakMinutes: number;
  /** Worked (paid) minutes: the span less the break. */
  paidMinutes: number;
}

export function requiredBreakMinutes(workMinutes: number): number {
  if (workMinutes > 8 * 60) return 60;
  if (workMinutes > 6 * 60) return 45;
  return 0;
}

/**
 * Worked lengths offered: a half day, a six-hour day, a full day. A day's window rarely fits a
 * full day and its break exactly (08:30–17:00 holds 7¾ hours and 45 minutes), so the longest
 * work that does fit is offered too: without it nobody could stay the whole day, and a roster of
 * 6-hour shifts left the afternoons short with hours to spare. (3-hour cover was dropped: it
 * saved 0.6 % of the hours of a month and cost half its solve.)
 */
export const WORK_LENGTHS = [240, 360, 480] as const;
const START_STEP = 30;
const BREAK_STEP = 60;
/** A break neither right after arriving nor right before leaving. */
const BREAK_EARLIEST = 180;
const BREAK_LATEST_BEFORE_END = 120;

/**
 * The shifts inside both the day's working window and the person's availability. Short days
 * (a weekend morning) also get a shift of exactly their length.
 */
export function shiftTemplates(
  window: { open: number; close: number },
  availability: { from: number; to: number },
): ShiftTemplate[] {
  const from = Math.max(window.open, availability.from);
  const to = Math.min(window.close, availability.to);
  const out: ShiftTemplate[] = [];
  if (to - from < 60) return out;
  const lengths = new Set<number>(
    WORK_LENGTHS.filter((l) => l + requiredBreakMinutes(l) <= to - from),
  );
  const whole = longestWorkWithin(to - from);
  if (whole > 360) lengths.add(whole);
  if (window.close - window.open <= 240 && to - from >= window.close - window.open)
    lengths.add(window.close - window.open);
  for (const work of lengths) {
    const pause = requiredBreakMinutes(work);
    const span = work + pause;
    for (let start = from; start + span <= to; start += START_STEP) {
      const end = start + span;
      if (pause === 0) {
        out.push({ start, end, breakStart: null, breakMinutes: 0, paidMinutes: work });
        continue;
      }
      for (
        let breakStart = start + BREAK_EARLIEST;
        breakStart + pause <= end - BREAK_LATEST_BEFORE_END;
        breakStart += BREAK_STEP
      )
        out.push({ start, end, breakStart, breakMinutes: pause, paidMinutes: work });
    }
  }
  return out;
}

/** The most work (at most 8 hours) that fits in `span` minutes with its break, to the slot. */
export function longestWorkWithin(span: number): number {
  for (let work = Math.min(480, span); work > 0; work -= SLOT_MINUTES)
    if (work + requiredBreakMinutes(work) <= span) return work;
  return 0;
}

/** Whether the person on this shift is at work (not on break) during the slot starting at `slot`. */
export function atWork(shift: ShiftTemplate, slot: number): boolean {
  if (slot < shift.start || slot + SLOT_MINUTES > shift.end) return false;
  if (shift.breakStart === null) return true;
  return slot + SLOT_MINUTES <= shift.breakStart || slot >= shift.breakStart + shift.breakMinutes;
}

export const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
export const minutesOf = (time: string) => {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
};
