import { useState } from "react";
import {
  ENTRY_KIND_LABELS,
  INCIDENT_KIND_LABELS,
  INCIDENT_KINDS,
  type IncidentOut,
  SEVERITIES,
  SEVERITY_LABELS,
} from "../../../../src/incidents/contract.ts";
import { api, type Me, serverNow } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { today, tokyoDateTime, tokyoTime } from "../../time.ts";

/**
 * 事故・障害 (仕様 8(2)ク・ケ, 14): staff report, the city is told at once (e-mail and this list,
 * kept live by the staff stream), instructs and closes; the leads record their actions.
 */
export function Incidents({ me }: { me: Me }) {
  const t = useT();
  const may = (p: string) => me.permissions.includes(p);
  return (
    <section aria-labelledby="incidents-title" className="incidents">
      <h1 id="incidents-title">{t("incidents.title")}</h1>
      {may("incident.report") && <ReportForm />}
      {may("incident.read") && <IncidentList me={me} />}
    </section>
  );
}

function ReportForm() {
  const t = useT();
  const label = useLabel();
  const command = useCommand([keys.incidents]);
  const [kind, setKind] = useState<(typeof INCIDENT_KINDS)[number]>("system_outage");
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>("medium");
  const [summary, setSummary] = useState("");
  const [affected, setAffected] = useState("");
  // Now, by the server's clock (a training clock may differ from the device's).
  const [time, setTime] = useState(() => tokyoTime(serverNow().toISOString()));
  const submit = () =>
    command.run(async () => {
      await api("POST", "/api/v1/incidents", {
        kind,
        severity,
        summary,
        occurredAt: `${today()}T${time}:00+09:00`,
        ...(affected.trim() ? { affected } : {}),
      });
      setSummary("");
      setAffected("");
      return t("incidents.reported");
    });
  return (
    <form
      className="panel wide-panel incident-report"
      aria-label={t("incidents.report")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 className="section-title">{t("incidents.report")}</h2>
      <div className="grid">
        <label>
          {t("incidents.kind")}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {INCIDENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(INCIDENT_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("incidents.severity")}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {label(SEVERITY_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("incidents.occurredAt")}
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
        </label>
      </div>
      <label>
        {t("incidents.summary")}
        <textarea
          rows={3}
          value={summary}
          maxLength={2000}
          required
          onChange={(e) => setSummary(e.target.value)}
        />
      </label>
      <label>
        {t("incidents.affected")}
        <input value={affected} maxLength={1000} onChange={(e) => setAffected(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={command.pending || !summary.trim()}>
        {t("incidents.send")}
      </button>
      <OutcomeLine message={command.message} />
    </form>
  );
}

function IncidentList({ me }: { me: Me }) {
  const t = useT();
  const label = useLabel();
  const list = useGet<IncidentOut[]>(keys.incidents, "/api/v1/incidents").data;
  const command = useCommand([keys.incidents]);
  const [dialog, ask] = useDialog();
  const may = (p: string) => me.permissions.includes(p);
  const addEntry = async (incident: IncidentOut, kind: "instruction" | "action") => {
    const values = await ask({
      title: t(kind === "instruction" ? "incidents.addInstruction" : "incidents.addAction"),
      confirmLabel: t(kind === "instruction" ? "incidents.addInstruction" : "incidents.addAction"),
      fields: [{ name: "text", label: t("incidents.entryText"), required: true, maxLength: 4000 }],
    });
    if (values)
      await command.run(async () => {
        await api("POST", `/api/v1/incidents/${incident.id}/entries`, { kind, text: values.text });
        return undefined;
      });
  };
  const close = async (incident: IncidentOut) => {
    const values = await ask({
      title: t("incidents.closeTitle"),
      confirmLabel: t("incidents.closeTitle"),
      fields: [
        {
          name: "recurrencePrevention",
          label: t("incidents.recurrence"),
          required: true,
          maxLength: 4000,
        },
      ],
    });
    if (values)
      await command.run(async () => {
        await api("POST", `/api/v1/incidents/${incident.id}/close`, values);
        return undefined;
      });
  };
  if (list && list.length === 0) return <p className="muted">{t("incidents.none")}</p>;
  return (
    <>
      <OutcomeLine message={command.message} />
      {list?.map((incident) => (
        <article
          key={incident.id}
          className={`panel wide-panel incident severity-${incident.severity}`}
        >
          <header className="incident-head">
            <span className={`badge ${incident.state === "open" ? "overdue" : ""}`}>
              {t(incident.state === "open" ? "incidents.open" : "incidents.closed")}
            </span>
            <strong>{label(INCIDENT_KIND_LABELS[incident.kind])}</strong>
            <span className="badge">{label(SEVERITY_LABELS[incident.severity])}</span>
            <span className="muted">{tokyoDateTime(incident.occurredAt)}</span>
            <span className="muted">
              {incident.cityNotifiedAt
                ? t("incidents.notified", { time: tokyoDateTime(incident.cityNotifiedAt) })
                : t("incidents.notNotified")}
            </span>
          </header>
          <p>{incident.summary}</p>
          {incident.affected && <p className="muted">{incident.affected}</p>}
          <ol className="timeline">
            {incident.entries.map((e) => (
              <li key={e.id}>
                <span className="muted">{tokyoDateTime(e.at)}</span>{" "}
                <strong>{label(ENTRY_KIND_LABELS[e.kind])}</strong> {e.actorName}
                <div className="entry-text">{e.text}</div>
              </li>
            ))}
          </ol>
          {incident.state === "open" && (
            <div className="actions">
              {may("incident.instruct") && (
                <button type="button" onClick={() => void addEntry(incident, "instruction")}>
                  {t("incidents.addInstruction")}
                </button>
              )}
              {may("incident.act") && (
                <button type="button" onClick={() => void addEntry(incident, "action")}>
                  {t("incidents.addAction")}
                </button>
              )}
              {may("incident.instruct") && (
                <button type="button" className="primary" onClick={() => void close(incident)}>
                  {t("incidents.closeTitle")}
                </button>
              )}
            </div>
          )}
        </article>
      ))}
      {dialog}
    </>
  );
}
