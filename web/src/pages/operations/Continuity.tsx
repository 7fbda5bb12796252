import { useEffect, useState } from "react";
import type { ContinuityPlanOut } from "../../../../src/continuity/continuity.ts";
import { api, type Me } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { tokyoDateTime } from "../../time.ts";
import { PaperVisits } from "./PaperVisits.tsx";
import { Replan } from "./Replan.tsx";

type Contact = ContinuityPlanOut["contacts"][number];

/**
 * 緊急時の体制 (BCP, 仕様 8(1)): who to call, who decides, what to do when a terminal or the
 * network is down, the paper tickets' numbers, where incidents go to the city. The leads save
 * new versions; everyone at the counter and the city reads the one in force.
 */
export function Continuity({ me }: { me: Me }) {
  const t = useT();
  const plan = useGet<ContinuityPlanOut>(keys.continuity, "/api/v1/continuity").data;
  const command = useCommand([keys.continuity]);
  const editable = me.permissions.includes("continuity.write");
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [deciders, setDeciders] = useState("");
  const [procedures, setProcedures] = useState("");
  const [prefix, setPrefix] = useState("P");
  const [count, setCount] = useState(200);
  const [emails, setEmails] = useState("");
  useEffect(() => {
    if (!plan) return;
    setContacts(plan.contacts);
    setDeciders(plan.deciders);
    setProcedures(plan.procedures);
    setPrefix(plan.paperTicketPrefix);
    setCount(plan.paperTicketCount);
    setEmails(plan.cityNoticeEmails.join(", "));
  }, [plan]);
  if (!plan) return null;
  const replan = me.permissions.includes("staffing.plan") ? <Replan /> : null;
  const save = () =>
    command.run(async () => {
      const saved = await api<ContinuityPlanOut>("PUT", "/api/v1/continuity", {
        contacts: contacts
          .filter((c) => c.name.trim() && c.role.trim())
          .map((c) => ({
            name: c.name,
            role: c.role,
            ...(c.phone?.trim() ? { phone: c.phone } : {}),
            ...(c.email?.trim() ? { email: c.email } : {}),
          })),
        deciders,
        procedures,
        paperTicketPrefix: prefix,
        paperTicketCount: count,
        cityNoticeEmails: emails
          .split(/[,、\s]+/)
          .map((e) => e.trim())
          .filter(Boolean),
      });
      return t("continuity.saved", { version: saved.version });
    });
  const setContact = (i: number, patch: Partial<Contact>) =>
    setContacts((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <section aria-labelledby="continuity-title" className="continuity">
      <div className="title-row">
        <h1 id="continuity-title">{t("continuity.title")}</h1>
        {me.permissions.includes("handover.export") && (
          <a className="button" href="/api/v1/handover.zip" download>
            {t("continuity.handover")}
          </a>
        )}
        <span className="muted">
          {plan.savedAt
            ? t("continuity.version", { version: plan.version, time: tokyoDateTime(plan.savedAt) })
            : t("continuity.notSaved")}
        </span>
      </div>
      {replan}
      {me.permissions.includes("queue.serve") && <PaperVisits />}
      <form
        className="panel wide-panel"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={!editable}>
          <legend className="section-title">{t("continuity.contacts")}</legend>
          {contacts.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
            <div key={i} className="grid contact-row">
              <label>
                {t("continuity.contactName")}
                <input
                  value={c.name}
                  maxLength={60}
                  onChange={(e) => setContact(i, { name: e.target.value })}
                />
              </label>
              <label>
                {t("continuity.contactRole")}
                <input
                  value={c.role}
                  maxLength={60}
                  onChange={(e) => setContact(i, { role: e.target.value })}
                />
              </label>
              <label>
                {t("continuity.contactPhone")}
                <input
                  value={c.phone ?? ""}
                  inputMode="tel"
                  maxLength={20}
                  onChange={(e) => setContact(i, { phone: e.target.value })}
                />
              </label>
              <label>
                {t("continuity.contactEmail")}
                <input
                  value={c.email ?? ""}
                  type="email"
                  maxLength={200}
                  onChange={(e) => setContact(i, { email: e.target.value })}
                />
              </label>
            </div>
          ))}
          {editable && (
            <button
              type="button"
              onClick={() => setContacts((all) => [...all, { name: "", role: "" }])}
            >
              {t("continuity.addContact")}
            </button>
          )}
          <label>
            {t("continuity.deciders")}
            <textarea
              rows={2}
              value={deciders}
              maxLength={2000}
              onChange={(e) => setDeciders(e.target.value)}
            />
          </label>
          <label>
            {t("continuity.procedures")}
            <textarea
              rows={8}
              value={procedures}
              maxLength={20000}
              onChange={(e) => setProcedures(e.target.value)}
            />
          </label>
          <div className="grid">
            <label>
              {t("continuity.paper")}
              <span className="inline">
                <input
                  value={prefix}
                  maxLength={2}
                  size={3}
                  aria-label={t("continuity.paper")}
                  onChange={(e) => setPrefix(e.target.value.toUpperCase())}
                />
                <input
                  type="number"
                  min={0}
                  max={9999}
                  value={count}
                  aria-label={t("continuity.paper")}
                  onChange={(e) => setCount(Number(e.target.value))}
                />
              </span>
              <small className="muted">
                {t("continuity.paperRange", { prefix, last: String(count).padStart(3, "0") })}
              </small>
            </label>
            <label>
              {t("continuity.cityEmails")}
              <input value={emails} onChange={(e) => setEmails(e.target.value)} />
            </label>
          </div>
          {editable && (
            <button type="submit" className="primary" disabled={command.pending}>
              {t("continuity.save")}
            </button>
          )}
        </fieldset>
        <OutcomeLine message={command.message} />
      </form>
    </section>
  );
}
