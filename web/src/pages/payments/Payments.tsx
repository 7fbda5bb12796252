import {
  FEE_MODEL_LABELS,
  PAYMENT_KIND_LABELS,
  PAYMENT_STATUS_LABELS,
  type PaymentMonth,
  type PaymentOverview,
  TAX_ROUNDING_LABELS,
} from "../../../../src/payments/contract.ts";
import { REPORT_STATUS_LABELS, type ReportStatus } from "../../../../src/reports/contract.ts";
import { api, type Me } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLabel, useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { Ledger } from "./Ledger.tsx";

/**
 * 委託料 (仕様 13): every payment month at a glance — pending its inspection, claimable at the
 * amount the accepted report gives, claimed with its invoice, paid. The contractor's manager
 * claims; the city records the payment.
 */
export function Payments({ me }: { me: Me }) {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const [dialog, ask] = useDialog();
  const command = useCommand([keys.payments]);
  const data = useGet<PaymentOverview>(keys.payments, "/api/v1/payments").data;
  const yen = (n: number) =>
    lang === "ja" ? `${n.toLocaleString("ja-JP")}円` : `¥${n.toLocaleString("en-US")}`;
  const canClaim = me.permissions.includes("payment.claim");
  const canPay = me.permissions.includes("payment.record");
  const monthLabel = (m: string) =>
    lang === "ja" ? `${m.slice(0, 4)}年${Number(m.slice(5))}月` : m;

  const claim = async (m: PaymentMonth) => {
    const ok = await ask({
      title: t("payments.claim"),
      body: t("payments.claimConfirm", {
        month: monthLabel(m.month),
        amount: yen(m.amount?.total ?? 0),
      }),
      confirmLabel: t("payments.claim"),
    });
    if (ok)
      await command.run(async () => {
        const done = await api<PaymentMonth>("POST", `/api/v1/payments/${m.month}/claim`);
        return t("payments.claimed", {
          month: monthLabel(m.month),
          number: done.invoiceNumber ?? "",
        });
      });
  };
  const pay = async (m: PaymentMonth) => {
    const ok = await ask({
      title: t("payments.markPaid"),
      body: t("payments.payConfirm", {
        month: monthLabel(m.month),
        amount: yen(m.amount?.total ?? 0),
      }),
      confirmLabel: t("payments.markPaid"),
    });
    if (ok)
      await command.run(async () => {
        await api<PaymentMonth>("POST", `/api/v1/payments/${m.month}/paid`);
        return t("payments.paid", { month: monthLabel(m.month) });
      });
  };

  return (
    <section aria-labelledby="payments-title" className="payments">
      {dialog}
      <h1 id="payments-title">{t("payments.title")}</h1>
      {data && !data.terms && <p className="notice">{t("payments.noTerms")}</p>}
      {data?.terms && (
        <p className="muted">
          {t("payments.terms")}：
          {t("payments.termsValue", {
            model: label(FEE_MODEL_LABELS[data.terms.feeModel]),
            fee: yen(data.terms.monthlyFee),
            cap: data.terms.monthlyCap === null ? "—" : yen(data.terms.monthlyCap),
            rate: data.terms.taxRatePercent,
            rounding: label(TAX_ROUNDING_LABELS[data.terms.taxRounding]),
          })}
        </p>
      )}
      {data?.terms && (
        <p className="totals">
          <strong>{t("payments.paidTotal", { amount: yen(data.paidTotal) })}</strong>
          {"　"}
          {t("payments.claimedTotal", { amount: yen(data.claimedTotal) })}
        </p>
      )}
      <OutcomeLine message={command.message} />
      {data && data.months.length > 0 && (
        <div className="table-wrap">
          <table className="payments-table">
            <thead>
              <tr>
                <th scope="col">{t("payments.month")}</th>
                <th scope="col">{t("payments.kind")}</th>
                <th scope="col">{t("payments.report")}</th>
                <th scope="col">{t("payments.status")}</th>
                <th scope="col" className="num">
                  {t("payments.amount")}
                </th>
                <th scope="col">{t("payments.invoice")}</th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr key={m.month} data-month={m.month} className={`payment-${m.status}`}>
                  <th scope="row">{monthLabel(m.month)}</th>
                  <td>{label(PAYMENT_KIND_LABELS[m.kind])}</td>
                  <td>
                    {label(REPORT_STATUS_LABELS[m.reportStatus as ReportStatus], m.reportStatus)}
                  </td>
                  <td>
                    <span className={`badge payment-${m.status}`}>
                      {label(PAYMENT_STATUS_LABELS[m.status])}
                    </span>
                  </td>
                  <td className="num">{m.amount ? yen(m.amount.total) : "—"}</td>
                  <td>
                    {m.invoiceNumber && (
                      <a
                        href={`/api/v1/payments/${m.month}/invoice.pdf`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {m.invoiceNumber}
                      </a>
                    )}
                    {canClaim && m.status === "claimable" && (
                      <button
                        type="button"
                        className="primary"
                        disabled={command.pending}
                        onClick={() => void claim(m)}
                      >
                        {t("payments.claim")}
                      </button>
                    )}
                    {canPay && m.status === "claimed" && (
                      <button type="button" disabled={command.pending} onClick={() => void pay(m)}>
                        {t("payments.markPaid")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {me.permissions.includes("expense.read") && <Ledger me={me} />}
    </section>
  );
}
