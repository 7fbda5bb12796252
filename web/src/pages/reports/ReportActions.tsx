import { useState } from "react";
import {
  REPORT_STATUS_LABELS,
  type ReportKind,
  type ReportStatus,
  type ReportVersion,
} from "../../../../src/reports/contract.ts";
import { api, type Me } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { OutcomeLine, useCommand } from "../../server.tsx";
import { tokyoDateTime } from "../../time.ts";

export function StatusBadge({ status }: { status: ReportStatus }) {
  const label = useLabel();
  return <span className={`badge report-${status}`}>{label(REPORT_STATUS_LABELS[status])}</span>;
}

/**
 * What a report page shows: the draft while the leads may submit (the server drafts only then),
 * else the newest version.
 */
export function shownOf<F>(data: {
  draft: F | null;
  versions: (ReportVersion & { figures: F })[];
}) {
  const version = data.draft ? null : (data.versions[0] ?? null);
  return { figures: data.draft ?? version?.figures ?? null, version };
}

/** The report's heading with its status, and its PDF and workbook (of the version shown). */
export function ReportHeading(props: {
  kind: ReportKind;
  period: string;
  status: ReportStatus;
  version: ReportVersion | null;
  files: boolean;
}) {
  const t = useT();
  const base = `/api/v1/reports/${props.kind}/${props.period}/report`;
  const query = props.version ? `?version=${props.version.version}` : "";
  return (
    <div className="title-row">
      <h2 className="section-title">
        {t(props.kind === "daily" ? "reports.daily" : "reports.monthly")} {props.period}{" "}
        <StatusBadge status={props.status} />
      </h2>
      {props.files && (
        <div className="actions">
          <a className="button" href={`${base}.pdf${query}`} target="_blank" rel="noreferrer">
            {t("reports.pdf")}
          </a>
          <a className="button" href={`${base}.xlsx${query}`} download>
            {t("reports.xlsx")}
          </a>
        </div>
      )}
    </div>
  );
}

/**
 * Every version of a report with the city's decision on it, and what the reader may do now: the
 * leads submit (again, after a return) with remarks; the city accepts the version awaiting it
 * or returns it with a comment.
 */
export function ReportActions(props: {
  me: Me;
  kind: ReportKind;
  period: string;
  status: ReportStatus;
  versions: ReportVersion[];
  invalidate: readonly (readonly unknown[])[];
}) {
  const t = useT();
  const label = useLabel();
  const command = useCommand(props.invalidate);
  const [remarks, setRemarks] = useState("");
  const [comment, setComment] = useState("");
  const canSubmit = props.me.permissions.includes("report.submit");
  const canInspect = props.me.permissions.includes("report.inspect");
  const pending = props.versions.find((v) => v.status === "submitted");
  const open = props.status === "draft" || props.status === "returned";
  const path = props.kind === "daily" ? "daily" : "monthly";

  const submit = () =>
    command.run(async () => {
      const v = await api<ReportVersion>("POST", `/api/v1/reports/${path}/${props.period}/submit`, {
        remarks,
      });
      setRemarks("");
      return t("reports.submitted", { version: v.version });
    });
  const decide = (decision: "accept" | "return") =>
    command.run(async () => {
      const v = await api<ReportVersion>("POST", `/api/v1/reports/${pending!.reportId}/decision`, {
        decision,
        ...(comment.trim() ? { comment } : {}),
      });
      setComment("");
      return t("reports.decided", {
        version: v.version,
        status: label(REPORT_STATUS_LABELS[v.status]),
      });
    });

  return (
    <div className="panel wide-panel report-actions">
      {props.versions.length === 0 ? (
        <p className="muted">{t("reports.noVersion")}</p>
      ) : (
        <ul className="plain versions">
          {props.versions.map((v) => (
            <li key={v.reportId} className="version">
              <p>
                <strong>{t("reports.versionOf", { version: v.version })}</strong>{" "}
                <StatusBadge status={v.status} />{" "}
                <span className="muted">
                  {t("reports.submittedBy", {
                    at: tokyoDateTime(v.submittedAt),
                    name: v.submittedByName,
                  })}
                  {v.decidedAt &&
                    ` · ${t("reports.decidedBy", { at: tokyoDateTime(v.decidedAt), name: v.decidedByName ?? "" })}`}
                </span>
              </p>
              {v.remarks && (
                <p className="remarks">
                  <span className="muted">{t("reports.remarks")}：</span>
                  {v.remarks}
                </p>
              )}
              {v.comment && (
                <p className="comment" data-testid="city-comment">
                  <span className="muted">{t("reports.comment")}：</span>
                  {v.comment}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canSubmit && open && (
        <div className="form-row">
          <label htmlFor="report-remarks">{t("reports.remarks")}</label>
          <textarea
            id="report-remarks"
            rows={3}
            maxLength={4000}
            placeholder={t("reports.remarksHint")}
            value={remarks}
            onChange={(e) => setRemarks(e.target.value)}
          />
          <button
            type="button"
            className="primary"
            disabled={command.pending}
            onClick={() => void submit()}
          >
            {props.status === "returned" ? t("reports.resubmit") : t("reports.submit")}
          </button>
        </div>
      )}
      {canInspect && pending && (
        <div className="form-row">
          <label htmlFor="report-comment">{t("reports.comment")}</label>
          <textarea
            id="report-comment"
            rows={2}
            maxLength={4000}
            placeholder={t("reports.returnComment")}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={command.pending}
              onClick={() => void decide("accept")}
            >
              {props.kind === "daily" ? t("reports.confirm") : t("reports.accept")}
            </button>
            <button
              type="button"
              className="danger"
              disabled={command.pending || !comment.trim()}
              onClick={() => void decide("return")}
            >
              {t("reports.return")}
            </button>
          </div>
        </div>
      )}
      <OutcomeLine message={command.message} />
    </div>
  );
}
