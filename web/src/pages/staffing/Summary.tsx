import {
  DEMAND_SOURCE_LABELS,
  SOLVE_ENDED_LABELS,
  type StaffingPlanOut,
} from "../../../../src/staffing/contract.ts";
import { useLabel, useT } from "../../i18n.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The plan in figures: hours against the bound and the flat baseline, and the simulated level. */
export function Summary({ plan }: { plan: StaffingPlanOut }) {
  const t = useT();
  const label = useLabel();
  return (
    <>
      <p className="hint plan-basis">
        {label(DEMAND_SOURCE_LABELS[plan.demandSource], plan.demandSource)}
        {" · "}
        {label(SOLVE_ENDED_LABELS[plan.ended], plan.ended)}
        {plan.unscheduledSetups > 0 &&
          ` · ${t("staffing.setupsNotFitted", { count: plan.unscheduledSetups })}`}
        {(plan.setupBacklog ?? 0) > 0 &&
          ` · ${t("staffing.setupBacklog", { count: plan.setupBacklog })}`}
        {(plan.lateSetups ?? 0) > 0 && (
          <strong className="warn-text">
            {` · ${t("staffing.setupsLate", { count: plan.lateSetups })}`}
          </strong>
        )}
      </p>
      <dl className="figures staffing-figures">
        <div>
          <dt>{t("staffing.staffHours")}</dt>
          <dd>
            {plan.staffHours.toFixed(0)}
            <small className="figure-note">
              {t("staffing.bound", {
                bound: plan.lowerBoundHours.toFixed(0),
                gap: plan.gapPercent.toFixed(2),
              })}
            </small>
          </dd>
        </div>
        <div>
          <dt>{t("staffing.baseline")}</dt>
          <dd>
            {plan.baselineStaffHours.toFixed(0)}
            <small className="figure-note">
              {t("staffing.saving", { saving: plan.savingPercent.toFixed(1) })}
            </small>
          </dd>
        </div>
        <div>
          <dt>{t("staffing.simulated", { minutes: plan.targets.counterWaitMinutes })}</dt>
          <dd>
            {pct(plan.simulated.serviceLevel)}
            <small className="figure-note">
              {t("staffing.interval", {
                low: pct(plan.simulated.ciLow),
                high: pct(plan.simulated.ciHigh),
                target: pct(plan.targets.counterServiceLevel),
              })}
            </small>
          </dd>
        </div>
        <div>
          <dt>{t("staffing.waits")}</dt>
          <dd>
            {plan.simulated.meanWaitMinutes.toFixed(1)}
            <small className="figure-note">
              {t("staffing.p90", { p90: plan.simulated.p90WaitMinutes.toFixed(1) })}
            </small>
          </dd>
        </div>
      </dl>
    </>
  );
}
