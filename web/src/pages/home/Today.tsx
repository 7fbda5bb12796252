import { useQuery } from "@tanstack/react-query";
import { api, type Me, serverNow } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useQueueBoard } from "../../queue/liveQueue.tsx";
import type { TicketOut } from "../../queue/types.ts";

/**
 * 本日の状況: the counter today at a glance — people waiting, counters open, the longest wait so
 * far, the alerts. Live: the shell's one stream keeps the board and the waiting list current.
 */
export function Today() {
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const board = useQueueBoard().data;
  const waiting = useQuery({
    queryKey: keys.queueTickets(["waiting"]),
    queryFn: () => api<TicketOut[]>("GET", "/api/v1/queue/tickets?status=waiting"),
  }).data;
  if (!board) return null;
  const people = board.groups.reduce((sum, g) => sum + g.waiting, 0);
  const oldest = waiting?.reduce<string | null>(
    (min, t) => (min === null || t.issuedAt < min ? t.issuedAt : min),
    null,
  );
  const longest = oldest ? Math.floor((serverNow().getTime() - Date.parse(oldest)) / 60_000) : 0;
  return (
    <article className="card wide today" aria-labelledby="today-title">
      <h2 id="today-title">{L("本日の状況", "Today at the counter")}</h2>
      <dl className="figures">
        <div>
          <dt>{L("お待ちの方", "Waiting")}</dt>
          <dd>{L(`${people}人`, String(people))}</dd>
        </div>
        <div>
          <dt>{L("開いている窓口", "Counters open")}</dt>
          <dd>{board.openCounters}</dd>
        </div>
        <div>
          <dt>{L("最長の待ち時間", "Longest wait")}</dt>
          <dd>{L(`${longest}分`, `${longest} min`)}</dd>
        </div>
        <div>
          <dt>{L("呼出中", "Being called")}</dt>
          <dd>{board.calling.length}</dd>
        </div>
      </dl>
      {board.alerts.map((a) => (
        <p key={a.code} className="error" role="alert">
          ⚠ {lang === "ja" ? a.message : a.messageEn}
        </p>
      ))}
    </article>
  );
}

interface Todo {
  key: string;
  count: number;
  ja: string;
  en: string;
  href: string;
}

/** やること: what waits on this person — approvals, notices to acknowledge, material to approve. */
export function ToDo({ me }: { me: Me }) {
  const lang = useLang();
  const may = (permission: string) => me.permissions.includes(permission);
  const exceptions = useQuery({
    queryKey: ["calendar", "exceptions", "requested"],
    queryFn: () => api<unknown[]>("GET", "/api/v1/calendar/exceptions?status=requested"),
    enabled: may("calendar.approve") || may("calendar.request"),
  }).data;
  const notices = useQuery({
    queryKey: ["roster", "notices"],
    queryFn: () => api<{ acknowledgedAt: string | null }[]>("GET", "/api/v1/roster/notices"),
    enabled: may("roster.acknowledge"),
  }).data;
  const training = useQuery({
    queryKey: ["training"],
    queryFn: () => api<{ courses: { approvedAt: string | null }[] }>("GET", "/api/v1/training"),
    enabled: may("training.approve"),
  }).data;
  if (!may("calendar.approve") && !may("calendar.request") && !may("roster.acknowledge")) {
    return null;
  }
  const items: Todo[] = [
    {
      key: "exceptions",
      count: exceptions?.length ?? 0,
      ja: may("calendar.approve") ? "承認待ちの開庁日変更" : "市の承認を待つ開庁日変更",
      en: may("calendar.approve")
        ? "Calendar changes to decide"
        : "Calendar changes awaiting the city",
      href: "/calendar",
    },
    {
      key: "notices",
      count: notices?.filter((n) => !n.acknowledgedAt).length ?? 0,
      ja: "未確認の名簿の報告",
      en: "Roster notices to acknowledge",
      href: "/roster",
    },
    {
      key: "training",
      count: training?.courses.filter((c) => !c.approvedAt).length ?? 0,
      ja: "承認待ちの研修資料",
      en: "Course material to approve",
      href: "/roster",
    },
  ].filter((item) => item.count > 0);
  return (
    <article className="card today" aria-labelledby="todo-title">
      <h2 id="todo-title">{lang === "ja" ? "やること" : "To do"}</h2>
      {items.length === 0 ? (
        <p>{lang === "ja" ? "対応待ちの項目はありません。" : "Nothing is waiting on you."}</p>
      ) : (
        <ul className="plain">
          {items.map((item) => (
            <li key={item.key}>
              <a href={item.href}>
                {lang === "ja" ? item.ja : item.en} <strong>{item.count}</strong>
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
