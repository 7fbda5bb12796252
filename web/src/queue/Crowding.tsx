import { CROWDING_LABELS, type Crowding, ESTIMATE_LABEL } from "../../../src/queue/crowding.ts";
import { useLang } from "../i18n.ts";

/** 混雑度 as a coloured word a citizen reads at a glance; the labels are the server's own. */
export function CrowdingBadge({
  crowding,
  lang,
}: {
  crowding: Crowding | null;
  lang?: "ja" | "en";
}) {
  const current = useLang();
  if (!crowding) return null;
  return (
    <span className={`crowding crowding-${crowding}`}>
      {CROWDING_LABELS[crowding][lang ?? current]}
    </span>
  );
}

/** The one wording of a group's estimate everywhere: what a person taking a ticket now would wait. */
export function estimateLabel(lang: "ja" | "en") {
  return ESTIMATE_LABEL[lang];
}
