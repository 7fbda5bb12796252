import { useState } from "react";
import { useLang } from "./i18n.ts";
import { useEventStream } from "./live.ts";
import type { Board } from "./queue/types.ts";

/** The manager's thresholds, passed: shown at once on every screen of the counter's staff. */
export function QueueAlerts() {
  const lang = useLang();
  const [alerts, setAlerts] = useState<Board["alerts"]>([]);
  useEventStream<Board>("/api/v1/queue/events", "board", (board) => setAlerts(board.alerts));
  if (alerts.length === 0) return null;
  return (
    <div className="queue-alerts" role="alert">
      {alerts.map((a) => (
        <p key={a.code}>⚠ {lang === "ja" ? a.message : a.messageEn}</p>
      ))}
    </div>
  );
}
