import { useLang } from "../../i18n.ts";
import { EMPLOYMENT, type Entry, say, WORK } from "./model.ts";

/** 体制図 on screen: the same structure as the PDF submitted to the city. */
export function OrgChart({ people }: { people: Entry[] }) {
  const lang = useLang();
  const s = say(lang);
  const manager = people.find((p) => p.designation === "manager");
  const deputy = people.find((p) => p.designation === "deputy");
  const others = people.filter((p) => !p.designation);
  const lead = (title: string, p: Entry | undefined) => (
    <div className="org-box org-lead">
      <span className="org-title">{title}</span>
      <strong>{p?.name ?? s("（未指名）", "(not designated)")}</strong>
      {p && (
        <span className="org-facts">
          {[
            EMPLOYMENT[p.employment]![lang],
            p.certificate &&
              s(`実務検定${p.certificate.grade}`, `Certificate ${p.certificate.grade}`),
          ]
            .filter(Boolean)
            .join("・")}
        </span>
      )}
    </div>
  );
  return (
    <figure className="org-chart" aria-label={s("業務実施体制図", "Organisation chart")}>
      <div className="org-leads">
        <div className="org-box org-city">
          <span className="org-title">{s("発注者", "Client")}</span>
          <strong>{s("市 担当課（監督・検査）", "City (supervision, inspection)")}</strong>
        </div>
        <span className="org-link">{s("連絡調整", "Liaison")}</span>
        {lead(s("業務管理者", "Manager"), manager)}
        {lead(s("業務副管理者", "Deputy manager"), deputy)}
      </div>
      <div className="org-columns">
        {Object.entries(WORK).map(([role, label]) => {
          const members = others.filter((p) => p.roles.includes(role));
          return (
            <section key={role} className="org-column" aria-label={label[lang]}>
              <h3>
                {s(`${label.ja}業務`, `${label.en}`)}（{members.length}
                {s("名", "")}）
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
        {s(
          `従事者 計${people.length}名。兼務者は各業務欄に記載。PDF版は上の「体制図（PDF）」から。`,
          `${people.length} people. People with several kinds of work appear in each column. The PDF is under "Chart (PDF)" above.`,
        )}
      </figcaption>
    </figure>
  );
}
