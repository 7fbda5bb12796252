import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import type { dutySchema } from "../../../../src/roster/contract.ts";
import { api } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { Field } from "./fields.tsx";
import { say, today, WORK } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** A service day's duty as the API gives it: the server's own contract type. */
type DutyDay = z.infer<typeof dutySchema>;

/** The service day hour by hour: the manager or the deputy must be there in every open hour. */
export function Duty({ ctx }: { ctx: RosterContext }) {
  const lang = useLang();
  const s = say(lang);
  const [date, setDate] = useState(today());
  const client = useQueryClient();
  const dayKey = [...keys.roster, "duty", date];
  const day = useGet<DutyDay>(dayKey, `/api/v1/roster/duty?date=${date}`).data;
  const people = ctx.roster.people.filter((p) => p.active);
  const [form, setForm] = useState({
    personId: "",
    work: "counter",
    startTime: "08:15",
    endTime: "17:15",
  });

  const load = async () => {
    await client.invalidateQueries({ queryKey: dayKey });
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    await ctx.act(
      () => api("POST", "/api/v1/roster/shifts", { ...form, day: date }),
      s("勤務予定を追加しました。", "Shift added."),
      load,
    );
  };
  const remove = (shiftId: string) =>
    ctx.act(() => api("DELETE", `/api/v1/roster/shifts/${shiftId}`), undefined, load);
  const uncovered = day?.hours.filter((h) => h.uncovered) ?? [];

  return (
    <div>
      <label className="inline-field">
        {s("日付", "Date")}
        <input
          type="date"
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
      </label>
      {day && !day.open && (
        <p className="notice">{s("この日は閉庁日です。", "Closed on this day.")}</p>
      )}
      {day?.open && (
        <>
          <p role="status" className={uncovered.length ? "error" : "ok"}>
            {uncovered.length
              ? s(
                  `業務管理者・業務副管理者のどちらも不在の時間があります: ${uncovered.map((h) => `${h.from}〜${h.to}`).join("、")}`,
                  `Neither the manager nor the deputy is on duty: ${uncovered.map((h) => `${h.from}–${h.to}`).join(", ")}`,
                )
              : s(
                  "全ての開庁時間に業務管理者または副管理者がいます。",
                  "The manager or the deputy is on duty in every open hour.",
                )}
          </p>
          <div className="table-wrap">
            <table className="duty-table">
              <caption className="visually-hidden">{s("時間帯ごとの在席", "Duty by hour")}</caption>
              <thead>
                <tr>
                  <th scope="col">{s("時間帯", "Hour")}</th>
                  <th scope="col">
                    {s("業務管理者", "Manager")} {day.manager?.name}
                  </th>
                  <th scope="col">
                    {s("業務副管理者", "Deputy")} {day.deputy?.name}
                  </th>
                  <th scope="col">{s("勤務人数", "People")}</th>
                </tr>
              </thead>
              <tbody>
                {day.hours.map((h) => (
                  <tr key={h.from} className={h.uncovered ? "uncovered" : undefined}>
                    <th scope="row" className="nowrap">
                      {h.from}〜{h.to}
                    </th>
                    <td>{h.managerOnDuty ? `✓ ${s("在席", "On duty")}` : "—"}</td>
                    <td>{h.deputyOnDuty ? `✓ ${s("在席", "On duty")}` : "—"}</td>
                    <td className="num">
                      {h.people}
                      {h.uncovered && (
                        <strong className="error"> {s("管理者不在", "No lead")}</strong>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2 className="section-title">{s("勤務予定", "Shifts")}</h2>
      <ul className="plain">
        {day?.shifts.map((x) => (
          <li key={x.shiftId} className="shift-row">
            <span>
              {x.startTime}〜{x.endTime} {x.name}（{WORK[x.work]?.[lang] ?? x.work}）
            </span>
            {ctx.can("roster.write") && (
              <button type="button" className="ghost" onClick={() => void remove(x.shiftId)}>
                {s("削除", "Remove")}
              </button>
            )}
          </li>
        ))}
        {day && day.shifts.length === 0 && (
          <li className="hint">{s("勤務予定はありません。", "No shifts.")}</li>
        )}
      </ul>
      {ctx.can("roster.write") && (
        <form
          className="panel wide-panel"
          onSubmit={(e) => void add(e)}
          aria-label={s("勤務予定の追加", "Add a shift")}
        >
          <h2>{s("勤務予定を追加", "Add a shift")}</h2>
          <div className="grid">
            <label>
              {s("従事者", "Person")}
              <select
                value={form.personId}
                onChange={(e) => setForm({ ...form, personId: e.target.value })}
                required
              >
                <option value="">{s("選択してください", "Choose")}</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.mandatoryTrainingComplete ? "" : s("（必修研修未了）", " (untrained)")}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {s("業務", "Work")}
              <select
                value={form.work}
                onChange={(e) => setForm({ ...form, work: e.target.value })}
              >
                {Object.entries(WORK).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label[lang]}
                  </option>
                ))}
              </select>
            </label>
            <Field
              label={s("開始", "From")}
              type="time"
              value={form.startTime}
              onChange={(e) => setForm({ ...form, startTime: e.target.value })}
              required
            />
            <Field
              label={s("終了", "To")}
              type="time"
              value={form.endTime}
              onChange={(e) => setForm({ ...form, endTime: e.target.value })}
              required
            />
          </div>
          <button type="submit" className="primary">
            {s("追加", "Add")}
          </button>
        </form>
      )}
    </div>
  );
}
