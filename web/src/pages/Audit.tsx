import { useCallback, useEffect, useState } from "react";
import { api } from "../api.ts";
import { ROLE_NAMES, useLang, useT } from "../i18n.ts";

interface AuditEvent {
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  clientIp: string | null;
}

interface Verify {
  ok: boolean;
  count: number;
  brokenAtSeq?: number;
  reason?: string;
}

const PAGE = 50;

/** The audit trail for city and admin users: newest first, with a tamper check of the chain. */
export function Audit() {
  const t = useT();
  const lang = useLang();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);
  const [verify, setVerify] = useState<Verify | null>(null);

  const load = useCallback(async (beforeSeq?: number) => {
    const page = await api<AuditEvent[]>(
      "GET",
      `/api/v1/audit/events?limit=${PAGE}${beforeSeq ? `&beforeSeq=${beforeSeq}` : ""}`,
    );
    setEvents((current) => (beforeSeq ? [...current, ...page] : page));
    setMore(page.length === PAGE);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const time = (iso: string) =>
    new Date(iso).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo" });

  return (
    <section aria-labelledby="audit-title">
      <div className="title-row">
        <h1 id="audit-title">{t("audit")}</h1>
        <button
          type="button"
          onClick={() => void api<Verify>("GET", "/api/v1/audit/verify").then(setVerify)}
        >
          {t("verifyChain")}
        </button>
      </div>
      {verify && (
        <p role="status" className={verify.ok ? "ok" : "error"}>
          {verify.ok
            ? `✓ ${t("chainOk")}（${verify.count} ${t("events")}）`
            : `✗ ${t("chainBroken")}: #${verify.brokenAtSeq} (${verify.reason})`}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("time")}</th>
              <th scope="col">{t("actor")}</th>
              <th scope="col">{t("action")}</th>
              <th scope="col">{t("entity")}</th>
              <th scope="col">{t("clientIp")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td>{time(e.at)}</td>
                <td>
                  {e.actorId.length > 20 ? `${e.actorId.slice(0, 8)}…` : e.actorId}{" "}
                  <small>{ROLE_NAMES[e.actorRole]?.[lang] ?? e.actorRole}</small>
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.entity}
                  {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ""}
                </td>
                <td>{e.clientIp ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && (
        <button type="button" onClick={() => void load(events[events.length - 1]?.seq)}>
          {t("older")}
        </button>
      )}
    </section>
  );
}
