import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { type TenantTargets, tenantTargetsSchema } from "../../../../src/staffing/contract.ts";
import { api } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { useMe } from "../../session.tsx";

/** Shares offered for a target: a select, so nobody types 80 where 0.8 is meant. */
const SHARES = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const SHRINKAGE = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * サービス水準目標: what the tenant's plans aim at. The manager sets it; the deputy sees it. A plan
 * keeps the targets it was made for, so a change shows in the next plan made.
 */
export function Targets() {
  const t = useT();
  const lang = useLang();
  const me = useMe();
  const mayChange = me.permissions.includes("staffing.configure");
  const current = useGet<TenantTargets & { updatedAt: string | null }>(
    keys.staffingTargets,
    "/api/v1/staffing/targets",
  ).data;
  const { run, pending, message } = useCommand([keys.staffingTargets]);
  const form = useForm<TenantTargets>({ resolver: contractResolver(tenantTargetsSchema, lang) });
  const { errors } = form.formState;
  useEffect(() => {
    if (current) {
      const { updatedAt: _, ...values } = current;
      form.reset(values);
    }
  }, [current, form]);
  if (!current) return null;
  const submit = form.handleSubmit((values) =>
    run(async () => {
      await api("PUT", "/api/v1/staffing/targets", values);
      return t("staffing.targetsSaved");
    }),
  );
  const share = (name: "counterServiceLevel" | "phoneServiceLevel" | "shrinkage") => (
    <select disabled={!mayChange} {...form.register(name, { setValueAs: Number })}>
      {(name === "shrinkage" ? SHRINKAGE : SHARES).map((s) => (
        <option key={s} value={s}>
          {percent(s)}
        </option>
      ))}
    </select>
  );
  return (
    <details className="panel wide-panel targets">
      <summary>
        {t("staffing.targets")}:{" "}
        {t("staffing.targetsLine", {
          counter: percent(current.counterServiceLevel),
          minutes: current.counterWaitMinutes,
          phone: percent(current.phoneServiceLevel),
          seconds: current.phoneWaitSeconds,
        })}
      </summary>
      <form onSubmit={submit} noValidate>
        <p className="hint">{t("staffing.targetsHint")}</p>
        <div className="grid">
          <Field label={t("staffing.counterShare")} error={errors.counterServiceLevel}>
            {share("counterServiceLevel")}
          </Field>
          <Field label={t("staffing.counterMinutes")} error={errors.counterWaitMinutes}>
            <input
              type="number"
              inputMode="numeric"
              disabled={!mayChange}
              {...form.register("counterWaitMinutes", { valueAsNumber: true })}
            />
          </Field>
          <Field label={t("staffing.phoneShare")} error={errors.phoneServiceLevel}>
            {share("phoneServiceLevel")}
          </Field>
          <Field label={t("staffing.phoneSeconds")} error={errors.phoneWaitSeconds}>
            <input
              type="number"
              inputMode="numeric"
              disabled={!mayChange}
              {...form.register("phoneWaitSeconds", { valueAsNumber: true })}
            />
          </Field>
          <Field label={t("staffing.shrinkage")} error={errors.shrinkage}>
            {share("shrinkage")}
          </Field>
        </div>
        {mayChange && (
          <button type="submit" className="primary" disabled={pending}>
            {t("staffing.saveTargets")}
          </button>
        )}
        <OutcomeLine message={message} />
      </form>
    </details>
  );
}
