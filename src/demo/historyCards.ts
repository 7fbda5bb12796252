import { handOverCard, receiveBatch, searchCards, setUpCard } from "../cards/cards.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db/index.ts";
import { DomainError } from "../platform/errors.ts";
import { type Ctx, runOperation } from "../platform/operation.ts";

type Step = (ctxFor: (actor: Actor) => Ctx) => Promise<void>;

const FAMILY = [
  "ヤマダ",
  "サトウ",
  "スズキ",
  "タカハシ",
  "タナカ",
  "ワタナベ",
  "イトウ",
  "ナカムラ",
  "コバヤシ",
  "カトウ",
];
const GIVEN = [
  "タロウ",
  "ハナコ",
  "ケンタ",
  "ミサキ",
  "ヒロシ",
  "ユミ",
  "ショウ",
  "サクラ",
  "ダイスケ",
  "マリ",
];

/**
 * The card stock of the demo's past, kept through the card operations: each service day the
 * city's delivery for it is received at 08:05 (about the day's expected handovers), the back
 * office sets the cards up from 08:10, and every completed handover at a counter hands one over.
 */
export interface CardDay {
  /** Set-up cards waiting for their holders (from earlier days, then this morning's). */
  ready: string[];
  handOver: (c: (a: Actor) => Ctx, clerk: Actor) => Promise<void>;
}

export async function cardDay(props: {
  database: Database;
  lead: Actor;
  date: string;
  expectedHandovers: number;
  random: () => number;
  schedule: (time: number, run: Step) => void;
  at: (minute: number) => number;
}): Promise<CardDay> {
  const { lead, date, random } = props;
  const ready = (
    await runOperation(props.database.db, lead, (ctx) => searchCards(ctx, { state: "set_up" }))
  ).map((c) => c.id);
  const day: CardDay = {
    ready,
    handOver: async (c, clerk) => {
      const cardId = day.ready.shift();
      if (cardId)
        await handOverCard(c(clerk), {
          cardId,
          identityCheck: random() < 0.7 ? "card_pin" : "photo_id",
        });
    },
  };
  const count = Math.round(props.expectedHandovers * 1.05);
  if (count === 0) return day;
  const stamp = date.replaceAll("-", "").slice(2);
  const cards = Array.from({ length: count }, (_, i) => ({
    noticeRef: `NGK-${stamp}-${String(i + 1).padStart(4, "0")}`,
    nameKana: `${FAMILY[Math.floor(random() * FAMILY.length)]} ${GIVEN[Math.floor(random() * GIVEN.length)]}`,
    birthDate: `${1940 + Math.floor(random() * 66)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
    locker: String.fromCharCode(65 + (i % 4)),
    slot: String(Math.floor(i / 4) + 1).padStart(2, "0"),
  }));
  props.schedule(props.at(8 * 60 + 5), async (c) => {
    let received: { id: string }[];
    try {
      received = (await receiveBatch(c(lead), { deliveredOn: date, cards })).cards;
    } catch (error) {
      // Received already by a run that stopped midway through this day.
      if (error instanceof DomainError && error.code === "notice_ref_taken") return;
      throw error;
    }
    received.forEach((card, k) => {
      props.schedule(props.at(8 * 60 + 10) + k * 20_000, async (c2) => {
        await setUpCard(c2(lead), { cardId: card.id, terminal: "T5" });
        day.ready.push(card.id);
      });
    });
  });
  return day;
}
