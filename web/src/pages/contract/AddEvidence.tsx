import { useState } from "react";
import {
  type CommitmentOut,
  EVIDENCE_KINDS,
  EVIDENCE_LABELS,
  METRIC_LABELS,
  METRICS,
} from "../../../../src/commitments/contract.ts";
import { api } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { lastMonth } from "../../time.ts";

type Kind = (typeof EVIDENCE_KINDS)[number];

/** Evidence of one kind: the fields that name its record. */
export function AddEvidence({ commitment }: { commitment: CommitmentOut }) {
  const t = useT();
  const label = useLabel();
  const command = useCommand([keys.commitments]);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>("report");
  const [v, setV] = useState<Record<string, string>>({});
  const set = (k: string) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const training = useGet<{
    courses: { courseId: string; title: string }[];
    sessions: { sessionId: string; courseId: string; heldOn: string }[];
  }>(["training"], open && kind === "training" ? "/api/v1/training" : null).data;
  const versions = useGet<{ id: string; number: number; title: string }[]>(
    ["manual", "versions"],
    open && kind === "manual" ? "/api/v1/manual/versions" : null,
  ).data;
  const proposals = useGet<{ id: string; title: string; state: string }[]>(
    ["proposals"],
    open && kind === "proposal" ? "/api/v1/proposals" : null,
  ).data;
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t("commitments.addEvidence")}
      </button>
    );
  const body = (): Record<string, unknown> => {
    const note = v.note ? { note: v.note } : {};
    switch (kind) {
      case "report":
        return {
          kind,
          reportKind: (v.period ?? "").length > 7 ? "daily" : "monthly",
          period: v.period ?? "",
          ...note,
        };
      case "training":
        return { kind, sessionId: v.sessionId ?? "", ...note };
      case "figure":
        return { kind, metric: v.metric ?? "mean_wait", month: v.month ?? lastMonth(), ...note };
      case "manual":
        return { kind, versionId: v.versionId ?? "", ...note };
      case "proposal":
        return { kind, proposalId: v.proposalId ?? "", ...note };
      case "document":
        return { kind, title: v.title ?? "", month: v.month ?? lastMonth(), ...note };
    }
  };
  return (
    <form
      className="inline-form"
      aria-label={t("commitments.addEvidence")}
      onSubmit={(e) => {
        e.preventDefault();
        void command.run(async () => {
          await api("POST", `/api/v1/commitments/${commitment.id}/evidence`, body());
          setOpen(false);
          setV({});
          return t("commitments.evidenceAdded");
        });
      }}
    >
      <label>
        {t("commitments.kind")}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {label(EVIDENCE_LABELS[k])}
            </option>
          ))}
        </select>
      </label>
      {kind === "report" && (
        <label>
          {t("commitments.period")}
          <input
            value={v.period ?? ""}
            onChange={set("period")}
            placeholder={lastMonth()}
            required
          />
        </label>
      )}
      {kind === "training" && (
        <label>
          {t("commitments.session")}
          <select value={v.sessionId ?? ""} onChange={set("sessionId")} required>
            <option value="" />
            {(training?.sessions ?? []).map((s) => (
              <option key={s.sessionId} value={s.sessionId}>
                {s.heldOn} {training?.courses.find((c) => c.courseId === s.courseId)?.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === "figure" && (
        <label>
          {t("commitments.metric")}
          <select value={v.metric ?? "mean_wait"} onChange={set("metric")}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {label(METRIC_LABELS[m])}
              </option>
            ))}
          </select>
        </label>
      )}
      {(kind === "figure" || kind === "document") && (
        <label>
          {t("commitments.month")}
          <input type="month" value={v.month ?? lastMonth()} onChange={set("month")} required />
        </label>
      )}
      {kind === "manual" && (
        <label>
          {t("commitments.manualVersion")}
          <select value={v.versionId ?? ""} onChange={set("versionId")} required>
            <option value="" />
            {(versions ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                第{m.number}版 {m.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === "proposal" && (
        <label>
          {t("commitments.proposal")}
          <select value={v.proposalId ?? ""} onChange={set("proposalId")} required>
            <option value="" />
            {(proposals ?? [])
              .filter((p) => p.state === "accepted")
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
          </select>
        </label>
      )}
      {kind === "document" && (
        <label>
          {t("commitments.documentTitle")}
          <input value={v.title ?? ""} onChange={set("title")} required maxLength={200} />
        </label>
      )}
      <label>
        {t("commitments.note")}
        <input value={v.note ?? ""} onChange={set("note")} maxLength={2000} />
      </label>
      <button type="submit" className="primary" disabled={command.pending}>
        {t("commitments.addEvidence")}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t("cancel")}
      </button>
      <OutcomeLine message={command.message} />
    </form>
  );
}
