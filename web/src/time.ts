import { serverNow } from "./api.ts";

/**
 * Japan's dates and times for the pages, by the server's clock (a training clock may differ from
 * this device's). Japan keeps no summer time: +9 hours, always.
 */
const inTokyo = (instant: number) => new Date(instant + 9 * 3_600_000).toISOString();

/** Today in Japan (YYYY-MM-DD). */
export const today = () => inTokyo(serverNow().getTime()).slice(0, 10);

/** The month before this one (YYYY-MM): what reports and books are about by default. */
export const lastMonth = () => {
  const d = new Date(`${today()}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/** HH:MM in Japan of an instant. */
export const tokyoTime = (iso: string) => inTokyo(Date.parse(iso)).slice(11, 16);

/** YYYY-MM-DD HH:MM in Japan of an instant. */
export const tokyoDateTime = (iso: string) => {
  const local = inTokyo(Date.parse(iso));
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};
