import { Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { roleLabel } from "../../src/platform/auth/permissions.ts";
import { api, type Me } from "./api.ts";
import { EmergencyAlarms, EmergencyButton } from "./emergency/Emergency.tsx";
import { useLang, useT } from "./i18n.ts";
import { navFor } from "./nav.ts";
import { UnreadNotices } from "./pages/operations/Notices.tsx";
import { QueueAlerts } from "./QueueAlerts.tsx";
import { LiveQueue } from "./queue/liveQueue.tsx";
import { startOver } from "./session.tsx";

interface Props {
  me: Me;
  onToggleLang: () => void;
  children: ReactNode;
}

/** The frame around every signed-in page: header, tenant switcher, role-aware navigation. */
export function Shell({ me, onToggleLang, children }: Props) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const items = me.restriction ? [] : navFor(me);
  const tenantName = (x: { nameJa: string; nameEn: string }) =>
    lang === "ja" ? x.nameJa : x.nameEn;

  const signOut = async () => {
    await api("POST", "/api/v1/auth/logout");
    // Nothing the last person saw may be shown to the next one on this screen.
    await navigate({ to: "/" });
    await startOver();
  };
  const switchTenant = async (tenant: string) => {
    await api("POST", "/api/v1/auth/switch-tenant", { tenant });
    // Every cached answer belonged to the other tenant.
    await startOver();
  };

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            窓
          </span>
          <span>{t("appName")}</span>
        </div>
        <div className="topbar-tools">
          {me.tenants.length > 1 ? (
            <label className="tenant-switch">
              <span>{t("actingTenant")}</span>
              <select
                value={me.tenant.tenantId}
                onChange={(e) => void switchTenant(e.target.value)}
              >
                {me.tenants.map((x) => (
                  <option key={x.tenantId} value={x.tenantId}>
                    {tenantName(x)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="tenant-name">{tenantName(me.tenant)}</span>
          )}
          {me.permissions.includes("emergency.call") && !me.restriction && (
            <EmergencyButton me={me} />
          )}
          <span className="who">
            {me.user.displayName}
            <small>{roleLabel(me.user.role, lang)}</small>
          </span>
          <button
            type="button"
            className="ghost"
            onClick={onToggleLang}
            lang={lang === "ja" ? "en" : "ja"}
            title={t("languageLabel")}
          >
            {t("language")}
          </button>
          <button type="button" className="ghost" onClick={() => void signOut()}>
            {t("signOut")}
          </button>
        </div>
      </header>
      <div className="body">
        {items.length > 0 && (
          <nav aria-label={t("mainNav")} className="sidenav">
            <ul>
              {items.map((item) => (
                <li key={item.path}>
                  <Link
                    to={item.path}
                    activeOptions={{ exact: true, includeSearch: false }}
                    activeProps={{ "aria-current": "page" }}
                  >
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          {me.permissions.includes("queue.read") && !me.restriction && <LiveQueue />}
          {me.permissions.includes("emergency.call") && !me.restriction && (
            <EmergencyAlarms me={me} />
          )}
          {me.permissions.includes("queue.serve") && !me.restriction && <QueueAlerts />}
          {me.permissions.includes("notice.read") && !me.restriction && <UnreadNotices />}
          {children}
        </main>
      </div>
    </div>
  );
}
