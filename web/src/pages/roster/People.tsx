import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLang } from "../../i18n.ts";
import { AccountForm } from "./AccountForm.tsx";
import { DESIGNATION, EMPLOYMENT, type Entry, say, today, WORK } from "./model.ts";
import { PersonForm } from "./PersonForm.tsx";
import type { RosterContext } from "./Roster.tsx";

const qualifiedForManager = (p: Entry) =>
  p.employment === "regular" && p.municipalExperience !== null && p.certificate !== null;

/** The people on the roster: who they are, what they may do, whether they are trained. */
export function People({ ctx }: { ctx: RosterContext }) {
  const [dialog, ask] = useDialog();
  const lang = useLang();
  const s = say(lang);
  const [editing, setEditing] = useState<Entry | "new" | null>(null);
  const [contacts, setContacts] = useState<Record<string, string | null>>({});
  const [showPast, setShowPast] = useState(false);
  const [accountFor, setAccountFor] = useState<Entry | null>(null);
  const people = ctx.roster.people.filter((p) => showPast || p.active || p.startDate > today());
  const write = ctx.can("roster.write");

  const designate = (p: Entry, designation: "manager" | "deputy") =>
    ctx.act(
      () => api("POST", `/api/v1/roster/people/${p.id}/designate`, { designation }),
      s(
        `${p.name}さんを${DESIGNATION[designation]!.ja}に指名しました。`,
        `${p.name} designated ${DESIGNATION[designation]!.en.toLowerCase()}.`,
      ),
    );
  const leave = async (p: Entry) => {
    const answer = await ask({
      title: s(`${p.name}さんの離任を登録します`, `${p.name} leaves the roster`),
      confirmLabel: s("離任を登録", "Record leaving"),
      tone: "danger",
      fields: [
        {
          name: "endDate",
          label: s("最終従事日", "Last working day"),
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
        s(`${p.name}さんの離任を登録しました。`, `${p.name} leaves on ${endDate}.`),
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
          {s("離任者も表示", "Show people who left")}
        </label>
        {write && (
          <button type="button" className="primary" onClick={() => setEditing("new")}>
            {s("従事者を追加", "Add a person")}
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
          <caption className="visually-hidden">{s("従事者名簿", "Staff roster")}</caption>
          <thead>
            <tr>
              <th scope="col">{s("氏名", "Name")}</th>
              <th scope="col">{s("雇用・担当", "Employment, work")}</th>
              <th scope="col">{s("資格・経験", "Qualifications")}</th>
              <th scope="col">{s("必修研修", "Mandatory training")}</th>
              <th scope="col">{s("操作", "Actions")}</th>
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
                        ? s(`${p.endDate}離任`, `Left ${p.endDate}`)
                        : s(`${p.startDate}から`, `From ${p.startDate}`)}
                    </span>
                  )}
                  {contacts[p.id] !== undefined && (
                    <span className="contact">
                      {s("連絡先", "Contact")}: {contacts[p.id] ?? "—"}
                    </span>
                  )}
                </th>
                <td>
                  {EMPLOYMENT[p.employment]![lang]}
                  <br />
                  <span className="hint-inline">
                    {p.roles.map((r) => WORK[r]?.[lang] ?? r).join("・")}／
                    {s(`週${p.weeklyHourLimit}時間まで`, `≤ ${p.weeklyHourLimit} h/week`)}
                  </span>
                </td>
                <td>
                  <ul className="plain">
                    <li>
                      {s(
                        `カード業務経験 ${p.cardExperienceMonths}か月`,
                        `Card work ${p.cardExperienceMonths} months`,
                      )}
                    </li>
                    {p.municipalExperience && (
                      <li>
                        {s(
                          `自治体経験 ${p.municipalExperience.where}（${p.municipalExperience.months}か月）`,
                          `Municipal: ${p.municipalExperience.where} (${p.municipalExperience.months} months)`,
                        )}
                      </li>
                    )}
                    {p.certificate && (
                      <li>
                        {s(
                          `実務検定 ${p.certificate.grade}（${p.certificate.date}）`,
                          `Certificate ${p.certificate.grade} (${p.certificate.date})`,
                        )}
                      </li>
                    )}
                  </ul>
                </td>
                <td>
                  {p.mandatoryTrainingComplete ? (
                    <span className="ok">✓ {s("受講済", "Done")}</span>
                  ) : (
                    <span className="error">
                      ✗ {s("未受講", "Missing")}:{" "}
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
                          {s("編集", "Edit")}
                        </button>
                        {!p.designation && qualifiedForManager(p) && (
                          <button type="button" onClick={() => void designate(p, "manager")}>
                            {s("管理者に指名", "Make manager")}
                          </button>
                        )}
                        {!p.designation && (
                          <button type="button" onClick={() => void designate(p, "deputy")}>
                            {s("副管理者に指名", "Make deputy")}
                          </button>
                        )}
                        {p.active && (
                          <button type="button" onClick={() => leave(p)}>
                            {s("離任", "Leaves")}
                          </button>
                        )}
                      </>
                    )}
                    {ctx.can("roster.personal") && contacts[p.id] === undefined && (
                      <button type="button" className="ghost" onClick={() => void showContact(p)}>
                        {s("連絡先を表示", "Show contact")}
                      </button>
                    )}
                    {ctx.can("users.write") && !p.hasAccount && p.active && (
                      <button type="button" onClick={() => setAccountFor(p)}>
                        {s("アカウント作成", "Create account")}
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
        <p className="hint">
          {s(
            "連絡先の表示は監査ログに記録されます。",
            "Each view of contact data is recorded in the audit trail.",
          )}
        </p>
      )}
    </div>
  );
}
