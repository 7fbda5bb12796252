import type { z } from "zod";
import type { myRecordSchema } from "../../../../src/roster/contract.ts";
import { useLang } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { EMPLOYMENT, type Entry, say, WORK } from "./model.ts";

/** One's own record as the API gives it: the server's own contract type. */
type Mine = z.infer<typeof myRecordSchema>;

/** One's own roster record: what the city has on file, the training done, the coming shifts. */
export function MyRecord() {
  const lang = useLang();
  const s = say(lang);
  const mine = useGet<Mine>([...keys.roster, "me"], "/api/v1/roster/me").data;
  if (!mine) return <p className="loading">{s("読み込み中…", "Loading…")}</p>;
  const p = mine.person;
  return (
    <section aria-labelledby="me-title">
      <h1 id="me-title">{s("自分の従事者情報", "My roster record")}</h1>
      {!p ? (
        <p className="notice">
          {s(
            "名簿に登録されていません。業務管理者に連絡してください。",
            "You are not on the roster. Ask the manager.",
          )}
        </p>
      ) : (
        <>
          <dl className="facts panel">
            <dt>{s("氏名", "Name")}</dt>
            <dd>
              {p.name}（{p.nameKana}）
            </dd>
            <dt>{s("雇用形態", "Employment")}</dt>
            <dd>{EMPLOYMENT[p.employment]![lang]}</dd>
            <dt>{s("担当業務", "Work")}</dt>
            <dd>{p.roles.map((r) => WORK[r]?.[lang] ?? r).join("・")}</dd>
            <dt>{s("社内連絡先", "Contact")}</dt>
            <dd>{mine.contact ?? "—"}</dd>
            <dt>{s("必修研修", "Mandatory training")}</dt>
            <dd className={p.mandatoryTrainingComplete ? "ok" : "error"}>
              {p.mandatoryTrainingComplete
                ? s("受講済（窓口業務に就けます）", "Complete (you may work at the counter)")
                : s(
                    `未受講: ${p.missingCourses.map((c) => c.title).join("、")}`,
                    `Missing: ${p.missingCourses.map((c) => c.titleEn).join(", ")}`,
                  )}
            </dd>
          </dl>
          <h2 className="section-title">{s("受講した研修", "Training attended")}</h2>
          <ul className="plain">
            {mine.training.map((r) => (
              <li key={`${r.courseId}-${r.heldOn}`}>
                {r.heldOn} {r.title}
              </li>
            ))}
          </ul>
          <h2 className="section-title">{s("今後の勤務予定", "Coming shifts")}</h2>
          <ul className="plain">
            {mine.shifts.length === 0 && (
              <li className="hint">{s("予定はありません。", "None.")}</li>
            )}
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
