import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { StaffingPlanOut } from "../../../../src/staffing/contract.ts";
import { liftText, UNMET_CAUSE_LABELS, UNMET_LABELS } from "../../../../src/staffing/contract.ts";
import {
  COVERAGE,
  checkRoster,
  needsOf,
  type RosterShift,
  scheduledBy,
} from "../../../../src/staffing/rosterRules.ts";
import { minutesOf } from "../../../../src/staffing/shifts.ts";
import { ApiError, api, errorText, serverNow } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLabel, useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { CoverageChart } from "./CoverageChart.tsx";
import { RosterGrid } from "./RosterGrid.tsx";
import { Summary } from "./Summary.tsx";
import { addShift, editShift, freePeople } from "./shiftDialogs.ts";
import { Targets } from "./Targets.tsx";

const nextMonth = () => {
  const d = serverNow();
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 7);
};
const strip = ({ name: _n, paidHours: _h, ...s }: StaffingPlanOut["shifts"][number]): RosterShift =>
  s;

/**
 * 要員計画 (leads): make the month's plan, see the coverage and the roster day by day, edit a
 * shift by hand with every rule checked at once, save, and publish to the roster.
 */
export function Staffing() {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const client = useQueryClient();
  const [dialog, ask] = useDialog();
  const [month, setMonth] = useState(nextMonth);
  const key = keys.staffingPlan(month);
  const loaded = useGet<StaffingPlanOut>(key, `/api/v1/staffing/plans?month=${month}`);
  const plan = loaded.data;
  const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
  const [edits, setEdits] = useState<{ planId: string; shifts: RosterShift[] } | null>(null);
  const shifts =
    edits && plan && edits.planId === plan.planId ? edits.shifts : (plan?.shifts.map(strip) ?? []);
  const days = useMemo(
    () => [...new Set(plan?.intervals.map((i) => i.start.slice(0, 10)) ?? [])],
    [plan],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const day =
    chosen && days.includes(chosen)
      ? chosen
      : (days.find((d) => plan?.intervals.some((i) => i.start.startsWith(d) && i.counterOpen)) ??
        days[0]);
  // Every rule, checked in the browser on each edit: the same code the server runs.
  const violations = useMemo(
    () => (plan ? checkRoster(shifts, plan.people, needsOf(plan)) : []),
    [plan, shifts],
  );
  const set = (next: StaffingPlanOut) => {
    client.setQueryData(key, next);
    setEdits(null);
  };
  const make = useMutation({
    mutationFn: () => api<StaffingPlanOut>("POST", "/api/v1/staffing/plans", { month }),
    onSuccess: set,
  });
  const save = useMutation({
    mutationFn: () =>
      api<StaffingPlanOut>("PUT", `/api/v1/staffing/plans/${plan!.planId}/shifts`, { shifts }),
    onSuccess: set,
  });
  const publish = useMutation({
    mutationFn: () =>
      api<StaffingPlanOut>("POST", `/api/v1/staffing/plans/${plan!.planId}/publish`),
    onSuccess: set,
  });
  const failure = make.error ?? save.error ?? publish.error;

  const edit = async (shift: RosterShift) => {
    const next = plan && (await editShift(ask, t, shifts, shift));
    if (next) setEdits({ planId: plan.planId, shifts: next });
  };
  const add = async () => {
    const next = plan && day && (await addShift(ask, t, plan.people, shifts, day));
    if (next) setEdits({ planId: plan.planId, shifts: next });
  };

  const dirty = edits !== null && plan !== undefined && edits.planId === plan.planId;
  // The chart follows edits not yet saved, counted as the server counts them.
  const intervals = useMemo(
    () => (plan && dirty ? scheduledBy(plan.intervals, shifts, plan.people) : plan?.intervals),
    [plan, dirty, shifts],
  );
  const dayIntervals = intervals?.filter((i) => day && i.start.startsWith(day)) ?? [];
  const window = dayIntervals.length
    ? {
        open: minutesOf(dayIntervals[0]!.start.slice(11, 16)),
        close: minutesOf(dayIntervals.at(-1)!.start.slice(11, 16)) + 30,
      }
    : { open: 510, close: 1035 };
  // Broken rules block publishing; shortfalls of cover are the plan's known unmet needs.
  const broken = violations.filter((v) => !COVERAGE.has(v.code));
  const flagged = new Set(
    violations.filter((v) => v.personId && v.date === day).map((v) => v.personId!),
  );

  return (
    <section aria-labelledby="staffing-title" className="staffing">
      {dialog}
      <div className="title-row">
        <h1 id="staffing-title">{t("staffing.title")}</h1>
        <div className="actions">
          <label className="inline">
            {t("staffing.month")}
            <input
              type="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="primary"
            disabled={make.isPending}
            onClick={() => make.mutate()}
          >
            {make.isPending
              ? t("staffing.computing")
              : plan
                ? t("staffing.remake")
                : t("staffing.make")}
          </button>
        </div>
      </div>
      {failure && (
        <p role="alert" className="error">
          {errorText(failure, lang)}
        </p>
      )}
      <Targets />
      {missing && !make.isPending && <p className="notice">{t("staffing.noPlan")}</p>}
      {make.isPending && (
        <p role="status" className="notice">
          {t("staffing.computingHint")}
        </p>
      )}
      {plan && (
        <>
          <Summary plan={plan} />
          <p>
            <a
              className="button"
              href={`/api/v1/staffing/plans/${plan.planId}/roster.xlsx`}
              download
            >
              {t("staffing.exportXlsx")}
            </a>
          </p>
          <fieldset className="day-tabs">
            <legend className="visually-hidden">{t("staffing.days")}</legend>
            {days.map((d) => (
              <button
                key={d}
                type="button"
                className={d === day ? "chosen" : undefined}
                aria-pressed={d === day}
                onClick={() => setChosen(d)}
              >
                {Number(d.slice(8))}
              </button>
            ))}
          </fieldset>
          <h2 className="section-title">{t("staffing.coverageOf", { date: day ?? "" })}</h2>
          <CoverageChart
            intervals={dayIntervals}
            unmet={plan.unmet.filter((u) => u.date === day)}
          />
          <div className="title-row">
            <h2 className="section-title">{t("staffing.rosterOf", { date: day ?? "" })}</h2>
            <button
              type="button"
              disabled={
                plan.publishedAt !== null ||
                !day ||
                freePeople(plan.people, shifts, day).length === 0
              }
              title={t("staffing.addShiftTitle")}
              onClick={() => void add()}
            >
              {t("staffing.addShift")}
            </button>
          </div>
          <RosterGrid
            date={day ?? ""}
            open={window.open}
            close={window.close}
            people={plan.people}
            shifts={shifts}
            onEdit={(s) => void edit(s)}
            flagged={flagged}
          />
          <div className="panel wide-panel">
            <h2>{t("staffing.rules")}</h2>
            {broken.length === 0 ? (
              <p className="ok" role="status">
                ✓ {t("staffing.allRulesHold")}
              </p>
            ) : (
              <ul className="plain violations" aria-live="polite">
                {broken.map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt on every edit
                  <li key={i} className="error">
                    {v.date} {v.at ?? ""} {lang === "ja" ? v.ja : v.en}
                  </li>
                ))}
              </ul>
            )}
            <div className="actions">
              <button
                type="button"
                disabled={!dirty || save.isPending || plan.publishedAt !== null}
                onClick={() => save.mutate()}
              >
                {t("staffing.save")}
              </button>
              <button
                type="button"
                className="primary"
                disabled={dirty || publish.isPending || plan.publishedAt !== null}
                onClick={() => publish.mutate()}
              >
                {plan.publishedAt ? t("staffing.published") : t("staffing.publish")}
              </button>
            </div>
          </div>
          {plan.unmet.length > 0 && (
            <div className="panel wide-panel">
              <h2 id="unmet-title">{t("staffing.unmet")}</h2>
              {/* Wide with its causes and lifts: scrolled by keyboard too. */}
              <section
                className="table-wrap"
                aria-labelledby="unmet-title"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must take the focus to scroll by keys
                tabIndex={0}
              >
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("staffing.date")}</th>
                      <th scope="col">{t("staffing.time")}</th>
                      <th scope="col">{t("staffing.kind")}</th>
                      <th scope="col" className="num">
                        {t("staffing.missing")}
                      </th>
                      <th scope="col">{t("staffing.cause")}</th>
                      <th scope="col">{t("staffing.lift")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.unmet.slice(0, 60).map((u) => (
                      <tr key={`${u.date}-${u.rule}-${u.from}`}>
                        <td>{u.date}</td>
                        <td>
                          {u.from}–{u.to}
                        </td>
                        <td>{label(UNMET_LABELS[u.rule], u.rule)}</td>
                        <td className="num">{u.missing}</td>
                        <td>{u.cause ? label(UNMET_CAUSE_LABELS[u.cause], u.cause) : ""}</td>
                        <td className="wrap">{liftText(u, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </div>
          )}
        </>
      )}
    </section>
  );
}
