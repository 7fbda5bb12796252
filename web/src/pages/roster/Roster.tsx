import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorText, type Me } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useGet } from "../../server.tsx";
import { Duty } from "./Duty.tsx";
import type { Entry, Notice, RosterData } from "./model.ts";
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
  const t = useT();
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

  if (!roster) return <p className="loading">{t("rosterRoster.loading")}</p>;
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
      t("rosterRoster.rosterAndChartSubmittedToThe"),
    );
  const active = roster.people.filter((p) => p.active);
  const untrained = active.filter((p) => !p.mandatoryTrainingComplete);
  const tabs: { id: Tab; label: string }[] = [
    { id: "people", label: t("rosterRoster.roster") },
    { id: "chart", label: t("rosterRoster.organisationChart") },
    { id: "training", label: t("rosterRoster.training") },
    { id: "duty", label: t("rosterRoster.duty") },
    {
      id: "notices",
      label: `${t("rosterRoster.notices")}${roster.unacknowledgedNotices ? ` (${roster.unacknowledgedNotices})` : ""}`,
    },
  ];

  return (
    <section aria-labelledby="roster-title" className="roster">
      <div className="title-row">
        <h1 id="roster-title">{t("rosterRoster.staffRoster")}</h1>
        <div className="actions">
          <a className="button" href="/api/v1/roster/chart.pdf" target="_blank" rel="noreferrer">
            {t("rosterRoster.chartPdf")}
          </a>
          {can("roster.write") && (
            <a
              className="button"
              href="/api/v1/roster/name-tags.pdf"
              target="_blank"
              rel="noreferrer"
            >
              {t("rosterRoster.nameTagsPdf")}
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
      <div role="tablist" aria-label={t("rosterRoster.rosterViews")} className="tabs">
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
  const t = useT();
  const manager = roster.people.find((p) => p.designation === "manager");
  const deputy = roster.people.find((p) => p.designation === "deputy");
  return (
    <dl className="facts roster-status">
      <dt>{t("rosterRoster.submission")}</dt>
      <dd>
        {roster.submittedAt ? (
          `${t("rosterRoster.submitted")} ${roster.submittedAt.slice(0, 10)}`
        ) : (
          <>
            {t("rosterRoster.notSubmittedDueBefore", { serviceStart: roster.serviceStart })}{" "}
            {onSubmit && (
              <button type="button" className="primary" onClick={() => void onSubmit()}>
                {t("rosterRoster.submitRosterAndChart")}
              </button>
            )}
          </>
        )}
      </dd>
      <dt>{t("rosterRoster.manager")}</dt>
      <dd>{manager?.name ?? <span className="error">{t("rosterRoster.notDesignated")}</span>}</dd>
      <dt>{t("rosterRoster.deputy")}</dt>
      <dd>{deputy?.name ?? <span className="error">{t("rosterRoster.notDesignated")}</span>}</dd>
      <dt>{t("rosterRoster.mandatoryTraining")}</dt>
      <dd>
        {untrained.length === 0
          ? t("rosterRoster.everyoneTrained")
          : t("rosterRoster.notTrainedCannotOpenACounter", { untrainedCount: untrained.length })}
      </dd>
    </dl>
  );
}
