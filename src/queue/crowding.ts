/**
 * 混雑度: how crowded a group is, read at a glance by a citizen — from the wait a person taking a
 * ticket now would have. Pure, and shared with the web app (labels are the server's own).
 */
export const CROWDING_LEVELS = ["quiet", "moderate", "busy"] as const;
export type Crowding = (typeof CROWDING_LEVELS)[number];

export const CROWDING_LABELS: Record<Crowding, { ja: string; en: string }> = {
  quiet: { ja: "空いています", en: "Not busy" },
  moderate: { ja: "やや混雑", en: "Somewhat busy" },
  busy: { ja: "混雑", en: "Busy" },
};

/** Up to 20 minutes is quiet, up to 45 somewhat busy, beyond that busy (on the upper figure). */
export function crowdingOf(estimate: { low: number; high: number } | null): Crowding | null {
  if (!estimate) return null;
  if (estimate.high <= 20) return "quiet";
  if (estimate.high <= 45) return "moderate";
  return "busy";
}

/** The label every screen puts before a group's estimate: it is a new ticket's wait. */
export const ESTIMATE_LABEL = {
  ja: "今から発券した場合の待ち時間",
  en: "Wait if you take a ticket now",
};
