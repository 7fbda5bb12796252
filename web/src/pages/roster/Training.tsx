import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { sessionInput } from "../../../../src/training/contract.ts";
import { api } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
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
  const names = new Map(ctx.roster.people.map((p) => [p.id, p.name]));
  const people = ctx.roster.people.filter((p) => p.active || p.startDate > today());

  const load = async () => {
    await client.invalidateQueries({ queryKey: keys.training });
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
        <SessionForm
          courses={courses}
          people={people}
          onRecord={(session) =>
            ctx.act(
              () => api("POST", "/api/v1/training/sessions", session),
              t("rosterTraining.recordedAttendees", {
                title: courses.find((c) => c.courseId === session.courseId)?.title ?? "",
                attendeesCount: session.attendees.length,
              }),
              () => Promise.all([load(), ctx.reload()]),
            )
          }
        />
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

type SessionFields = z.infer<typeof sessionInput>;

/** 研修の実施記録: course, day, instructor and who attended, checked by the server's schema. */
function SessionForm(props: {
  courses: Course[];
  people: RosterContext["roster"]["people"];
  onRecord: (session: SessionFields) => Promise<boolean>;
}) {
  const t = useT();
  const lang = useLang();
  const form = useForm<SessionFields>({
    defaultValues: { courseId: "", heldOn: today(), instructor: "", attendees: [] },
    resolver: contractResolver(sessionInput, lang),
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    if (await props.onRecord(v)) form.setValue("attendees", []);
  });
  return (
    <form
      className="panel wide-panel"
      onSubmit={submit}
      aria-label={t("rosterTraining.recordASession")}
      noValidate
    >
      <h2>{t("rosterTraining.recordASession2")}</h2>
      <div className="grid">
        <Field label={t("rosterTraining.course")} error={errors.courseId}>
          <select {...form.register("courseId")}>
            <option value="">{t("rosterTraining.choose")}</option>
            {props.courses.map((c) => (
              <option key={c.courseId} value={c.courseId}>
                {lang === "ja" ? c.title : c.titleEn}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("rosterTraining.heldOn")} error={errors.heldOn}>
          <input type="date" {...form.register("heldOn")} />
        </Field>
        <Field label={t("rosterTraining.instructor")} error={errors.instructor}>
          <input maxLength={60} {...form.register("instructor")} />
        </Field>
      </div>
      <fieldset aria-describedby={errors.attendees ? "attendees-error" : undefined}>
        <legend>{t("rosterTraining.attendees")}</legend>
        <div className="check-grid">
          {props.people.map((p) => (
            <label key={p.id} className="check-option inline">
              <input type="checkbox" value={p.id} {...form.register("attendees")} />
              {p.name}
              {!p.mandatoryTrainingComplete && (
                <span className="error"> ({t("rosterTraining.untrained")})</span>
              )}
            </label>
          ))}
        </div>
        {errors.attendees && (
          <span id="attendees-error" className="field-error" role="alert">
            {errors.attendees.message}
          </span>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={isSubmitting}>
        {t("rosterTraining.record")}
      </button>
    </form>
  );
}
