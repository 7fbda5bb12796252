import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { deadLetterSchema } from "../../../src/platform/mail/routes.ts";
import type { tenantSchema } from "../../../src/platform/tenancy/tenant.ts";
import { REPORT_CATEGORY_LABELS } from "../../../src/queue/catalogue.ts";
import { api, type Me } from "../api.ts";
import { useLang, useT } from "../i18n.ts";
import { keys } from "../queryClient.ts";
import { useGet } from "../server.tsx";
import { ToDo, Today } from "./home/Today.tsx";

/** The tenant and the outbox's dead letters as the API gives them: the server's own types. */
type Tenant = z.infer<typeof tenantSchema>;
type DeadLetter = z.infer<typeof deadLetterSchema>;

/** The specification's order of procedures first, then any the tenant added. */
function orderedVolumes(volumes: Record<string, number>): [string, number][] {
  const known = Object.keys(REPORT_CATEGORY_LABELS).filter((code) => code in volumes);
  const extra = Object.keys(volumes).filter((code) => !(code in REPORT_CATEGORY_LABELS));
  return [...known, ...extra].map((code) => [code, volumes[code]!]);
}

/**
 * 送信できなかった通知: the outbox gave up on these (a refused address, or a mail server down for
 * hours). The leads see them first thing, and can send each again once the cause is fixed.
 */
function DeadLetters() {
  const t = useT();
  const client = useQueryClient();
  const letters =
    useQuery({
      queryKey: ["mail", "dead-letters"],
      queryFn: () => api<DeadLetter[]>("GET", "/api/v1/mail/dead-letters"),
    }).data ?? [];
  const resend = useMutation({
    mutationFn: (mailId: string) => api("POST", `/api/v1/mail/dead-letters/${mailId}/resend`, {}),
    onSettled: () => client.invalidateQueries({ queryKey: ["mail", "dead-letters"] }),
  });
  if (letters.length === 0) return null;
  return (
    <article className="card wide alert" aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">
        {t("deadLetters")} ({letters.length})
      </h2>
      <p>{t("deadLettersHelp")}</p>
      <ul className="plain">
        {letters.map((m) => (
          <li key={m.mailId}>
            <strong>{m.subject ?? m.kind}</strong>
            <br />
            <small>
              {new Date(m.deadAt).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })} ·{" "}
              {m.lastError ?? ""}
            </small>{" "}
            <button
              type="button"
              disabled={resend.isPending}
              onClick={() => resend.mutate(m.mailId)}
            >
              {t("resend")}
            </button>
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The start page: who is signed in, and the contract this tenant runs under. */
export function Home({ me }: { me: Me }) {
  const t = useT();
  const lang = useLang();
  const tenant = useGet<Tenant>(keys.tenant, "/api/v1/tenant").data;
  const n = (x: number) => x.toLocaleString(lang === "ja" ? "ja-JP" : "en-US");

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t("home.welcome", { name: me.user.displayName })}</h1>
      {me.device && <p className="notice">{t("deviceHome")}</p>}
      {me.permissions.includes("mail.monitor") && <DeadLetters />}
      {!me.device && (
        <div className="cards">
          {me.permissions.includes("queue.read") && <Today />}
          <ToDo me={me} />
        </div>
      )}
      {tenant && (
        <div className="cards">
          <article className="card">
            <h2>{lang === "ja" ? tenant.nameJa : tenant.nameEn}</h2>
            <dl className="facts">
              <dt>{t("contract")}</dt>
              <dd className="nowrap">
                {tenant.contractStart} 〜 {tenant.contractEnd}
              </dd>
              <dt>{t("serviceStart")}</dt>
              <dd>{tenant.serviceStart}</dd>
            </dl>
          </article>
          <article className="card">
            <h2>{t("reference")}</h2>
            <dl className="facts">
              <dt>{t("population")}</dt>
              <dd>{n(tenant.reference.population)}</dd>
              <dt>{t("households")}</dt>
              <dd>{n(tenant.reference.households)}</dd>
              <dt>{t("cardholders")}</dt>
              <dd>
                {n(tenant.reference.cardholders)} ({tenant.reference.cardRatePercent}%)
              </dd>
            </dl>
          </article>
          <article className="card wide">
            <h2>
              {t("monthlyVolumes")} <small>({tenant.reference.volumesMonth})</small>
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("procedure")}</th>
                  <th scope="col" className="num">
                    {t("count")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {orderedVolumes(tenant.reference.monthlyVolumes).map(([code, count]) => (
                  <tr key={code}>
                    <td>{REPORT_CATEGORY_LABELS[code]?.[lang] ?? code}</td>
                    <td className="num">{n(count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        </div>
      )}
    </section>
  );
}
