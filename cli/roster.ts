import type { Database } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { readRoster } from "../src/roster/entries.ts";
import { DESIGNATION_LABELS, EMPLOYMENT_LABELS } from "../src/roster/rules.ts";
import { cliActor, type Output, parse, UsageError } from "./commands.ts";

/** `madoguchi roster`: the staff roster with qualifications and training, never contact data. */
export async function rosterCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values } = parse(argv, { tenant: { type: "string" }, json: { type: "boolean" } });
  const tenant = typeof values.tenant === "string" ? values.tenant : undefined;
  if (!tenant) throw new UsageError("usage: madoguchi roster --tenant T [--json]");
  const people = (await runOperation(database.db, cliActor(tenant), readRoster)).map((p) => ({
    id: p.id,
    name: p.name,
    nameKana: p.nameKana,
    employment: p.employment,
    startDate: p.startDate,
    endDate: p.endDate,
    active: p.active,
    designation: p.designation,
    roles: p.roles,
    cardExperienceMonths: p.cardExperienceMonths,
    municipalExperience: p.municipalExperience !== null,
    municipalExperienceDetail: p.municipalExperience,
    certificate: p.certificate,
    mandatoryTrainingComplete: p.mandatoryTrainingComplete,
    missingCourses: p.missingCourses.map((c) => c.title),
    hasAccount: p.hasAccount,
  }));
  if (values.json) {
    io.out(JSON.stringify(people, null, 2));
    return 0;
  }
  io.out(`${tenant}: ${people.length} people on the roster`);
  for (const p of people) {
    const designation = p.designation ? `【${DESIGNATION_LABELS[p.designation].ja}】` : "";
    const facts = [
      EMPLOYMENT_LABELS[p.employment].ja,
      p.municipalExperience ? "自治体経験あり" : null,
      p.certificate ? `実務検定${p.certificate.grade}` : null,
      p.mandatoryTrainingComplete ? "必修研修済" : `未受講: ${p.missingCourses.join("・")}`,
      p.active ? null : "（従事期間外）",
    ].filter(Boolean);
    io.out(`  ${p.name.padEnd(10, "　")} ${designation}${facts.join(" / ")}`);
  }
  return 0;
}
