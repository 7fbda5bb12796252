import { useT } from "../../i18n.ts";
import type { Catalogue } from "../../queue/types.ts";

/** 窓口を開く: which counter, with which terminal; those already open are not offered. */
export function OpenCounter(props: {
  catalogue: Catalogue;
  counterId: string;
  terminalId: string;
  onCounter: (counterId: string) => void;
  onTerminal: (terminalId: string) => void;
  onOpen: () => void;
}) {
  const t = useT();
  const { catalogue, counterId, terminalId } = props;
  const outOfService = t("openCounter.outOfService");
  return (
    <div className="panel">
      <h2>{t("openCounter.openACounter")}</h2>
      <div className="grid">
        <label>
          {t("openCounter.counter")}
          <select value={counterId} onChange={(e) => props.onCounter(e.target.value)}>
            {catalogue.counters.map((c) => (
              <option
                key={c.counterId}
                value={c.counterId}
                disabled={catalogue.openSessions.some((s) => s.counterId === c.counterId)}
              >
                {c.nameJa}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("openCounter.terminal")}
          <select value={terminalId} onChange={(e) => props.onTerminal(e.target.value)}>
            <option value="">{t("openCounter.counterSDefault")}</option>
            {catalogue.terminals.map((t) => (
              <option
                key={t.terminalId}
                value={t.terminalId}
                disabled={
                  !t.inService || catalogue.openSessions.some((s) => s.terminalId === t.terminalId)
                }
              >
                {t.terminalId} {t.nameJa}
                {t.inService ? "" : `（${outOfService}）`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" className="primary big" onClick={props.onOpen}>
        {t("openCounter.openCounter")}
      </button>
    </div>
  );
}
