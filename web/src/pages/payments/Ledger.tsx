import { useState } from "react";
import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  type LedgerOut,
} from "../../../../src/expenses/contract.ts";
import { EMPLOYMENT_LABELS } from "../../../../src/roster/rules.ts";
import { api, type Me } from "../../api.ts";
import { useLabel, useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { lastMonth } from "../../time.ts";

/** 帳簿 (仕様 14): the month's staff costs from the roster and the other expenses; entries, never edits. */
export function Ledger({ me }: { me: Me }) {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const [month, setMonth] = useState(lastMonth);
  const key = keys.ledger(month);
  const ledger = useGet<LedgerOut>(key, `/api/v1/expenses/${month}`).data;
  const command = useCommand([key]);
  const canWrite = me.permissions.includes("expense.write");
  const [entry, setEntry] = useState({ category: "consumables", description: "", amount: "" });
  const yen = (n: number) =>
    lang === "ja" ? `${n.toLocaleString("ja-JP")}円` : `¥${n.toLocaleString("en-US")}`;
  const record = () =>
    command.run(async () => {
      await api("POST", `/api/v1/expenses/${month}/entries`, {
        category: entry.category,
        description: entry.description,
        amount: Number(entry.amount),
      });
      setEntry({ ...entry, description: "", amount: "" });
      return t("ledger.recorded");
    });
  return (
    <section aria-labelledby="ledger-title" className="panel wide-panel ledger">
      <div className="title-row">
        <h2 id="ledger-title" className="section-title">
          {t("ledger.title")}
        </h2>
        <div className="actions">
          <label className="inline">
            {t("payments.month")}
            <input
              type="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
            />
          </label>
          <a className="button" href={`/api/v1/expenses/${month}/ledger.xlsx`} download>
            {t("reports.xlsx")}
          </a>
        </div>
      </div>
      {ledger && (
        <>
          <p className="muted">{t("ledger.kept", { date: ledger.retainUntil })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("ledger.item")}</th>
                  <th scope="col">{t("ledger.kind")}</th>
                  <th scope="col" className="num">
                    {t("ledger.hours")}
                  </th>
                  <th scope="col" className="num">
                    {t("payments.amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ledger.staff.map((p) => (
                  <tr key={p.personId}>
                    <th scope="row">{p.name}</th>
                    <td>{label(EMPLOYMENT_LABELS[p.employment as "regular"], p.employment)}</td>
                    <td className="num">{p.hours.toFixed(2)}</td>
                    <td className="num">{yen(p.amount)}</td>
                  </tr>
                ))}
                {ledger.entries.map((e) => (
                  <tr key={e.entryId}>
                    <th scope="row">{e.description}</th>
                    <td>{label(EXPENSE_CATEGORY_LABELS[e.category])}</td>
                    <td className="num">—</td>
                    <td className="num">{yen(e.amount)}</td>
                  </tr>
                ))}
                <tr className="total">
                  <th scope="row">{t("reports.total")}</th>
                  <td />
                  <td />
                  <td className="num">{yen(ledger.total)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
      {canWrite && (
        <form
          className="ledger-entry"
          onSubmit={(e) => {
            e.preventDefault();
            void record();
          }}
        >
          <label htmlFor="ledger-category">{t("ledger.kind")}</label>
          <select
            id="ledger-category"
            value={entry.category}
            onChange={(e) => setEntry({ ...entry, category: e.target.value })}
          >
            {EXPENSE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {label(EXPENSE_CATEGORY_LABELS[c])}
              </option>
            ))}
          </select>
          <label htmlFor="ledger-description">{t("ledger.item")}</label>
          <input
            id="ledger-description"
            required
            maxLength={200}
            value={entry.description}
            onChange={(e) => setEntry({ ...entry, description: e.target.value })}
          />
          <label htmlFor="ledger-amount">{t("ledger.amount")}</label>
          <input
            id="ledger-amount"
            required
            type="number"
            step={1}
            value={entry.amount}
            onChange={(e) => setEntry({ ...entry, amount: e.target.value })}
          />
          <button type="submit" className="primary" disabled={command.pending}>
            {t("ledger.record")}
          </button>
          <p className="hint">{t("ledger.correctionHint")}</p>
        </form>
      )}
      <OutcomeLine message={command.message} />
    </section>
  );
}
