import { useState } from "react";
import { type ProposalOut, STATE_LABELS } from "../../../../src/proposals/contract.ts";
import { api, type Me } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLabel, useT } from "../../i18n.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { tokyoDateTime } from "../../time.ts";

const KEY = ["proposals"] as const;
const FIELDS = ["problem", "measure", "effect", "evidence"] as const;

/** 業務改善提案: drafted by the team, submitted by the manager, decided by the city, implemented. */
export function Proposals({ me }: { me: Me }) {
  const t = useT();
  const label = useLabel();
  const list = useGet<ProposalOut[]>(KEY, "/api/v1/proposals").data ?? [];
  const command = useCommand([KEY]);
  const [dialog, ask] = useDialog();
  const may = (p: string) => me.permissions.includes(p);
  const post = (path: string, body?: unknown) =>
    command.run(async () => {
      await api("POST", path, body);
      return undefined;
    });
  const decide = async (p: ProposalOut) => {
    const values = await ask({
      title: t("proposals.decide"),
      confirmLabel: t("proposals.decide"),
      fields: [
        {
          name: "decision",
          label: t("proposals.decision"),
          type: "select",
          options: (["accepted", "needs_discussion", "rejected"] as const).map((d) => ({
            value: d,
            label: label(STATE_LABELS[d]),
          })),
        },
        { name: "comment", label: t("proposals.comment"), required: true, maxLength: 4000 },
      ],
    });
    if (values) await post(`/api/v1/proposals/${p.id}/decision`, values);
  };
  const implement = async (p: ProposalOut) => {
    const values = await ask({
      title: t("proposals.implement"),
      confirmLabel: t("proposals.implement"),
      fields: [
        {
          name: "kind",
          label: t("proposals.implementKind"),
          type: "select",
          options: [
            { value: "manual", label: t("proposals.kindManual") },
            { value: "configuration", label: t("proposals.kindConfiguration") },
            { value: "training", label: t("proposals.kindTraining") },
            { value: "other", label: t("proposals.kindOther") },
          ],
        },
        { name: "ref", label: t("proposals.implementRef"), required: true, maxLength: 200 },
      ],
    });
    if (values) await post(`/api/v1/proposals/${p.id}/implementations`, values);
  };
  return (
    <section aria-labelledby="proposals-title">
      <h1 id="proposals-title">{t("proposals.title")}</h1>
      {may("proposal.draft") && <Draft />}
      <OutcomeLine message={command.message} />
      {list.length === 0 && <p className="muted">{t("proposals.none")}</p>}
      {list.map((p) => (
        <article key={p.id} className="panel wide-panel">
          <header className="incident-head">
            <span className={`badge ${p.state === "submitted" ? "due" : ""}`}>
              {label(STATE_LABELS[p.state])}
            </span>
            <strong>{p.title}</strong>
            <span className="muted">
              {tokyoDateTime(p.draftedAt)} {p.draftedByName}
            </span>
          </header>
          <dl className="proposal-fields">
            {FIELDS.map((f) => (
              <div key={f}>
                <dt>{t(`proposals.${f}`)}</dt>
                <dd className="entry-text">{p[f]}</dd>
              </div>
            ))}
          </dl>
          {p.decisionComment && (
            <p>
              <strong>{t("proposals.cityComment")}</strong> {p.decisionComment}
            </p>
          )}
          {p.implementedBy.map((i) => (
            <p key={i.at} className="muted">
              {t("proposals.implementedBy", { ref: i.ref })}
            </p>
          ))}
          <div className="actions">
            {may("proposal.submit") && (p.state === "draft" || p.state === "needs_discussion") && (
              <button
                type="button"
                className="primary"
                onClick={() => void post(`/api/v1/proposals/${p.id}/submit`)}
              >
                {t("proposals.submit")}
              </button>
            )}
            {may("proposal.decide") && p.state === "submitted" && (
              <button type="button" className="primary" onClick={() => void decide(p)}>
                {t("proposals.decide")}
              </button>
            )}
            {may("proposal.submit") && p.state === "accepted" && (
              <button type="button" onClick={() => void implement(p)}>
                {t("proposals.implement")}
              </button>
            )}
          </div>
        </article>
      ))}
      {dialog}
    </section>
  );
}

function Draft() {
  const t = useT();
  const command = useCommand([KEY]);
  const empty = { title: "", problem: "", measure: "", effect: "", evidence: "" };
  const [form, setForm] = useState(empty);
  return (
    <form
      className="panel wide-panel"
      aria-label={t("proposals.draft")}
      onSubmit={(e) => {
        e.preventDefault();
        void command.run(async () => {
          await api("POST", "/api/v1/proposals", form);
          setForm(empty);
          return t("proposals.drafted");
        });
      }}
    >
      <h2 className="section-title">{t("proposals.draft")}</h2>
      <label>
        {t("proposals.titleField")}
        <input
          value={form.title}
          required
          maxLength={200}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
      </label>
      {FIELDS.map((f) => (
        <label key={f}>
          {t(`proposals.${f}`)}
          <textarea
            rows={2}
            value={form[f]}
            required
            maxLength={4000}
            onChange={(e) => setForm({ ...form, [f]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="primary" disabled={command.pending}>
        {t("proposals.saveDraft")}
      </button>
      <OutcomeLine message={command.message} />
    </form>
  );
}
