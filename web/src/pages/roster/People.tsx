import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLang, useT } from "../../i18n.ts";
import { AccountForm } from "./AccountForm.tsx";
import { DESIGNATION, EMPLOYMENT, type Entry, today, WORK } from "./model.ts";
import { PersonForm } from "./PersonForm.tsx";
import type { RosterContext } from "./Roster.tsx";

const qualifiedForManager = (p: Entry) =>
  p.employment === "regular" && p.municipalExperience !== null && p.certificate !== null;

/** The people on the roster: who they are, what they may do, whether they are trained. */
export function People({ ctx }: { ctx: RosterContext }) {
  const [dialog, ask] = useDialog();
  const lang = useLang();
  const t = useT();
  const [editing, setEditing] = useState<Entry | "new" | null>(null);
  const [contacts, setContacts] = useState<Record<string, string | null>>({});
  const [showPast, setShowPast] = useState(false);
  const [accountFor, setAccountFor] = useState<Entry | null>(null);
  const people = ctx.roster.people.filter((p) => showPast || p.active || p.startDate > today());
  const write = ctx.can("roster.write");

  const designate = (p: Entry, designation: "manager" | "deputy") =>
    ctx.act(
      () => api("POST", `/api/v1/roster/people/${p.id}/designate`, { designation }),
      t("rosterPeople.designated", {
        name: p.name,
        value: DESIGNATION[designation]!.ja,
        value2: DESIGNATION[designation]!.en.toLowerCase(),
      }),
    );
  const leave = async (p: Entry) => {
    const answer = await ask({
      title: t("rosterPeople.leavesTheRoster", { name: p.name }),
      confirmLabel: t("rosterPeople.recordLeaving"),
      tone: "danger",
      fields: [
        {
          name: "endDate",
          label: t("rosterPeople.lastWorkingDay"),
          type: "date",
          required: true,
          defaultValue: today(),
        },
      ],
    });
    const endDate = answer?.endDate;
    if (endDate)
      void ctx.act(
        () => api("POST", `/api/v1/roster/people/${p.id}/leave`, { endDate }),
        t("rosterPeople.leavesOn", { name: p.name, endDate }),
      );
  };
  // Each look at a person's contact is an audited read, made only when asked for.
  const contact = useMutation({
    mutationFn: (p: Entry) =>
      api<{ contact: string | null }>("GET", `/api/v1/roster/people/${p.id}/personal`),
    onSuccess: (personal, p) => setContacts({ ...contacts, [p.id]: personal.contact }),
    onError: (e) => ctx.fail(e),
  });
  const showContact = (p: Entry) => contact.mutate(p);
  return (
    <div>
      {dialog}
      <div className="title-row">
        <label className="check-option inline">
          <input
            type="checkbox"
            checked={showPast}
            onChange={(e) => setShowPast(e.target.checked)}
          />
          {t("rosterPeople.showPeopleWhoLeft")}
        </label>
        {write && (
          <button type="button" className="primary" onClick={() => setEditing("new")}>
            {t("rosterPeople.addAPerson")}
          </button>
        )}
      </div>
      {accountFor && (
        <AccountForm ctx={ctx} person={accountFor} onDone={() => setAccountFor(null)} />
      )}
      {editing && (
        <PersonForm
          ctx={ctx}
          person={editing === "new" ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <div className="table-wrap">
        <table className="roster-table">
          <caption className="visually-hidden">{t("rosterPeople.staffRoster")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rosterPeople.name")}</th>
              <th scope="col">{t("rosterPeople.employmentWork")}</th>
              <th scope="col">{t("rosterPeople.qualifications")}</th>
              <th scope="col">{t("rosterPeople.mandatoryTraining")}</th>
              <th scope="col">{t("rosterPeople.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className={p.active ? undefined : "inactive"}>
                <th scope="row">
                  <span className="kana">{p.nameKana}</span>
                  {p.name}
                  {p.designation && (
                    <span className={`badge designation-${p.designation}`}>
                      {DESIGNATION[p.designation]![lang]}
                    </span>
                  )}
                  {!p.active && (
                    <span className="badge">
                      {p.endDate && p.endDate < today()
                        ? t("rosterPeople.left", { endDate: p.endDate })
                        : t("rosterPeople.from", { startDate: p.startDate })}
                    </span>
                  )}
                  {contacts[p.id] !== undefined && (
                    <span className="contact">
                      {t("rosterPeople.contact")}: {contacts[p.id] ?? "—"}
                    </span>
                  )}
                </th>
                <td>
                  {EMPLOYMENT[p.employment]![lang]}
                  <br />
                  <span className="hint-inline">
                    {p.roles.map((r) => WORK[r]?.[lang] ?? r).join("・")}／
                    {t("rosterPeople.hWeek", { weeklyHourLimit: p.weeklyHourLimit })}
                  </span>
                </td>
                <td>
                  <ul className="plain">
                    <li>
                      {t("rosterPeople.cardWorkMonths", {
                        cardExperienceMonths: p.cardExperienceMonths,
                      })}
                    </li>
                    {p.municipalExperience && (
                      <li>
                        {t("rosterPeople.municipalMonths", {
                          where: p.municipalExperience.where,
                          months: p.municipalExperience.months,
                        })}
                      </li>
                    )}
                    {p.certificate && (
                      <li>
                        {t("rosterPeople.certificate", {
                          grade: p.certificate.grade,
                          date: p.certificate.date,
                        })}
                      </li>
                    )}
                  </ul>
                </td>
                <td>
                  {p.mandatoryTrainingComplete ? (
                    <span className="ok">✓ {t("rosterPeople.done")}</span>
                  ) : (
                    <span className="error">
                      ✗ {t("rosterPeople.missing")}:{" "}
                      {p.missingCourses
                        .map((c) => (lang === "ja" ? c.title : c.titleEn))
                        .join("、")}
                    </span>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    {write && (
                      <>
                        <button type="button" onClick={() => setEditing(p)}>
                          {t("rosterPeople.edit")}
                        </button>
                        {!p.designation && qualifiedForManager(p) && (
                          <button type="button" onClick={() => void designate(p, "manager")}>
                            {t("rosterPeople.makeManager")}
                          </button>
                        )}
                        {!p.designation && (
                          <button type="button" onClick={() => void designate(p, "deputy")}>
                            {t("rosterPeople.makeDeputy")}
                          </button>
                        )}
                        {p.active && (
                          <button type="button" onClick={() => leave(p)}>
                            {t("rosterPeople.leaves")}
                          </button>
                        )}
                      </>
                    )}
                    {ctx.can("roster.personal") && contacts[p.id] === undefined && (
                      <button type="button" className="ghost" onClick={() => void showContact(p)}>
                        {t("rosterPeople.showContact")}
                      </button>
                    )}
                    {ctx.can("users.write") && !p.hasAccount && p.active && (
                      <button type="button" onClick={() => setAccountFor(p)}>
                        {t("rosterPeople.createAccount")}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ctx.can("roster.personal") && (
        <p className="hint">{t("rosterPeople.eachViewOfContactDataIs")}</p>
      )}
    </div>
  );
}
