import { useEffect, useRef } from "react";
import type { z } from "zod";
import type { rangeSchema } from "../../src/queue/contract.ts";
import { i18next } from "./i18n.ts";

/** Subscribes to a Server-Sent Events stream for as long as the component is shown. */
export function useEventStream<T>(
  url: string | null,
  event: string,
  onData: (data: T) => void,
): void {
  const handler = useRef(onData);
  handler.current = onData;
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url, { withCredentials: true });
    const listener = (message: MessageEvent) => handler.current(JSON.parse(message.data) as T);
    source.addEventListener(event, listener);
    return () => {
      source.removeEventListener(event, listener);
      source.close();
    };
  }, [url, event]);
}

/** An estimate's range in minutes: the server's own contract type. */
export type WaitRange = z.infer<typeof rangeSchema>;

export function waitText(range: WaitRange | null, lang: "ja" | "en", noCounter = false): string {
  if (noCounter || !range) return i18next.getFixedT(lang)("wait.noCounter");
  const t = i18next.getFixedT(lang);
  if (range.high <= 5) return t("wait.soon");
  return t("wait.range", { low: range.low, high: range.high });
}
