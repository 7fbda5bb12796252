import type { ReactNode } from "react";
import { api, type Me } from "./api.ts";
import { ROLE_NAMES, useLang, useT } from "./i18n.ts";
import { navFor } from "./nav.ts";
import { QueueAlerts } from "./QueueAlerts.tsx";
import { queryClient } from "./queryClient.ts";
import { LiveQueue } from "./queue/liveQueue.tsx";
import { navigate, usePath } from "./router.ts";

interface Props {
  me: Me;
  onChanged: () => Promise<void>;
  onToggleLang: () => void;
  children: ReactNode;
}

/** The frame around every signed-in page: header, tenant switcher, role-aware navigation. */
export function Shell({ me, onChanged, onToggleLang, children }: Props) {
  const t = useT();
  const lang = useLang();
  const path = usePath();
  const items = me.restriction ? [] : navFor(me);
  const tenantName = (x: { nameJa: string; nameEn: string }) =>
    lang === "ja" ? x.nameJa : x.nameEn;

  const signOut = async () => {
    await api("POST", "/api/v1/auth/logout");
    // Nothing the last person saw may be shown to the next one on this screen.
    queryClient.clear();
    navigate("/");
    await onChanged();
  };
  const switchTenant = async (tenant: string) => {
    await api("POST", "/api/v1/auth/switch-tenant", { tenant });
    // Every cached answer belonged to the other tenant.
    queryClient.clear();
    await onChanged();
  };

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {lang === "ja" ? "本文へ移動" : "Skip to content"}
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
          <span className="who">
            {me.user.displayName}
            <small>{ROLE_NAMES[me.user.role]?.[lang] ?? me.user.role}</small>
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
                  <a
                    href={item.path}
                    aria-current={path === item.path ? "page" : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(item.path);
                    }}
                  >
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          {me.permissions.includes("queue.read") && !me.restriction && <LiveQueue />}
          {me.permissions.includes("queue.serve") && !me.restriction && <QueueAlerts />}
          {children}
        </main>
      </div>
    </div>
  );
}
