import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, serverNow } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";

/** 対応時間: how long the person at the counter has been called or served, ticking each second. */
export function ServiceTimer({ since, serving }: { since: string; serving: boolean }) {
  const lang = useLang();
  const [now, setNow] = useState(serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <p className="service-timer">
      {serving
        ? lang === "ja"
          ? `対応時間 ${text}`
          : `Serving for ${text}`
        : lang === "ja"
          ? `呼出から ${text}`
          : `Called ${text} ago`}
    </p>
  );
}

/** 本日の対応: the clerk's own count today, refreshed whenever the queue changes. */
export function MyDay() {
  const lang = useLang();
  const day = useQuery({
    queryKey: keys.queueMyDay,
    queryFn: () =>
      api<{ people: number; completed: number; notCompleted: number }>(
        "GET",
        "/api/v1/queue/my-day",
      ),
  }).data;
  if (!day) return null;
  return (
    <span className="my-day">
      {lang === "ja"
        ? `本日 ${day.people}人（完了 ${day.completed}・未完了 ${day.notCompleted}）`
        : `Today ${day.people} people (${day.completed} completed, ${day.notCompleted} not)`}
    </span>
  );
}
