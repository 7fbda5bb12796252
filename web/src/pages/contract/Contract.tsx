import { useState } from "react";
import type { Me } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { Commitments } from "./Commitments.tsx";
import { Disclosure } from "./Disclosure.tsx";
import { Subcontracting } from "./Subcontracting.tsx";

type Tab = "commitments" | "subcontracting" | "disclosure";

/** 契約の管理 (仕様 14): the proposal's commitments, subcontracting consents and disclosure. */
export function Contract({ me }: { me: Me }) {
  const t = useT();
  const may = (p: string) => me.permissions.includes(p);
  const tabs = (
    [
      ["commitments", "commitment.read"],
      ["subcontracting", "subcontract.read"],
      ["disclosure", "disclosure.read"],
    ] as const
  ).filter(([, p]) => may(p));
  const [tab, setTab] = useState<Tab>(tabs[0]?.[0] ?? "commitments");
  return (
    <section aria-labelledby="contract-title" className="contract">
      <div className="title-row">
        <h1 id="contract-title">{t("contract.title")}</h1>
        <div className="actions" role="tablist">
          {tabs.map(([k]) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? "chosen" : undefined}
              onClick={() => setTab(k)}
            >
              {t(`contract.tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {tab === "commitments" && <Commitments may={may} />}
      {tab === "subcontracting" && <Subcontracting may={may} />}
      {tab === "disclosure" && <Disclosure may={may} />}
    </section>
  );
}
