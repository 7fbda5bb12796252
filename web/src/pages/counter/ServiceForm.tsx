import { useLang } from "../../i18n.ts";
import type { Catalogue } from "../../queue/types.ts";

/** The details of the visit being served: why it ended unfinished, where it goes, a note. */
export function ServiceForm(props: {
  catalogue: Catalogue | null;
  name: (code: string) => string;
  reason: string;
  transferTo: string;
  note: string;
  onReason: (reason: string) => void;
  onTransferTo: (target: string) => void;
  onNote: (note: string) => void;
}) {
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const { catalogue, name, reason, transferTo, note } = props;
  return (
    <>
      <div className="grid">
        <label>
          {L("未完了の理由", "Reason if not completed")}
          <select value={reason} onChange={(e) => props.onReason(e.target.value)}>
            {Object.entries(catalogue?.notCompletedReasons ?? {}).map(([code, label]) => (
              <option key={code} value={code}>
                {label[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {L("移管先", "Transfer to")}
          <select value={transferTo} onChange={(e) => props.onTransferTo(e.target.value)}>
            <option value="">—</option>
            {catalogue?.procedures
              .filter((p) => p.atCounter && !p.retiredAt)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {L("手続: ", "Procedure: ")}
                  {name(p.code)}
                </option>
              ))}
            {catalogue?.counters.map((c) => (
              <option key={c.counterId} value={`counter:${c.counterId}`}>
                {c.nameJa}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {L("メモ（個人番号は入力しないでください）", "Note (never enter a My Number)")}
        <textarea
          value={note}
          onChange={(e) => props.onNote(e.target.value)}
          rows={2}
          maxLength={1000}
        />
      </label>
    </>
  );
}
