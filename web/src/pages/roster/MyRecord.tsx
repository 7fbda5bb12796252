import type { z } from "zod";
import type { myRecordSchema } from "../../../../src/roster/contract.ts";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { EMPLOYMENT, WORK } from "./model.ts";

/** One's own record as the API gives it: the server's own contract type. */
type Mine = z.infer<typeof myRecordSchema>;

/** One's own roster record: what the city has on file, the training done, the coming shifts. */
export function MyRecord() {
  const lang = useLang();
  const t = useT();
  const mine = useGet<Mine>([...keys.roster, "me"], "/api/v1/roster/me").data;
  if (!mine) return <p className="loading">{t("rosterMyRecord.loading")}</p>;
  const p = mine.person;
  return (
    <section aria-labelledby="me-title">
      <h1 id="me-title">{t("rosterMyRecord.myRosterRecord")}</h1>
      {!p ? (
        <p className="notice">{t("rosterMyRecord.youAreNotOnTheRoster")}</p>
      ) : (
        <>
          <dl className="facts panel">
            <dt>{t("rosterMyRecord.name")}</dt>
            <dd>
              {p.name}（{p.nameKana}）
            </dd>
            <dt>{t("rosterMyRecord.employment")}</dt>
            <dd>{EMPLOYMENT[p.employment]![lang]}</dd>
            <dt>{t("rosterMyRecord.work")}</dt>
            <dd>{p.roles.map((r) => WORK[r]?.[lang] ?? r).join("・")}</dd>
            <dt>{t("rosterMyRecord.contact")}</dt>
            <dd>{mine.contact ?? "—"}</dd>
            <dt>{t("rosterMyRecord.mandatoryTraining")}</dt>
            <dd className={p.mandatoryTrainingComplete ? "ok" : "error"}>
              {p.mandatoryTrainingComplete
                ? t("rosterMyRecord.completeYouMayWorkAtThe")
                : t("rosterMyRecord.missing", {
                    value: p.missingCourses.map((c) => c.title).join("、"),
                    value2: p.missingCourses.map((c) => c.titleEn).join(", "),
                  })}
            </dd>
          </dl>
          <h2 className="section-title">{t("rosterMyRecord.trainingAttended")}</h2>
          <ul className="plain">
            {mine.training.map((r) => (
              <li key={`${r.courseId}-${r.heldOn}`}>
                {r.heldOn} {r.title}
              </li>
            ))}
          </ul>
          <h2 className="section-title">{t("rosterMyRecord.comingShifts")}</h2>
          <ul className="plain">
            {mine.shifts.length === 0 && <li className="hint">{t("rosterMyRecord.none")}</li>}
            {mine.shifts.map((x) => (
              <li key={x.shiftId}>
                {x.day} {x.startTime}〜{x.endTime}（{WORK[x.work]?.[lang] ?? x.work}）
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
