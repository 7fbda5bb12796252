import type { Tx } from "../db/index.ts";
import { enqueueMail } from "../mail/outbox.ts";

/** What a turn-near notice says: no name, no procedure, only the number and the way back. */
export interface TurnNotice {
  number: string;
  /** People still ahead when the notice went out. */
  ahead: number;
  office: string;
  statusUrl: string;
}

/**
 * A way to reach a person waiting (e-mail today; LINE or SMS by adding one here and naming it
 * in MADOGUCHI_NOTICE_CHANNELS). Every channel queues inside the caller's transaction, so a
 * notice is sent only if the change that made it due commits, and exactly once.
 */
export interface NoticeChannel {
  code: string;
  label: { ja: string; en: string };
  /** What the person types, and the input that suits it on a phone. */
  addressLabel: { ja: string; en: string };
  inputType: "email" | "tel" | "text";
  /** The address in its stored form, or null when it is not one this channel can reach. */
  normalise(raw: string): string | null;
  send(tx: Tx, tenantId: string, to: string, notice: TurnNotice): Promise<void>;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export const emailChannel: NoticeChannel = {
  code: "email",
  label: { ja: "メール", en: "E-mail" },
  addressLabel: { ja: "メールアドレス", en: "E-mail address" },
  inputType: "email",
  normalise: (raw) => {
    const address = raw.trim();
    return EMAIL.test(address) && address.length <= 254 ? address : null;
  },
  send: (tx, tenantId, to, n) =>
    enqueueMail(tx, tenantId, {
      kind: "queue.turn_near",
      to,
      subject: "【まもなく順番です】マイナンバーカード窓口 / Your turn is near",
      body: `受付番号 ${n.number} の方、まもなく順番です（あと${n.ahead}人）。\n窓口の近くでお待ちください。\n呼出状況: ${n.statusUrl}\n\nNumber ${n.number}: your turn is near (${n.ahead} ahead). Please wait near the counter.\n${n.statusUrl}\n\n${n.office}\nこのメールは送信専用です。 / This is an automatic message.\n`,
    }),
};

/** Every channel this build knows; the configuration picks which are offered. */
export const KNOWN_CHANNELS: Record<string, NoticeChannel> = { email: emailChannel };

/** The channels named in the configuration, in its order; an unknown name is a setup error. */
export function channelsNamed(codes: readonly string[]): NoticeChannel[] {
  return codes.map((code) => {
    const channel = KNOWN_CHANNELS[code];
    if (!channel) throw new Error(`MADOGUCHI_NOTICE_CHANNELS names an unknown channel: ${code}`);
    return channel;
  });
}
