import { useLang } from "./i18n.ts";
import { useQueueBoard } from "./queue/liveQueue.tsx";

/** The manager's thresholds, passed: shown at once on every screen of the counter's staff. */
export function QueueAlerts() {
  const lang = useLang();
  const alerts = useQueueBoard().data?.alerts ?? [];
  if (alerts.length === 0) return null;
  return (
    <div className="queue-alerts" role="alert">
      {alerts.map((a) => (
        <p key={a.code}>⚠ {lang === "ja" ? a.message : a.messageEn}</p>
      ))}
    </div>
  );
}
