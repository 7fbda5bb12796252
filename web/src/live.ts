import { useEffect, useRef } from "react";
import type { z } from "zod";
import type { rangeSchema } from "../../src/queue/contract.ts";

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
  if (noCounter || !range)
    return lang === "ja" ? "現在受付窓口が開いていません" : "No counter is open for this now";
  if (range.high <= 5) return lang === "ja" ? "まもなく" : "Soon";
  return lang === "ja" ? `約${range.low}〜${range.high}分` : `About ${range.low}–${range.high} min`;
}
