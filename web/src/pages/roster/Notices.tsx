import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLang } from "../../i18n.ts";
import { FIELD, formatInstant, NOTICE_KIND, type Notice, say } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** The submission and each change notice (変更報告), as the city receives and acknowledges them. */
export function Notices({ ctx }: { ctx: RosterContext }) {
  const [dialog, ask] = useDialog();
  const lang = useLang();
  const s = say(lang);
  const acknowledge = async (n: Notice) => {
    const answer = await ask({
      title: s("この報告を確認済みにします", "Acknowledge this notice"),
      confirmLabel: s("確認済みにする", "Acknowledge"),
      fields: [{ name: "note", label: s("確認のメモ（任意）", "Note (optional)") }],
    });
    if (!answer) return;
    const note = answer.note || undefined;
    await ctx.act(
      () => api("POST", `/api/v1/roster/notices/${n.noticeId}/acknowledge`, note ? { note } : {}),
      s("報告を確認しました。", "Notice acknowledged."),
    );
  };
  if (ctx.notices.length === 0)
    return (
      <p className="hint">
        {s(
          "まだ提出されていません。提出後は、名簿の変更ごとに変更報告が作られます。",
          "Nothing submitted yet. After the submission, each change makes a notice.",
        )}
      </p>
    );
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
                    {s("この時点の体制図（PDF）", "Chart at this point (PDF)")}
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
                ✓ {s("確認済", "Acknowledged")} {formatInstant(n.acknowledgedAt, lang)}・
                {n.acknowledgedBy}
                {n.acknowledgementNote && `「${n.acknowledgementNote}」`}
              </p>
            ) : ctx.can("roster.acknowledge") ? (
              <button type="button" className="primary" onClick={() => void acknowledge(n)}>
                {s("確認する", "Acknowledge")}
              </button>
            ) : (
              <p className="error">{s("市の確認待ち", "Awaiting the city")}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
