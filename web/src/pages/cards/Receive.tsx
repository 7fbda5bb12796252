import { type KeyboardEvent, useRef, useState } from "react";
import {
  type DeliveryRow,
  decodeDeliveryFile,
  parseDeliveryList,
} from "../../../../src/cards/deliveryList.ts";
import { api } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand } from "../../server.tsx";
import { today } from "../../time.ts";

/** 受領: scan each card of a delivery (or paste the delivery list), check the lines, receive them. */
export function Receive() {
  const t = useT();
  const [rows, setRows] = useState<DeliveryRow[]>([]);
  const [deliveredOn, setDeliveredOn] = useState(today);
  const [bad, setBad] = useState<string | null>(null);
  const scan = useRef<HTMLInputElement>(null);
  const command = useCommand([keys.cards]);
  const add = (text: string) => {
    const list = parseDeliveryList(text);
    setBad(list.bad[0] ?? null);
    setRows((current) => [...current, ...list.rows]);
  };
  const readFile = async (file: File | undefined) => {
    if (file) add(decodeDeliveryFile(new Uint8Array(await file.arrayBuffer())));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    add(e.currentTarget.value);
    e.currentTarget.value = "";
  };
  const receive = () =>
    command.run(async () => {
      const res = await api<{ cards: unknown[] }>("POST", "/api/v1/cards/batches", {
        deliveredOn,
        cards: rows,
      });
      setRows([]);
      scan.current?.focus();
      return t("cards.received", { count: res.cards.length });
    });
  return (
    <div className="panel wide-panel cards-receive">
      <label className="inline">
        {t("cards.deliveredOn")}
        <input
          type="date"
          value={deliveredOn}
          onChange={(e) => e.target.value && setDeliveredOn(e.target.value)}
        />
      </label>
      <label htmlFor="card-scan">{t("cards.scan")}</label>
      <input
        id="card-scan"
        ref={scan}
        className="scan"
        autoComplete="off"
        placeholder="NGK-2608-0001/ヤマダ タロウ/1980-04-01/A/01"
        onKeyDown={onKey}
      />
      <details>
        <summary>{t("cards.paste")}</summary>
        <textarea
          aria-label={t("cards.paste")}
          rows={4}
          onBlur={(e) => {
            if (e.target.value.trim()) {
              add(e.target.value);
              e.target.value = "";
            }
          }}
        />
      </details>
      <label className="inline file-pick">
        {t("cards.file")}
        <input
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          onChange={(e) => {
            void readFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </label>
      {bad && (
        <p role="alert" className="error">
          {t("cards.badLine", { line: bad })}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("cards.noticeRef")}</th>
                <th scope="col">{t("cards.nameKana")}</th>
                <th scope="col">{t("cards.birthDate")}</th>
                <th scope="col">{t("cards.place")}</th>
                <th scope="col">{t("cards.handoverOn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.noticeRef}>
                  <td>
                    {r.noticeRef}
                    {r.express ? ` ${t("cards.express")}` : ""}
                  </td>
                  <td>{r.nameKana}</td>
                  <td>{r.birthDate}</td>
                  <td>{[r.locker, r.slot].filter(Boolean).join("-")}</td>
                  <td>{r.handoverOn ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button
        type="button"
        className="primary"
        disabled={rows.length === 0 || command.pending}
        onClick={() => void receive()}
      >
        {t("cards.receive", { count: rows.length })}
      </button>
      <OutcomeLine message={command.message} />
    </div>
  );
}
