import { type KeyboardEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand } from "../../server.tsx";
import { today } from "../../time.ts";

interface Row {
  noticeRef: string;
  nameKana: string;
  birthDate: string;
  locker?: string;
  slot?: string;
  express?: boolean;
}

/**
 * A scanned or typed line of the delivery list: 「参照番号/カナ氏名/生年月日[/保管庫/位置][/特急]」,
 * or the same with commas (a CSV line). The barcode scanner types it and presses Enter.
 */
export function parseLine(line: string): Row | null {
  const parts = line.split(/[/,\t]/).map((p) => p.trim());
  const [noticeRef, nameKana, birthDate, locker, slot, express] = parts;
  if (!noticeRef || !nameKana || !birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  return {
    noticeRef: noticeRef.toUpperCase(),
    nameKana,
    birthDate,
    ...(locker ? { locker } : {}),
    ...(slot ? { slot } : {}),
    ...(express && /^(特急|express|1|true)$/i.test(express) ? { express: true } : {}),
  };
}

/** 受領: scan each card of a delivery (or paste the delivery list), check the lines, receive them. */
export function Receive() {
  const t = useT();
  const [rows, setRows] = useState<Row[]>([]);
  const [deliveredOn, setDeliveredOn] = useState(today);
  const [bad, setBad] = useState<string | null>(null);
  const scan = useRef<HTMLInputElement>(null);
  const command = useCommand([keys.cards]);
  const add = (text: string) => {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    const parsed = lines.map(parseLine);
    const wrong = lines.find((_, i) => !parsed[i]);
    setBad(wrong ?? null);
    setRows((current) => [...current, ...(parsed.filter(Boolean) as Row[])]);
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
