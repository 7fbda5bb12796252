import {
  CADENCE_LABELS,
  CATEGORY_LABELS,
  type CommitmentOut,
  EVIDENCE_LABELS,
  REVIEW_LABELS,
  REVIEWS,
  STATE_LABELS,
  STATES,
} from "../../../../src/commitments/contract.ts";
import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { AddEvidence } from "./AddEvidence.tsx";
import { RegisterCommitment } from "./RegisterCommitment.tsx";

const KEY = keys.commitments;

/** 提案事項台帳: what the proposal promised, its evidence month by month, and the city's review. */
export function Commitments({ may }: { may: (p: string) => boolean }) {
  const t = useT();
  const label = useLabel();
  const list = useGet<CommitmentOut[]>(KEY, "/api/v1/commitments").data ?? [];
  const command = useCommand([KEY]);
  const [dialog, ask] = useDialog();
  const send = (method: string, path: string, body: unknown, done?: string) =>
    command.run(async () => {
      await api(method, path, body);
      return done;
    });
  const setState = async (c: CommitmentOut) => {
    const values = await ask({
      title: t("commitments.setState"),
      confirmLabel: t("commitments.setState"),
      fields: [
        {
          name: "state",
          label: t("commitments.state"),
          type: "select",
          defaultValue: c.state,
          options: STATES.map((s) => ({ value: s, label: label(STATE_LABELS[s]) })),
        },
        { name: "note", label: t("commitments.note"), maxLength: 2000 },
      ],
    });
    if (values)
      await send("PUT", `/api/v1/commitments/${c.id}/state`, {
        state: values.state,
        ...(values.note ? { note: values.note } : {}),
      });
  };
  const review = async (c: CommitmentOut) => {
    const values = await ask({
      title: t("commitments.review"),
      confirmLabel: t("commitments.review"),
      fields: [
        {
          name: "verdict",
          label: t("commitments.verdict"),
          type: "select",
          options: REVIEWS.map((r) => ({ value: r, label: label(REVIEW_LABELS[r]) })),
        },
        { name: "comment", label: t("commitments.comment"), required: true, maxLength: 2000 },
      ],
    });
    if (values) await send("POST", `/api/v1/commitments/${c.id}/review`, values);
  };
  return (
    <div className="contract-part">
      <p className="muted">{t("commitments.intro")}</p>
      {may("commitment.write") && <RegisterCommitment />}
      <OutcomeLine message={command.message} />
      {list.length === 0 && <p className="muted">{t("commitments.none")}</p>}
      {list.length > 0 && (
        <p className="card-summary">
          <span className="badge">{t("commitments.count", { count: list.length })}</span>
          <span className="badge due">
            {t("commitments.owing", {
              count: list.filter((c) => c.missingMonths.length > 0).length,
            })}
          </span>
          <span className="badge">
            {t("commitments.confirmed", {
              count: list.filter((c) => c.review?.verdict === "confirmed").length,
            })}
          </span>
        </p>
      )}
      {list.map((c) => (
        <article key={c.id} className="panel wide-panel" aria-label={`${c.ref} ${c.title}`}>
          <header className="incident-head">
            <span className="badge">{c.ref}</span>
            <strong>{c.title}</strong>
            <span className="badge">{label(CATEGORY_LABELS[c.category])}</span>
            <span className={`badge ${c.state === "not_fulfilled" ? "overdue" : ""}`}>
              {label(STATE_LABELS[c.state])}
            </span>
            <span className="muted">
              {label(CADENCE_LABELS[c.cadence])} · {c.fromMonth}〜
            </span>
          </header>
          <p className="entry-text">{c.detail}</p>
          {c.stateNote && <p className="muted">{c.stateNote}</p>}
          {c.missingMonths.length > 0 && (
            <p className="notice" role="status">
              {t("commitments.missing", { months: c.missingMonths.join("、") })}
            </p>
          )}
          {c.evidence.length === 0 ? (
            <p className="muted">{t("commitments.noEvidence")}</p>
          ) : (
            <table className="compact-table">
              <tbody>
                {c.evidence.map((e) => (
                  <tr key={e.id}>
                    <td>{e.month}</td>
                    <td>{label(EVIDENCE_LABELS[e.kind])}</td>
                    <td>
                      {e.label}
                      {e.note && <span className="muted">（{e.note}）</span>}
                    </td>
                    <td className="muted">{t("commitments.addedBy", { by: e.addedByName })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {c.review && (
            <p className={c.review.verdict === "concern" ? "notice" : "muted"}>
              {t("commitments.reviewed", {
                verdict: label(REVIEW_LABELS[c.review.verdict]),
                comment: c.review.comment,
                by: c.review.byName,
              })}
            </p>
          )}
          <div className="actions">
            {may("commitment.write") && <AddEvidence commitment={c} />}
            {may("commitment.write") && (
              <button type="button" onClick={() => void setState(c)}>
                {t("commitments.setState")}
              </button>
            )}
            {may("commitment.review") && (
              <button type="button" className="primary" onClick={() => void review(c)}>
                {t("commitments.review")}
              </button>
            )}
          </div>
        </article>
      ))}
      {dialog}
    </div>
  );
}
