import { useLang, useT } from "../../i18n.ts";
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
  const t = useT();
  const { catalogue, name, reason, transferTo, note } = props;
  return (
    <>
      <div className="grid">
        <label>
          {t("serviceForm.reasonIfNotCompleted")}
          <select value={reason} onChange={(e) => props.onReason(e.target.value)}>
            {Object.entries(catalogue?.notCompletedReasons ?? {}).map(([code, label]) => (
              <option key={code} value={code}>
                {label[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("serviceForm.transferTo")}
          <select value={transferTo} onChange={(e) => props.onTransferTo(e.target.value)}>
            <option value="">—</option>
            {catalogue?.procedures
              .filter((p) => p.atCounter && !p.retiredAt)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {t("serviceForm.procedure")}
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
        {t("serviceForm.noteNeverEnterAMyNumber")}
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
