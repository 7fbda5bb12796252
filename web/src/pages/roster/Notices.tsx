import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLang, useT } from "../../i18n.ts";
import { FIELD, formatInstant, NOTICE_KIND, type Notice } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** The submission and each change notice (変更報告), as the city receives and acknowledges them. */
export function Notices({ ctx }: { ctx: RosterContext }) {
  const [dialog, ask] = useDialog();
  const lang = useLang();
  const t = useT();
  const acknowledge = async (n: Notice) => {
    const answer = await ask({
      title: t("rosterNotices.acknowledgeThisNotice"),
      confirmLabel: t("rosterNotices.acknowledge"),
      fields: [{ name: "note", label: t("rosterNotices.noteOptional") }],
    });
    if (!answer) return;
    const note = answer.note || undefined;
    await ctx.act(
      () => api("POST", `/api/v1/roster/notices/${n.noticeId}/acknowledge`, note ? { note } : {}),
      t("rosterNotices.noticeAcknowledged"),
    );
  };
  if (ctx.notices.length === 0)
    return <p className="hint">{t("rosterNotices.nothingSubmittedYetAfterTheSubmission")}</p>;
  return (
    <>
      {dialog}
      <ol className="notice-list">
        {ctx.notices.map((n) => (
          <li key={n.noticeId} className={n.acknowledgedAt ? "acknowledged" : "pending"}>
            <div className="notice-head">
              <span className="badge">{NOTICE_KIND[n.kind]?.[lang] ?? n.kind}</span>
              <strong>{lang === "ja" ? n.summary : n.summaryEn}</strong>
            </div>
            <p className="hint-inline">
              {formatInstant(n.createdAt, lang)}・{n.createdBy}
              {n.chartChanged && (
                <>
                  {" "}
                  ・{" "}
                  <a
                    href={`/api/v1/roster/notices/${n.noticeId}/chart.pdf`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t("rosterNotices.chartAtThisPointPdf")}
                  </a>
                </>
              )}
            </p>
            {n.changes && (
              <ul className="plain changes">
                {Object.entries(n.changes).map(([field, c]) => (
                  <li key={field}>
                    {FIELD[field]?.[lang] ?? field}: {String(c.before ?? "—")} →{" "}
                    {String(c.after ?? "—")}
                  </li>
                ))}
              </ul>
            )}
            {n.acknowledgedAt ? (
              <p className="ok">
                ✓ {t("rosterNotices.acknowledged")} {formatInstant(n.acknowledgedAt, lang)}・
                {n.acknowledgedBy}
                {n.acknowledgementNote && `「${n.acknowledgementNote}」`}
              </p>
            ) : ctx.can("roster.acknowledge") ? (
              <button type="button" className="primary" onClick={() => void acknowledge(n)}>
                {t("rosterNotices.acknowledge2")}
              </button>
            ) : (
              <p className="error">{t("rosterNotices.awaitingTheCity")}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
