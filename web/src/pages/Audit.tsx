import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { AUDIT_CATEGORIES, actionLabel } from "../../../src/platform/audit/labels.ts";
import type { eventSchema, verifySchema } from "../../../src/platform/audit/routes.ts";
import { roleLabel } from "../../../src/platform/auth/permissions.ts";
import { api } from "../api.ts";
import { useLang, useT } from "../i18n.ts";

/** An event and the chain check as the API gives them: the server's own contract types. */
type AuditEvent = z.infer<typeof eventSchema>;
type Verify = z.infer<typeof verifySchema>;

const PAGE = 50;
type Filter = { from: string; to: string; action: string; actorId: string };

/**
 * The audit trail for city and admin users: newest first, who acted by name, what they did in
 * words, filtered by period, category and actor, exported as CSV, with a tamper check.
 */
export function Audit() {
  const t = useT();
  const lang = useLang();
  const [filter, setFilter] = useState<Filter>({ from: "", to: "", action: "", actorId: "" });
  // Verifying walks the whole chain on the server: run on request, not on every visit.
  const verifying = useMutation({ mutationFn: () => api<Verify>("GET", "/api/v1/audit/verify") });
  const verify = verifying.data;
  const params = new URLSearchParams(
    Object.entries(filter).filter(([, value]) => value !== ""),
  ).toString();
  const events = useInfiniteQuery({
    queryKey: ["audit", "events", params],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api<AuditEvent[]>(
        "GET",
        `/api/v1/audit/events?limit=${PAGE}${pageParam ? `&beforeSeq=${pageParam}` : ""}${params ? `&${params}` : ""}`,
      ),
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]?.seq : undefined),
  });
  const rows = events.data?.pages.flat() ?? [];
  const actors = [...new Map(rows.map((e) => [e.actorId, e.actorName ?? e.actorId])).entries()];
  const set = (key: keyof Filter, value: string) => setFilter({ ...filter, [key]: value });
  const time = (iso: string) =>
    new Date(iso).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo" });
  const actorText = (e: AuditEvent) =>
    e.actorName ??
    (e.actorRole === "system"
      ? t("audit.system")
      : e.actorRole === "citizen"
        ? t("audit.citizenPublicPage")
        : e.actorId);

  return (
    <section aria-labelledby="audit-title">
      <div className="title-row">
        <h1 id="audit-title">{t("audit")}</h1>
        <div className="row-actions">
          <a
            className="button"
            href={`/api/v1/audit/events.csv${params ? `?${params}` : ""}`}
            download
          >
            {t("audit.exportCsv")}
          </a>
          <button type="button" disabled={verifying.isPending} onClick={() => verifying.mutate()}>
            {t("verifyChain")}
          </button>
        </div>
      </div>
      {verify && (
        <p role="status" className={verify.ok ? "ok" : "error"}>
          {verify.ok
            ? `✓ ${t("chainOk")}（${verify.count} ${t("events")}）`
            : `✗ ${t("chainBroken")}: #${verify.brokenAtSeq} (${verify.reason})`}
        </p>
      )}
      <form
        className="panel filters"
        aria-label={t("audit.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t("audit.from")}
          <input type="date" value={filter.from} onChange={(e) => set("from", e.target.value)} />
        </label>
        <label>
          {t("audit.to")}
          <input type="date" value={filter.to} onChange={(e) => set("to", e.target.value)} />
        </label>
        <label>
          {t("audit.kindOfAction")}
          <select value={filter.action} onChange={(e) => set("action", e.target.value)}>
            <option value="">{t("audit.all")}</option>
            {Object.entries(AUDIT_CATEGORIES).map(([code, label]) => (
              <option key={code} value={code}>
                {label[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.who")}
          <select value={filter.actorId} onChange={(e) => set("actorId", e.target.value)}>
            <option value="">{t("audit.all")}</option>
            {actors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </form>
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
            {rows.map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td>{time(e.at)}</td>
                <td>
                  {actorText(e)} <small>{roleLabel(e.actorRole, lang)}</small>
                </td>
                <td>
                  {actionLabel(e.action, lang)} <small className="code">{e.action}</small>
                </td>
                <td className="entity">
                  {e.entity}
                  {e.entityId && <small className="code">{e.entityId}</small>}
                </td>
                <td>{e.clientIp ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && events.isSuccess && <p>{t("audit.noEventsMatch")}</p>}
      {events.hasNextPage && (
        <button
          type="button"
          disabled={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          {t("older")}
        </button>
      )}
    </section>
  );
}
