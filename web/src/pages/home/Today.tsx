import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ExceptionOut } from "../../../../src/calendar/contract.ts";
import { api, type Me, serverNow } from "../../api.ts";
import { type StringKey, useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useQueueBoard } from "../../queue/liveQueue.tsx";
import type { TicketOut } from "../../queue/types.ts";
import { useGet } from "../../server.tsx";
import type { Course, Notice } from "../roster/model.ts";

/**
 * 本日の状況: the counter today at a glance — people waiting, counters open, the longest wait so
 * far, the alerts. Live: the shell's one stream keeps the board and the waiting list current.
 */
export function Today() {
  const lang = useLang();
  const t = useT();
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
      <h2 id="today-title">{t("today.todayAtTheCounter")}</h2>
      <dl className="figures">
        <div>
          <dt>{t("today.waiting")}</dt>
          <dd>{t("today.peopleCount", { people })}</dd>
        </div>
        <div>
          <dt>{t("today.countersOpen")}</dt>
          <dd>{board.openCounters}</dd>
        </div>
        <div>
          <dt>{t("today.longestWait")}</dt>
          <dd>{t("today.min", { longest })}</dd>
        </div>
        <div>
          <dt>{t("today.beingCalled")}</dt>
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
  label: StringKey;
  to: "/calendar" | "/roster" | "/incidents" | "/manual";
}

/** やること: what waits on this person — approvals, notices to acknowledge, material to approve. */
export function ToDo({ me }: { me: Me }) {
  const t = useT();
  const may = (permission: string) => me.permissions.includes(permission);
  const exceptions = useGet<ExceptionOut[]>(
    [...keys.calendar, "exceptions", "requested"],
    may("calendar.approve") || may("calendar.request")
      ? "/api/v1/calendar/exceptions?status=requested"
      : null,
  ).data;
  const notices = useGet<Notice[]>(
    [...keys.roster, "notices"],
    may("roster.acknowledge") ? "/api/v1/roster/notices" : null,
  ).data;
  const training = useGet<{ courses: Course[] }>(
    keys.training,
    may("training.approve") ? "/api/v1/training" : null,
  ).data;
  // Open incidents: on the city's home at once (the staff stream refreshes them as they come).
  const incidents = useGet<{ id: string }[]>(
    [...keys.incidents, "open"],
    may("incident.read") ? "/api/v1/incidents?state=open" : null,
  ).data;
  const drafts = useGet<{ state: string }[]>(
    ["manual", "versions"],
    may("manual.confirm") ? "/api/v1/manual/versions" : null,
  ).data;
  if (
    !may("calendar.approve") &&
    !may("calendar.request") &&
    !may("roster.acknowledge") &&
    !may("incident.read")
  ) {
    return null;
  }
  const items: Todo[] = [
    {
      key: "exceptions",
      count: exceptions?.length ?? 0,
      label: (may("calendar.approve")
        ? "today.calendarToDecide"
        : "today.calendarAwaitingCity") as StringKey,
      to: "/calendar" as const,
    },
    {
      key: "notices",
      count: notices?.filter((n) => !n.acknowledgedAt).length ?? 0,
      label: "today.noticesToAcknowledge" as const,
      to: "/roster" as const,
    },
    {
      key: "training",
      count: training?.courses.filter((c) => !c.approvedAt).length ?? 0,
      label: "today.materialToApprove" as const,
      to: "/roster" as const,
    },
    {
      key: "incidents",
      count: incidents?.length ?? 0,
      label: "today.openIncidents" as const,
      to: "/incidents" as const,
    },
    {
      key: "manual",
      count: drafts?.filter((v) => v.state === "draft").length ?? 0,
      label: "today.manualToConfirm" as const,
      to: "/manual" as const,
    },
  ].filter((item) => item.count > 0);
  return (
    <article className="card today" aria-labelledby="todo-title">
      <h2 id="todo-title">{t("today.toDo")}</h2>
      {items.length === 0 ? (
        <p>{t("today.nothingWaiting")}</p>
      ) : (
        <ul className="plain">
          {items.map((item) => (
            <li key={item.key}>
              <Link to={item.to}>
                {t(item.label)} <strong>{item.count}</strong>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
