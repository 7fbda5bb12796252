import { useEffect, useRef } from "react";
import type { z } from "zod";
import type { rangeSchema } from "../../src/queue/contract.ts";
import { i18next } from "./i18n.ts";

/** After the browser gave a stream up (a proxy's 502 while a server was replaced): try again. */
const REOPEN_MS = 2_000;

/**
 * Subscribes to a Server-Sent Events stream for as long as the component is shown. Every stream
 * starts with the whole current state, so a screen whose server process died carries on from
 * the next one behind the same address: the browser reconnects by itself when the connection
 * drops, and where it gives up (an error status on the way back), the stream is opened anew.
 */
export function useEventStream<T>(
  url: string | null,
  event: string,
  onData: (data: T) => void,
): void {
  useEventStreams(url, { [event]: onData as (data: unknown) => void });
}

/** One stream, several kinds of event on it (the staff's stream: board, emergency, incident). */
export function useEventStreams(
  url: string | null,
  handlers: Record<string, (data: unknown) => void>,
): void {
  const current = useRef(handlers);
  current.current = handlers;
  const events = Object.keys(handlers).sort().join(",");
  useEffect(() => {
    if (!url) return;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const names = events.split(",");
    const listener = (message: MessageEvent) =>
      current.current[message.type]?.(JSON.parse(message.data));
    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      for (const name of names) source.addEventListener(name, listener);
      source.onerror = () => {
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        for (const name of names) source.removeEventListener(name, listener);
        timer = setTimeout(open, REOPEN_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const name of names) source?.removeEventListener(name, listener);
      source?.close();
    };
  }, [url, events]);
}

/** An estimate's range in minutes: the server's own contract type. */
export type WaitRange = z.infer<typeof rangeSchema>;

export function waitText(range: WaitRange | null, lang: "ja" | "en", noCounter = false): string {
  if (noCounter || !range) return i18next.getFixedT(lang)("wait.noCounter");
  const t = i18next.getFixedT(lang);
  if (range.high <= 5) return t("wait.soon");
  return t("wait.range", { low: range.low, high: range.high });
}
