import type { Actor } from "../platform/actor.ts";
import type { HistoryWorld } from "./historyWorld.ts";

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
 * The card stock of the demo's past, kept through the card steps: each service day the city's
 * delivery for it is received at 08:05 (the month's setups spread as its handovers are), the back office sets
 * the cards up from 08:10, one each 20 seconds, and each joins the cards waiting for their holders.
 */
export function receiveDelivery(props: {
  world: HistoryWorld;
  lead: Actor;
  date: string;
  /** Cards in the delivery. */
  count: number;
  random: () => number;
  schedule: (time: number, run: () => Promise<void>) => void;
  at: (minute: number) => number;
  ready: string[];
}): void {
  const { world, lead, date, random } = props;
  const { count } = props;
  if (count === 0) return;
  const stamp = date.replaceAll("-", "").slice(2);
  const cards = Array.from({ length: count }, (_, i) => ({
    noticeRef: `NGK-${stamp}-${String(i + 1).padStart(4, "0")}`,
    nameKana: `${FAMILY[Math.floor(random() * FAMILY.length)]} ${GIVEN[Math.floor(random() * GIVEN.length)]}`,
    birthDate: `${1940 + Math.floor(random() * 66)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
    locker: String.fromCharCode(65 + (i % 4)),
    slot: String(Math.floor(i / 4) + 1).padStart(2, "0"),
  }));
  props.schedule(props.at(8 * 60 + 5), async () => {
    const received = (await world.receiveCards(lead, { deliveredOn: date, cards })).cards;
    received.forEach((card, k) => {
      props.schedule(props.at(8 * 60 + 10) + k * 20_000, async () => {
        await world.setUpCard(lead, card.id, "T5");
        props.ready.push(card.id);
      });
    });
  });
}
