import { type KeyboardEvent, useState } from "react";
import type { StocktakeOut } from "../../../../src/cards/contract.ts";
import { api } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand } from "../../server.tsx";

/** 棚卸: scan every card in a locker (or all), then compare with the records. */
export function Stocktake() {
  const t = useT();
  const [locker, setLocker] = useState("");
  const [found, setFound] = useState<string[]>([]);
  const [result, setResult] = useState<StocktakeOut | null>(null);
  const command = useCommand([keys.cards]);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const ref = e.currentTarget.value
      .split(/[/,\t]/)[0]
      ?.trim()
      .toUpperCase();
    if (ref) setFound((f) => (f.includes(ref) ? f : [...f, ref]));
    e.currentTarget.value = "";
  };
  const compare = () =>
    command.run(async () => {
      const res = await api<StocktakeOut>("POST", "/api/v1/cards/stocktakes", {
        ...(locker.trim() ? { locker: locker.trim() } : {}),
        found,
      });
      setResult(res);
      setFound([]);
      return res.clean ? t("cards.stockClean") : t("cards.stockDiffers");
    });
  return (
    <div className="panel wide-panel cards-stocktake">
      <label className="inline">
        {t("cards.locker")}
        <input
          value={locker}
          maxLength={20}
          onChange={(e) => setLocker(e.target.value)}
          placeholder={t("cards.allLockers")}
        />
      </label>
      <label htmlFor="stock-scan">{t("cards.scanStock")}</label>
      <input id="stock-scan" className="scan" autoComplete="off" onKeyDown={onKey} />
      <p className="muted">{t("cards.scanned", { count: found.length })}</p>
      <button
        type="button"
        className="primary"
        disabled={command.pending}
        onClick={() => void compare()}
      >
        {t("cards.compare")}
      </button>
      <OutcomeLine message={command.message} />
      {result && (
        <dl className="facts stock-result">
          <dt>{t("cards.missing")}</dt>
          <dd>
            {result.missing
              .map(
                (m) => `${m.noticeRef}（${[m.locker, m.slot].filter(Boolean).join("-") || "—"}）`,
              )
              .join("、") || t("reports.none")}
          </dd>
          <dt>{t("cards.misplaced")}</dt>
          <dd>
            {result.misplaced
              .map((m) => `${m.noticeRef}（${t("cards.belongsIn", { place: m.locker ?? "—" })}）`)
              .join("、") || t("reports.none")}
          </dd>
          <dt>{t("cards.unknown")}</dt>
          <dd>{result.unknown.join("、") || t("reports.none")}</dd>
        </dl>
      )}
    </div>
  );
}
