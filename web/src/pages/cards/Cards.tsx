import { useState } from "react";
import { CARD_STATE_LABELS } from "../../../../src/cards/contract.ts";
import { CARD_STATES } from "../../../../src/cards/rules.ts";
import type { Me } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { Receive } from "./Receive.tsx";
import { Stocktake } from "./Stocktake.tsx";
import { Work } from "./Work.tsx";

type Tab = "work" | "receive" | "stocktake";

/** カード在庫 (仕様 4(4)): the cards in the office's keeping, from delivery to handover. */
export function Cards({ me }: { me: Me }) {
  const t = useT();
  const label = useLabel();
  const [tab, setTab] = useState<Tab>("work");
  const summary = useGet<Record<string, number>>(keys.cardSummary, "/api/v1/cards/summary").data;
  return (
    <section aria-labelledby="cards-title" className="card-stock">
      <div className="title-row">
        <h1 id="cards-title">{t("cards.title")}</h1>
        <div className="actions" role="tablist">
          {(["work", "receive", "stocktake"] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? "chosen" : undefined}
              onClick={() => setTab(k)}
            >
              {t(`cards.tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {summary && (
        <p className="card-summary">
          {CARD_STATES.filter((s) => summary[s]).map((s) => (
            <span key={s} className="badge">
              {label(CARD_STATE_LABELS[s])} {summary[s]}
            </span>
          ))}
        </p>
      )}
      {tab === "work" && <Work canDispose={me.permissions.includes("card.dispose")} />}
      {tab === "receive" && <Receive />}
      {tab === "stocktake" && <Stocktake />}
    </section>
  );
}
