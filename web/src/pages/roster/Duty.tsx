import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { type dutySchema, shiftBody } from "../../../../src/roster/contract.ts";
import { api } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { today, WORK } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** A service day's duty as the API gives it: the server's own contract type. */
type DutyDay = z.infer<typeof dutySchema>;

/** The service day hour by hour: the manager or the deputy must be there in every open hour. */
export function Duty({ ctx }: { ctx: RosterContext }) {
  const lang = useLang();
  const t = useT();
  const [date, setDate] = useState(today());
  const client = useQueryClient();
  const dayKey = [...keys.roster, "duty", date];
  const day = useGet<DutyDay>(dayKey, `/api/v1/roster/duty?date=${date}`).data;
  const people = ctx.roster.people.filter((p) => p.active);
  const load = async () => {
    await client.invalidateQueries({ queryKey: dayKey });
  };

  const remove = (shiftId: string) =>
    ctx.act(() => api("DELETE", `/api/v1/roster/shifts/${shiftId}`), undefined, load);
  const uncovered = day?.hours.filter((h) => h.uncovered) ?? [];

  return (
    <div>
      <label className="inline-field">
        {t("rosterDuty.date")}
        <input
          type="date"
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
      </label>
      {day && !day.open && <p className="notice">{t("rosterDuty.closedOnThisDay")}</p>}
      {day?.open && (
        <>
          <p role="status" className={uncovered.length ? "error" : "ok"}>
            {uncovered.length
              ? t("rosterDuty.neitherTheManagerNorTheDeputy", {
                  value: uncovered.map((h) => `${h.from}〜${h.to}`).join("、"),
                  value2: uncovered.map((h) => `${h.from}–${h.to}`).join(", "),
                })
              : t("rosterDuty.theManagerOrTheDeputyIs")}
          </p>
          <div className="table-wrap">
            <table className="duty-table">
              <caption className="visually-hidden">{t("rosterDuty.dutyByHour")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rosterDuty.hour")}</th>
                  <th scope="col">
                    {t("rosterDuty.manager")} {day.manager?.name}
                  </th>
                  <th scope="col">
                    {t("rosterDuty.deputy")} {day.deputy?.name}
                  </th>
                  <th scope="col">{t("rosterDuty.people")}</th>
                </tr>
              </thead>
              <tbody>
                {day.hours.map((h) => (
                  <tr key={h.from} className={h.uncovered ? "uncovered" : undefined}>
                    <th scope="row" className="nowrap">
                      {h.from}〜{h.to}
                    </th>
                    <td>{h.managerOnDuty ? `✓ ${t("rosterDuty.onDuty")}` : "—"}</td>
                    <td>{h.deputyOnDuty ? `✓ ${t("rosterDuty.onDuty")}` : "—"}</td>
                    <td className="num">
                      {h.people}
                      {h.uncovered && <strong className="error"> {t("rosterDuty.noLead")}</strong>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2 className="section-title">{t("rosterDuty.shifts")}</h2>
      <ul className="plain">
        {day?.shifts.map((x) => (
          <li key={x.shiftId} className="shift-row">
            <span>
              {x.startTime}〜{x.endTime} {x.name}（{WORK[x.work]?.[lang] ?? x.work}）
            </span>
            {ctx.can("roster.write") && (
              <button type="button" className="ghost" onClick={() => void remove(x.shiftId)}>
                {t("rosterDuty.remove")}
              </button>
            )}
          </li>
        ))}
        {day && day.shifts.length === 0 && <li className="hint">{t("rosterDuty.noShifts")}</li>}
      </ul>
      {ctx.can("roster.write") && (
        <ShiftForm
          people={people}
          onAdd={(shift) =>
            ctx.act(
              () => api("POST", "/api/v1/roster/shifts", { ...shift, day: date }),
              t("rosterDuty.shiftAdded"),
              load,
            )
          }
        />
      )}
    </div>
  );
}

const shiftForm = shiftBody.omit({ day: true });
type ShiftFields = z.infer<typeof shiftForm>;

/** 勤務予定を追加: a shift of the chosen day, checked by the server's own schema. */
function ShiftForm({
  people,
  onAdd,
}: {
  people: RosterContext["roster"]["people"];
  onAdd: (shift: ShiftFields) => Promise<boolean>;
}) {
  const t = useT();
  const lang = useLang();
  const form = useForm<ShiftFields>({
    defaultValues: { personId: "", work: "counter", startTime: "08:15", endTime: "17:15" },
    resolver: contractResolver(shiftForm, lang),
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      className="panel wide-panel"
      onSubmit={form.handleSubmit(async (v) => void (await onAdd(v)))}
      aria-label={t("rosterDuty.addAShift")}
      noValidate
    >
      <h2>{t("rosterDuty.addAShift2")}</h2>
      <div className="grid">
        <Field label={t("rosterDuty.person")} error={errors.personId}>
          <select {...form.register("personId")}>
            <option value="">{t("rosterDuty.choose")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.mandatoryTrainingComplete ? "" : t("rosterDuty.untrained")}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("rosterDuty.work")} error={errors.work}>
          <select {...form.register("work")}>
            {Object.entries(WORK).map(([value, label]) => (
              <option key={value} value={value}>
                {label[lang]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("rosterDuty.from")} error={errors.startTime}>
          <input type="time" {...form.register("startTime")} />
        </Field>
        <Field label={t("rosterDuty.to")} error={errors.endTime}>
          <input type="time" {...form.register("endTime")} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={isSubmitting}>
        {t("rosterDuty.add")}
      </button>
    </form>
  );
}
