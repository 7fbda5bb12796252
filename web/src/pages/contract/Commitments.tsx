import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  CADENCE_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  type CommitmentOut,
  commitmentInput,
  EVIDENCE_KINDS,
  EVIDENCE_LABELS,
  METRIC_LABELS,
  METRICS,
  REVIEW_LABELS,
  REVIEWS,
  STATE_LABELS,
  STATES,
} from "../../../../src/commitments/contract.ts";
import { CADENCES } from "../../../../src/commitments/rules.ts";
import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { contractResolver, Field } from "../../forms.tsx";
import { useLabel, useLang, useT } from "../../i18n.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { lastMonth } from "../../time.ts";

const KEY = ["commitments"] as const;

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
      {may("commitment.write") && <Register />}
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

type Input = z.infer<typeof commitmentInput>;

function Register() {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const command = useCommand([KEY]);
  const form = useForm<Input>({
    defaultValues: {
      ref: "",
      title: "",
      detail: "",
      category: "service",
      cadence: "monthly",
      fromMonth: lastMonth(),
    },
    resolver: contractResolver(commitmentInput, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    command.run(async () => {
      await api("POST", "/api/v1/commitments", values);
      form.reset();
      return t("commitments.registered");
    }),
  );
  return (
    <details className="panel wide-panel">
      <summary>{t("commitments.register")}</summary>
      <form
        onSubmit={submit}
        noValidate
        aria-label={t("commitments.register")}
        className="form-grid"
      >
        <Field label={t("commitments.ref")} error={errors.ref}>
          <input {...form.register("ref")} />
        </Field>
        <Field label={t("commitments.titleField")} error={errors.title}>
          <input {...form.register("title")} />
        </Field>
        <Field label={t("commitments.detail")} error={errors.detail}>
          <textarea rows={2} {...form.register("detail")} />
        </Field>
        <Field label={t("commitments.category")} error={errors.category}>
          <select {...form.register("category")}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {label(CATEGORY_LABELS[c])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("commitments.cadence")} error={errors.cadence}>
          <select {...form.register("cadence")}>
            {CADENCES.map((c) => (
              <option key={c} value={c}>
                {label(CADENCE_LABELS[c])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("commitments.fromMonth")} error={errors.fromMonth}>
          <input type="month" {...form.register("fromMonth")} />
        </Field>
        <button type="submit" className="primary" disabled={command.pending}>
          {t("commitments.register")}
        </button>
        <OutcomeLine message={command.message} />
      </form>
    </details>
  );
}

type Kind = (typeof EVIDENCE_KINDS)[number];

/** Evidence of one kind: the fields that name its record. */
function AddEvidence({ commitment }: { commitment: CommitmentOut }) {
  const t = useT();
  const label = useLabel();
  const command = useCommand([KEY]);
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
