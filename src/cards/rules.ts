/**
 * カード在庫 (仕様 4(4)): the life of a finished My Number Card at the office, as a pure state
 * machine. A card is known by its delivery batch, an internal id and the reference printed on
 * its notice — never by a My Number.
 *
 *   received ─setup→ set_up ─send_notice→ notice_sent ─reserve→ reserved ─hand_over→ handed_over
 *   (set up, noticed or reserved) ─mark_unclaimed→ unclaimed ─remind→ reminded ─dispose→ returned
 *   (any state before handover) ─defect→ defective
 */
import { addDays } from "../calendar/dates.ts";

export const CARD_STATES = [
  "received",
  "set_up",
  "notice_sent",
  "reserved",
  "handed_over",
  "unclaimed",
  "reminded",
  "returned",
  "defective",
] as const;
export type CardState = (typeof CARD_STATES)[number];

export const CARD_ACTIONS = [
  "setup",
  "send_notice",
  "reserve",
  "hand_over",
  "mark_unclaimed",
  "remind",
  "dispose",
  "defect",
] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

const FROM: Record<CardAction, readonly CardState[]> = {
  setup: ["received"],
  send_notice: ["set_up"],
  reserve: ["set_up", "notice_sent", "unclaimed", "reminded"],
  hand_over: ["set_up", "notice_sent", "reserved", "unclaimed", "reminded"],
  mark_unclaimed: ["notice_sent", "reserved"],
  remind: ["unclaimed", "reminded"],
  dispose: ["unclaimed", "reminded"],
  defect: ["received", "set_up", "notice_sent", "reserved", "unclaimed", "reminded"],
};
const TO: Record<CardAction, CardState> = {
  setup: "set_up",
  send_notice: "notice_sent",
  reserve: "reserved",
  hand_over: "handed_over",
  mark_unclaimed: "unclaimed",
  remind: "reminded",
  dispose: "returned",
  defect: "defective",
};

/** Why a step is refused: a stable code, in Japanese and English. */
export class CardRuleError extends Error {
  constructor(
    readonly code: string,
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface StepFacts {
  /** Who acts: no step without one. */
  actorId: string;
  /** Days since the notice was sent (for disposal), if it was. */
  daysSinceNotice?: number | null;
  /** The city's period before an unclaimed card may be returned for disposal. */
  disposalAfterDays: number;
}

/** The state a card moves to, or the refusal: the one rule every card operation applies. */
export function nextCardState(state: CardState, action: CardAction, facts: StepFacts): CardState {
  if (!facts.actorId.trim())
    throw new CardRuleError(
      "actor_required",
      "操作した人が記録できません。",
      "Every step needs an actor.",
    );
  if (action === "hand_over" && state === "received")
    throw new CardRuleError(
      "card_not_set_up",
      "交付前設定が済んでいないカードは交付できません。",
      "The card has not been set up yet.",
    );
  if (state === "handed_over")
    throw new CardRuleError(
      "card_already_handed_over",
      "このカードは交付済みです。",
      "This card has already been handed over.",
    );
  if (!FROM[action].includes(state))
    throw new CardRuleError(
      `cannot_${action}`,
      `この状態（${CARD_STATE_LABELS[state].ja}）のカードには「${CARD_ACTION_LABELS[action].ja}」はできません。`,
      `A card that is ${CARD_STATE_LABELS[state].en.toLowerCase()} cannot be ${CARD_ACTION_LABELS[action].en.toLowerCase()}.`,
    );
  if (action === "dispose" && (facts.daysSinceNotice ?? -1) < facts.disposalAfterDays)
    throw new CardRuleError(
      "disposal_too_early",
      `通知から${facts.disposalAfterDays}日を過ぎるまで廃棄（返還）できません。`,
      `A card is returned for disposal only ${facts.disposalAfterDays} days after its notice.`,
    );
  return TO[action];
}

export const CARD_STATE_LABELS: Record<CardState, { ja: string; en: string }> = {
  received: { ja: "受領", en: "Received" },
  set_up: { ja: "交付前設定済", en: "Set up" },
  notice_sent: { ja: "通知済", en: "Notice sent" },
  reserved: { ja: "予約済", en: "Reserved" },
  handed_over: { ja: "交付済", en: "Handed over" },
  unclaimed: { ja: "未受領", en: "Unclaimed" },
  reminded: { ja: "再通知済", en: "Reminded" },
  returned: { ja: "廃棄（返還）", en: "Returned for disposal" },
  defective: { ja: "不良", en: "Defective" },
};

export const CARD_ACTION_LABELS: Record<CardAction, { ja: string; en: string }> = {
  setup: { ja: "交付前設定", en: "Set up" },
  send_notice: { ja: "交付通知", en: "Sent the notice" },
  reserve: { ja: "予約", en: "Reserved" },
  hand_over: { ja: "交付", en: "Handed over" },
  mark_unclaimed: { ja: "未受領", en: "Marked unclaimed" },
  remind: { ja: "再通知", en: "Reminded" },
  dispose: { ja: "廃棄（返還）", en: "Returned for disposal" },
  defect: { ja: "不良", en: "Marked defective" },
};

/** How the holder's identity was checked at handover: the kind only, never a document's number. */
export const IDENTITY_CHECKS = ["card_pin", "photo_id", "two_documents", "proxy"] as const;
export const IDENTITY_CHECK_LABELS: Record<
  (typeof IDENTITY_CHECKS)[number],
  { ja: string; en: string }
> = {
  card_pin: { ja: "暗証番号の照合", en: "PIN checked on the card" },
  photo_id: { ja: "顔写真付き本人確認書類", en: "Photo ID" },
  two_documents: { ja: "本人確認書類2点", en: "Two documents" },
  proxy: { ja: "代理人（委任状・照会書）", en: "Proxy with a letter" },
};

/**
 * The last day a card may be set up: the day before its holder's booked handover (never before
 * its delivery), and for an express card (特急発行) at most the city's days after delivery.
 */
export function setupDeadline(card: {
  deliveredOn: string;
  handoverOn?: string | undefined;
  express: boolean;
  expressSetupDays: number;
}): string | null {
  const dates: string[] = [];
  if (card.handoverOn) {
    const before = addDays(card.handoverOn, -1);
    dates.push(before < card.deliveredOn ? card.deliveredOn : before);
  }
  if (card.express) dates.push(addDays(card.deliveredOn, card.expressSetupDays));
  return dates.length ? dates.sort()[0]! : null;
}

/** The notice's reference: letters, digits and hyphens (its format only; nothing is looked up). */
export const NOTICE_REF = /^[A-Z0-9][A-Z0-9-]{5,23}$/;
