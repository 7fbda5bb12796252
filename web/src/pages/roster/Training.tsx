import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { Field } from "./fields.tsx";
import { type Course, type TrainingSession, today } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** 研修: courses (mandatory ones gate the counter), the city's approval, sessions and attendees. */
export function Training({ ctx }: { ctx: RosterContext }) {
  const lang = useLang();
  const t = useT();
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
      t("rosterTraining.recordedAttendees", { title, attendeesCount: form.attendees.length }),
      () => Promise.all([load(), ctx.reload()]),
    );
    if (recorded) setForm((f) => ({ ...f, attendees: [] }));
  };
  const approve = (course: Course) =>
    ctx.act(
      () => api("POST", `/api/v1/training/courses/${course.courseId}/approve`),
      t("rosterTraining.approved", { title: course.title, titleEn: course.titleEn }),
      load,
    );

  return (
    <div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("rosterTraining.courses")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rosterTraining.course")}</th>
              <th scope="col">{t("rosterTraining.kind")}</th>
              <th scope="col">{t("rosterTraining.material")}</th>
              <th scope="col">{t("rosterTraining.cityApproval")}</th>
              <th scope="col">{t("rosterTraining.attended")}</th>
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
                      <strong>{t("rosterTraining.mandatory")}</strong>
                    ) : (
                      t("rosterTraining.optional")
                    )}
                  </td>
                  <td>{t("rosterTraining.v", { materialVersion: c.materialVersion })}</td>
                  <td>
                    {c.approvedAt ? (
                      <span className="ok">✓ {c.approvedBy}</span>
                    ) : ctx.can("training.approve") ? (
                      <button type="button" onClick={() => void approve(c)}>
                        {t("rosterTraining.approve")}
                      </button>
                    ) : (
                      <span className="error">{t("rosterTraining.awaitingApproval")}</span>
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
          aria-label={t("rosterTraining.recordASession")}
        >
          <h2>{t("rosterTraining.recordASession2")}</h2>
          <div className="grid">
            <label>
              {t("rosterTraining.course")}
              <select
                value={form.courseId}
                onChange={(e) => setForm({ ...form, courseId: e.target.value })}
                required
              >
                <option value="">{t("rosterTraining.choose")}</option>
                {courses.map((c) => (
                  <option key={c.courseId} value={c.courseId}>
                    {lang === "ja" ? c.title : c.titleEn}
                  </option>
                ))}
              </select>
            </label>
            <Field
              label={t("rosterTraining.heldOn")}
              type="date"
              value={form.heldOn}
              onChange={(e) => setForm({ ...form, heldOn: e.target.value })}
              required
            />
            <Field
              label={t("rosterTraining.instructor")}
              value={form.instructor}
              onChange={(e) => setForm({ ...form, instructor: e.target.value })}
              required
              maxLength={60}
            />
          </div>
          <fieldset>
            <legend>{t("rosterTraining.attendees")}</legend>
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
                    <span className="error"> ({t("rosterTraining.untrained")})</span>
                  )}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="primary">
            {t("rosterTraining.record")}
          </button>
        </form>
      )}
      <h2 className="section-title">{t("rosterTraining.sessionsHeld")}</h2>
      <ul className="plain session-list">
        {sessions.map((x) => (
          <li key={x.sessionId}>
            <strong>{x.heldOn}</strong>{" "}
            {courses.find((c) => c.courseId === x.courseId)?.[lang === "ja" ? "title" : "titleEn"]}
            （
            {t("rosterTraining.v2", {
              materialVersion: x.materialVersion,
              instructor: x.instructor,
            })}
            ）: {x.attendees.map((a) => names.get(a) ?? a).join("、")}
          </li>
        ))}
      </ul>
    </div>
  );
}
