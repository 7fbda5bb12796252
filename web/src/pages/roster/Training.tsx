import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { Field } from "./fields.tsx";
import { type Course, say, type TrainingSession, today } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** 研修: courses (mandatory ones gate the counter), the city's approval, sessions and attendees. */
export function Training({ ctx }: { ctx: RosterContext }) {
  const lang = useLang();
  const s = say(lang);
  const client = useQueryClient();
  const data = useGet<{ courses: Course[]; sessions: TrainingSession[] }>(
    keys.training,
    "/api/v1/training",
  ).data;
  const courses = data?.courses ?? [];
  const sessions = data?.sessions ?? [];
  const [form, setForm] = useState({
    courseId: "",
    heldOn: today(),
    instructor: "",
    attendees: [] as string[],
  });
  const names = new Map(ctx.roster.people.map((p) => [p.id, p.name]));
  const people = ctx.roster.people.filter((p) => p.active || p.startDate > today());

  const load = async () => {
    await client.invalidateQueries({ queryKey: keys.training });
  };

  const record = async (event: FormEvent) => {
    event.preventDefault();
    const title = courses.find((c) => c.courseId === form.courseId)?.title ?? "";
    const recorded = await ctx.act(
      () => api("POST", "/api/v1/training/sessions", form),
      s(
        `研修「${title}」の受講を${form.attendees.length}名分記録しました。`,
        `Recorded ${form.attendees.length} attendees.`,
      ),
      () => Promise.all([load(), ctx.reload()]),
    );
    if (recorded) setForm((f) => ({ ...f, attendees: [] }));
  };
  const approve = (course: Course) =>
    ctx.act(
      () => api("POST", `/api/v1/training/courses/${course.courseId}/approve`),
      s(`「${course.title}」の教材を承認しました。`, `Approved "${course.titleEn}".`),
      load,
    );

  return (
    <div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{s("研修コース", "Courses")}</caption>
          <thead>
            <tr>
              <th scope="col">{s("研修", "Course")}</th>
              <th scope="col">{s("区分", "Kind")}</th>
              <th scope="col">{s("教材", "Material")}</th>
              <th scope="col">{s("市の承諾", "City approval")}</th>
              <th scope="col">{s("受講者", "Attended")}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => {
              const attended = new Set(
                sessions.filter((x) => x.courseId === c.courseId).flatMap((x) => x.attendees),
              );
              return (
                <tr key={c.courseId}>
                  <th scope="row">
                    {lang === "ja" ? c.title : c.titleEn}
                    <span className="hint-inline">{c.content}</span>
                  </th>
                  <td>
                    {c.mandatory ? (
                      <strong>{s("必修（従事前）", "Mandatory")}</strong>
                    ) : (
                      s("任意", "Optional")
                    )}
                  </td>
                  <td>{s(`第${c.materialVersion}版`, `v${c.materialVersion}`)}</td>
                  <td>
                    {c.approvedAt ? (
                      <span className="ok">✓ {c.approvedBy}</span>
                    ) : ctx.can("training.approve") ? (
                      <button type="button" onClick={() => void approve(c)}>
                        {s("承認する", "Approve")}
                      </button>
                    ) : (
                      <span className="error">{s("承認待ち", "Awaiting approval")}</span>
                    )}
                  </td>
                  <td className="num">
                    {people.filter((p) => attended.has(p.id)).length} / {people.length}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {ctx.can("roster.write") && (
        <form
          className="panel wide-panel"
          onSubmit={(e) => void record(e)}
          aria-label={s("研修の実施記録", "Record a session")}
        >
          <h2>{s("研修の実施を記録", "Record a session")}</h2>
          <div className="grid">
            <label>
              {s("研修", "Course")}
              <select
                value={form.courseId}
                onChange={(e) => setForm({ ...form, courseId: e.target.value })}
                required
              >
                <option value="">{s("選択してください", "Choose")}</option>
                {courses.map((c) => (
                  <option key={c.courseId} value={c.courseId}>
                    {lang === "ja" ? c.title : c.titleEn}
                  </option>
                ))}
              </select>
            </label>
            <Field
              label={s("実施日", "Held on")}
              type="date"
              value={form.heldOn}
              onChange={(e) => setForm({ ...form, heldOn: e.target.value })}
              required
            />
            <Field
              label={s("講師", "Instructor")}
              value={form.instructor}
              onChange={(e) => setForm({ ...form, instructor: e.target.value })}
              required
              maxLength={60}
            />
          </div>
          <fieldset>
            <legend>{s("受講者", "Attendees")}</legend>
            <div className="check-grid">
              {people.map((p) => (
                <label key={p.id} className="check-option inline">
                  <input
                    type="checkbox"
                    checked={form.attendees.includes(p.id)}
                    onChange={() =>
                      setForm({
                        ...form,
                        attendees: form.attendees.includes(p.id)
                          ? form.attendees.filter((a) => a !== p.id)
                          : [...form.attendees, p.id],
                      })
                    }
                  />
                  {p.name}
                  {!p.mandatoryTrainingComplete && (
                    <span className="error"> ({s("必修未了", "untrained")})</span>
                  )}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="primary">
            {s("記録する", "Record")}
          </button>
        </form>
      )}
      <h2 className="section-title">{s("実施記録", "Sessions held")}</h2>
      <ul className="plain session-list">
        {sessions.map((x) => (
          <li key={x.sessionId}>
            <strong>{x.heldOn}</strong>{" "}
            {courses.find((c) => c.courseId === x.courseId)?.[lang === "ja" ? "title" : "titleEn"]}
            （
            {s(
              `第${x.materialVersion}版・講師 ${x.instructor}`,
              `v${x.materialVersion}, ${x.instructor}`,
            )}
            ）: {x.attendees.map((a) => names.get(a) ?? a).join("、")}
          </li>
        ))}
      </ul>
    </div>
  );
}
