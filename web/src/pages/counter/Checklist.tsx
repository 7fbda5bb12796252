import { useLang, useT } from "../../i18n.ts";
import type { Catalogue } from "../../queue/types.ts";

type Step = Catalogue["checklists"][string][number];

/** §4(3) 案内の確認項目: one row per step, each done, not wanted or failed. */
export function Checklist({
  procedure,
  title,
  steps,
  results,
  onChange,
}: {
  /** The procedure's code: names the radio groups, unique on the page. */
  procedure: string;
  title: string;
  steps: Step[];
  results: Record<string, string>;
  onChange: (results: Record<string, string>) => void;
}) {
  const lang = useLang();
  const t = useT();
  const labels = {
    done: t("checklist.done"),
    skipped: t("checklist.notWanted"),
    failed: t("checklist.failed"),
  };
  return (
    <fieldset className="checklist">
      <legend>
        {t("checklist.checklist")}: {title}
      </legend>
      {steps.map((step) => (
        <div className="check-row" key={step.code}>
          <span className="check-label">
            {lang === "ja" ? step.ja : step.en}
            {step.required && <small>{t("checklist.required")}</small>}
          </span>
          <span className="check-options">
            {(["done", "skipped", "failed"] as const).map((result) => (
              <label
                key={result}
                className={`check-option${results[step.code] === result ? " chosen" : ""}`}
              >
                <input
                  type="radio"
                  name={`${procedure}-${step.code}`}
                  checked={results[step.code] === result}
                  onChange={() => onChange({ ...results, [step.code]: result })}
                />
                {labels[result]}
              </label>
            ))}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
