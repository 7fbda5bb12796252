import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorText, type Me } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { Duty } from "./Duty.tsx";
import { type Entry, type Notice, type RosterData, say } from "./model.ts";
import { Notices } from "./Notices.tsx";
import { OrgChart } from "./OrgChart.tsx";
import { People } from "./People.tsx";
import { Training } from "./Training.tsx";

type Tab = "people" | "chart" | "training" | "duty" | "notices";

export interface RosterContext {
  me: Me;
  roster: RosterData;
  notices: Notice[];
  reload: () => Promise<void>;
  fail: (error: unknown) => void;
  /**
   * Runs a change: on success refreshes (the roster, or `refresh`) and then shows `ok` if given;
   * on failure shows the server's message. Tells whether it succeeded.
   */
  act: (
    work: () => Promise<unknown>,
    ok?: string,
    refresh?: () => Promise<unknown>,
  ) => Promise<boolean>;
  can: (permission: string) => boolean;
}

/**
 * 従事者名簿: the roster with qualifications and training, the organisation chart, the duty
 * schedule and the notices the city acknowledges. Leads edit; the city reads and acknowledges.
 */
export function Roster({ me }: { me: Me }) {
  const lang = useLang();
  const s = say(lang);
  const [tab, setTab] = useState<Tab>("people");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const can = (permission: string) => me.permissions.includes(permission);
  const client = useQueryClient();
  const roster = useGet<RosterData>([...keys.roster, "overview"], "/api/v1/roster").data;
  const notices =
    useGet<Notice[]>([...keys.roster, "notices"], "/api/v1/roster/notices").data ?? [];
  // Awaited: a change is said done once the screen shows it, so what follows acts on fresh data.
  const reload = async () => {
    await client.invalidateQueries({ queryKey: keys.roster });
  };

  if (!roster) return <p className="loading">{s("読み込み中…", "Loading…")}</p>;
  const fail = (error: unknown) => setMessage({ kind: "error", text: errorText(error, lang) });
  const ctx: RosterContext = {
    me,
    roster,
    notices,
    reload,
    fail,
    act: async (work, ok, refresh = reload) => {
      try {
        await work();
        // Said once the screen shows the change, so what follows acts on fresh data.
        await refresh();
        if (ok) setMessage({ kind: "ok", text: ok });
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    can,
  };
  const submit = () =>
    ctx.act(
      () => api("POST", "/api/v1/roster/submit"),
      s("名簿と体制図を市に提出しました。", "Roster and chart submitted to the city."),
    );
  const active = roster.people.filter((p) => p.active);
  const untrained = active.filter((p) => !p.mandatoryTrainingComplete);
  const tabs: { id: Tab; label: string }[] = [
    { id: "people", label: s("名簿", "Roster") },
    { id: "chart", label: s("体制図", "Organisation chart") },
    { id: "training", label: s("研修", "Training") },
    { id: "duty", label: s("勤務・在席", "Duty") },
    {
      id: "notices",
      label: `${s("提出・変更報告", "Notices")}${roster.unacknowledgedNotices ? ` (${roster.unacknowledgedNotices})` : ""}`,
    },
  ];

  return (
    <section aria-labelledby="roster-title" className="roster">
      <div className="title-row">
        <h1 id="roster-title">{s("従事者名簿", "Staff roster")}</h1>
        <div className="actions">
          <a className="button" href="/api/v1/roster/chart.pdf" target="_blank" rel="noreferrer">
            {s("体制図（PDF）", "Chart (PDF)")}
          </a>
          {can("roster.write") && (
            <a
              className="button"
              href="/api/v1/roster/name-tags.pdf"
              target="_blank"
              rel="noreferrer"
            >
              {s("名札（PDF）", "Name tags (PDF)")}
            </a>
          )}
        </div>
      </div>
      <RosterStatus
        roster={roster}
        untrained={untrained}
        onSubmit={can("roster.write") ? submit : undefined}
      />
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
          {message.text}
        </p>
      )}
      <div role="tablist" aria-label={s("名簿の表示", "Roster views")} className="tabs">
        {tabs.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "people" && <People ctx={ctx} />}
        {tab === "chart" && <OrgChart people={active} />}
        {tab === "training" && <Training ctx={ctx} />}
        {tab === "duty" && <Duty ctx={ctx} />}
        {tab === "notices" && <Notices ctx={ctx} />}
      </div>
    </section>
  );
}

function RosterStatus({
  roster,
  untrained,
  onSubmit,
}: {
  roster: RosterData;
  untrained: Entry[];
  onSubmit: (() => Promise<unknown>) | undefined;
}) {
  const lang = useLang();
  const s = say(lang);
  const manager = roster.people.find((p) => p.designation === "manager");
  const deputy = roster.people.find((p) => p.designation === "deputy");
  return (
    <dl className="facts roster-status">
      <dt>{s("提出", "Submission")}</dt>
      <dd>
        {roster.submittedAt ? (
          `${s("提出済", "Submitted")} ${roster.submittedAt.slice(0, 10)}`
        ) : (
          <>
            {s(
              `未提出（業務開始 ${roster.serviceStart} より前に提出）`,
              `Not submitted (due before ${roster.serviceStart})`,
            )}{" "}
            {onSubmit && (
              <button type="button" className="primary" onClick={() => void onSubmit()}>
                {s("名簿・体制図を市に提出", "Submit roster and chart")}
              </button>
            )}
          </>
        )}
      </dd>
      <dt>{s("業務管理者", "Manager")}</dt>
      <dd>{manager?.name ?? <span className="error">{s("未指名", "Not designated")}</span>}</dd>
      <dt>{s("業務副管理者", "Deputy")}</dt>
      <dd>{deputy?.name ?? <span className="error">{s("未指名", "Not designated")}</span>}</dd>
      <dt>{s("必修研修", "Mandatory training")}</dt>
      <dd>
        {untrained.length === 0
          ? s("全員受講済", "Everyone trained")
          : s(
              `未受講 ${untrained.length}名（窓口を開けず、勤務にも入れません）`,
              `${untrained.length} not trained (cannot open a counter or be scheduled)`,
            )}
      </dd>
    </dl>
  );
}
