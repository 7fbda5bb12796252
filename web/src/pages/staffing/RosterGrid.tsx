import type { PlanPerson } from "../../../../src/staffing/model.ts";
import type { RosterShift } from "../../../../src/staffing/rosterRules.ts";
import { minutesOf } from "../../../../src/staffing/shifts.ts";
import { useT } from "../../i18n.ts";

const SLOT = 15;

/**
 * The day's roster: a row per person with a shift, a cell per quarter hour — at work, on break,
 * or off. The times are also written out, so the grid reads without colours. A row's button
 * opens the shift for a hand edit.
 */
export function RosterGrid(props: {
  date: string;
  open: number;
  close: number;
  people: PlanPerson[];
  shifts: RosterShift[];
  onEdit: (shift: RosterShift) => void;
  flagged: ReadonlySet<string>;
}) {
  const t = useT();
  const slots: number[] = [];
  for (let m = props.open; m < props.close; m += SLOT) slots.push(m);
  const names = new Map(props.people.map((p) => [p.id, p]));
  const rows = props.shifts
    .filter((s) => s.date === props.date)
    .sort((a, b) => a.start.localeCompare(b.start));
  const state = (s: RosterShift, m: number) => {
    if (m < minutesOf(s.start) || m >= minutesOf(s.end)) return "off";
    if (s.breakStart && s.breakEnd && m >= minutesOf(s.breakStart) && m < minutesOf(s.breakEnd))
      return "break";
    return "work";
  };
  return (
    <div className="table-wrap roster-grid-wrap">
      <table className="roster-grid">
        <caption className="visually-hidden">
          {t("staffing.rosterOf", { date: props.date })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("staffing.person")}</th>
            <th scope="col">{t("staffing.hours")}</th>
            {slots.map((m) => (
              <th scope="col" key={m} className="slot-head">
                {m % 60 === 0 ? `${m / 60}` : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const person = names.get(s.personId);
            return (
              <tr
                key={`${s.personId}-${s.start}`}
                className={props.flagged.has(s.personId) ? "flagged" : undefined}
              >
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => props.onEdit(s)}>
                    {person?.name ?? s.personId}
                  </button>
                  {person?.lead && <span className="lead-mark"> {t("staffing.lead")}</span>}
                </th>
                <td className="nowrap">
                  {s.start}–{s.end}
                  {s.breakStart && (
                    <small> {t("staffing.breakAt", { from: s.breakStart, to: s.breakEnd })}</small>
                  )}
                </td>
                {slots.map((m) => (
                  <td key={m} className={`slot slot-${state(s, m)}`} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
