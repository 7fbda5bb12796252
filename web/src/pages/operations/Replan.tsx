import { useState } from "react";
import type { StaffingPlanOut } from "../../../../src/staffing/contract.ts";
import type { ReplanOut } from "../../../../src/staffing/dayReplan.ts";
import { api } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { today, tokyoTime } from "../../time.ts";

/**
 * 当日の欠勤と再計画: the leads tick who is absent today; the planner proposes who can come in
 * and when, with the counter's cover before and after; one button puts it on the roster.
 */
export function Replan() {
  const t = useT();
  const date = today();
  const plan = useGet<StaffingPlanOut>(
    ["staffing", "plan", date.slice(0, 7)],
    `/api/v1/staffing/plans?month=${date.slice(0, 7)}`,
  ).data;
  const [absent, setAbsent] = useState<string[]>([]);
  const [proposal, setProposal] = useState<ReplanOut | null>(null);
  const command = useCommand([["staffing"], ["roster"]]);
  if (!plan) return null;
  const names = new Map(plan.people.map((p) => [p.id, p.name]));
  const working = [...new Set(plan.shifts.filter((s) => s.date === date).map((s) => s.personId))];
  const propose = () =>
    command.run(async () => {
      setProposal(await api<ReplanOut>("POST", "/api/v1/staffing/replan-day", { date, absent }));
      return undefined;
    });
  const apply = (p: ReplanOut) =>
    command.run(async () => {
      await api("POST", "/api/v1/staffing/replan-day/apply", {
        date,
        absent: p.absent.map((a) => a.personId),
        added: p.added.map(({ name: _, ...s }) => s),
      });
      setProposal(null);
      setAbsent([]);
      return t("replan.applied");
    });
  const short = (x: ReplanOut["before"]) =>
    t("replan.short", { counter: x.counter / 2, phone: x.phone / 2, lead: x.lead / 2 });
  return (
    <section className="panel wide-panel replan" aria-labelledby="replan-title">
      <h2 id="replan-title" className="section-title">
        {t("replan.title", { date })}
      </h2>
      <fieldset>
        <legend>{t("replan.whoAbsent")}</legend>
        <div className="checks">
          {working.map((id) => (
            <label key={id} className="check">
              <input
                type="checkbox"
                checked={absent.includes(id)}
                onChange={(e) =>
                  setAbsent((all) =>
                    e.target.checked ? [...all, id] : all.filter((x) => x !== id),
                  )
                }
              />
              {names.get(id) ?? id}
            </label>
          ))}
        </div>
      </fieldset>
      <button
        type="button"
        className="primary"
        disabled={absent.length === 0 || command.pending}
        onClick={() => void propose()}
      >
        {t("replan.propose")}
      </button>
      {proposal && (
        <div className="replan-result">
          <p>
            {t("replan.before")}: {short(proposal.before)} → {t("replan.after")}:{" "}
            {short(proposal.after)}
          </p>
          {proposal.added.length === 0 ? (
            <p className="muted">{t("replan.nobody")}</p>
          ) : (
            <ul className="plain">
              {proposal.added.map((s) => (
                <li key={s.personId}>
                  <strong>{s.name}</strong> {s.start}〜{s.end}
                  {s.breakStart
                    ? ` ${t("replan.break", { from: s.breakStart, to: s.breakEnd })}`
                    : ""}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t("replan.chart")}</p>
          <div className="replan-chart">
            {proposal.intervals
              .filter((i) => i.counterRequired > 0)
              .map((i) => (
                <span
                  key={i.start}
                  className={i.counterAfter < i.counterRequired ? "slot short" : "slot"}
                  title={`${tokyoTime(i.start)} ${i.counterAfter}/${i.counterRequired}`}
                >
                  {tokyoTime(i.start)} {i.counterBefore}→{i.counterAfter}/{i.counterRequired}
                </span>
              ))}
          </div>
          <button
            type="button"
            className="primary"
            disabled={command.pending}
            onClick={() => void apply(proposal)}
          >
            {t("replan.apply")}
          </button>
        </div>
      )}
      <OutcomeLine message={command.message} />
    </section>
  );
}
