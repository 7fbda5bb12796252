import { useLang } from "../../i18n.ts";
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
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const { catalogue, counterId, terminalId } = props;
  return (
    <div className="panel">
      <h2>{L("窓口を開く", "Open a counter")}</h2>
      <div className="grid">
        <label>
          {L("窓口", "Counter")}
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
          {L("端末", "Terminal")}
          <select value={terminalId} onChange={(e) => props.onTerminal(e.target.value)}>
            <option value="">{L("窓口の既定の端末", "Counter's default")}</option>
            {catalogue.terminals.map((t) => (
              <option
                key={t.terminalId}
                value={t.terminalId}
                disabled={catalogue.openSessions.some((s) => s.terminalId === t.terminalId)}
              >
                {t.terminalId} {t.nameJa}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" className="primary big" onClick={props.onOpen}>
        {L("窓口を開く", "Open counter")}
      </button>
    </div>
  );
}
