import { weekday } from "../../../../src/calendar/dates.ts";
import type { StaffingPlanOut } from "../../../../src/staffing/contract.ts";
import type { RosterShift } from "../../../../src/staffing/rosterRules.ts";
import type { DialogOptions } from "../../ConfirmDialog.tsx";
import type { useT } from "../../i18n.ts";

type Ask = (options: DialogOptions) => Promise<Record<string, string> | null>;
type T = ReturnType<typeof useT>;

/** A shift changed by hand (blank start or end removes it): the shifts after, or null if cancelled. */
export async function editShift(
  ask: Ask,
  t: T,
  shifts: readonly RosterShift[],
  shift: RosterShift,
): Promise<RosterShift[] | null> {
  const answer = await ask({
    title: t("staffing.editTitle", { date: shift.date }),
    body: t("staffing.editHint"),
    confirmLabel: t("staffing.apply"),
    fields: [
      { name: "start", label: t("staffing.start"), type: "time", defaultValue: shift.start },
      { name: "end", label: t("staffing.end"), type: "time", defaultValue: shift.end },
      {
        name: "breakStart",
        label: t("staffing.breakStart"),
        type: "time",
        defaultValue: shift.breakStart ?? "",
      },
      {
        name: "breakEnd",
        label: t("staffing.breakEnd"),
        type: "time",
        defaultValue: shift.breakEnd ?? "",
      },
    ],
  });
  if (!answer) return null;
  return shifts.flatMap((s) => {
    if (s !== shift) return [s];
    if (!answer.start || !answer.end) return [];
    return [
      {
        ...s,
        start: answer.start,
        end: answer.end,
        breakStart: answer.breakStart || null,
        breakEnd: answer.breakEnd || null,
      },
    ];
  });
}

/** People available on a day, on the roster then, without a shift yet: who can be added. */
export function freePeople(
  people: StaffingPlanOut["people"],
  shifts: readonly RosterShift[],
  day: string,
): StaffingPlanOut["people"] {
  return people.filter(
    (p) =>
      p.availability[String(weekday(day))] &&
      p.activeFrom <= day &&
      (p.activeTo === null || p.activeTo >= day) &&
      !shifts.some((s) => s.personId === p.id && s.date === day),
  );
}

/**
 * A shift added by hand for someone available that day who has none yet: the shifts after, or
 * null if cancelled or nobody is free.
 */
export async function addShift(
  ask: Ask,
  t: T,
  people: StaffingPlanOut["people"],
  shifts: readonly RosterShift[],
  day: string,
): Promise<RosterShift[] | null> {
  const free = freePeople(people, shifts, day);
  if (free.length === 0) return null;
  const answer = await ask({
    title: t("staffing.addTitle", { date: day }),
    body: t("staffing.addHint"),
    confirmLabel: t("staffing.add"),
    fields: [
      {
        name: "personId",
        label: t("staffing.person"),
        type: "select",
        options: free.map((p) => ({ value: p.id, label: p.name })),
      },
      { name: "start", label: t("staffing.start"), type: "time", required: true },
      { name: "end", label: t("staffing.end"), type: "time", required: true },
      { name: "breakStart", label: t("staffing.breakStart"), type: "time" },
      { name: "breakEnd", label: t("staffing.breakEnd"), type: "time" },
    ],
  });
  if (!answer?.personId || !answer.start || !answer.end) return null;
  return [
    ...shifts,
    {
      personId: answer.personId,
      date: day,
      start: answer.start,
      end: answer.end,
      breakStart: answer.breakStart || null,
      breakEnd: answer.breakEnd || null,
    },
  ];
}
