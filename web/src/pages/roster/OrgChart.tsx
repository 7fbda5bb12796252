import { useLang, useT } from "../../i18n.ts";
import { EMPLOYMENT, type Entry, WORK } from "./model.ts";

/** 体制図 on screen: the same structure as the PDF submitted to the city. */
export function OrgChart({ people }: { people: Entry[] }) {
  const lang = useLang();
  const t = useT();
  const manager = people.find((p) => p.designation === "manager");
  const deputy = people.find((p) => p.designation === "deputy");
  const others = people.filter((p) => !p.designation);
  const lead = (title: string, p: Entry | undefined) => (
    <div className="org-box org-lead">
      <span className="org-title">{title}</span>
      <strong>{p?.name ?? t("rosterOrgChart.notDesignated")}</strong>
      {p && (
        <span className="org-facts">
          {[
            EMPLOYMENT[p.employment]![lang],
            p.certificate && t("rosterOrgChart.certificate", { grade: p.certificate.grade }),
          ]
            .filter(Boolean)
            .join("・")}
        </span>
      )}
    </div>
  );
  return (
    <figure className="org-chart" aria-label={t("rosterOrgChart.organisationChart")}>
      <div className="org-leads">
        <div className="org-box org-city">
          <span className="org-title">{t("rosterOrgChart.client")}</span>
          <strong>{t("rosterOrgChart.citySupervisionInspection")}</strong>
        </div>
        <span className="org-link">{t("rosterOrgChart.liaison")}</span>
        {lead(t("rosterOrgChart.manager"), manager)}
        {lead(t("rosterOrgChart.deputyManager"), deputy)}
      </div>
      <div className="org-columns">
        {Object.entries(WORK).map(([role, label]) => {
          const members = others.filter((p) => p.roles.includes(role));
          return (
            <section key={role} className="org-column" aria-label={label[lang]}>
              <h3>
                {t("rosterOrgChart.text", { ja: label.ja, en: label.en })}（{members.length}
                {t("rosterOrgChart.text2")}）
              </h3>
              <ul>
                {members.map((p) => (
                  <li key={p.id}>
                    {p.name}
                    <span>{EMPLOYMENT[p.employment]![lang]}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <figcaption className="hint">
        {t("rosterOrgChart.peoplePeopleWithSeveralKindsOf", { peopleCount: people.length })}
      </figcaption>
    </figure>
  );
}
