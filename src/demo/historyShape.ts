import { type Actor, systemActor } from "../platform/actor.ts";
import { generatePassword, listUsers } from "../platform/auth/accounts.ts";
import type { Database } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { createAccountFor } from "../roster/accounts.ts";
import { readRoster } from "../roster/entries.ts";

/** The shape of the demo's past: its season, the staff's true pace, and who served. */
export const SEASON: Record<string, number> = {
  "02": 0.95,
  "03": 1.25,
  "04": 1.1,
  "05": 0.9,
  "06": 0.95,
  "07": 1.0,
};
/** What the staff really take, in median minutes (the catalogue's standards are guesses). */
export const TRUE_MEDIAN: Record<string, number> = {
  handover: 13,
  ecert: 9,
  pin_reset: 8,
  insurance_fund: 16,
  application: 18,
  express: 13,
};
export const CLERKS = [
  ["sim_aoki", "青木 美咲"],
  ["sim_ishida", "石田 健太"],
  ["sim_endo", "遠藤 直樹"],
  ["sim_kato", "加藤 翔"],
  ["sim_sato", "佐藤 陽子"],
] as const;
export const ALL_STEPS_DONE = {
  insurance_fund: { identity: "done", insurance: "done", public_fund: "done", explain: "done" },
};

/** Accounts for five clerks on the demo roster (random passwords, never shown): the counters' staff. */
export async function clerksOf(database: Database, tenantId: string): Promise<Actor[]> {
  const system = systemActor(tenantId, "history");
  const roster = await runOperation(database.db, system, (ctx) => readRoster(ctx));
  const users = await runOperation(database.db, system, (ctx) => listUsers(ctx));
  const actors: Actor[] = [];
  for (const [username, name] of CLERKS) {
    // Made by an earlier run: the same clerk goes on serving.
    const existing = users.find((u) => u.username === username);
    if (existing) {
      actors.push({ tenantId, userId: existing.userId, role: "staff" });
      continue;
    }
    const person = roster.find((p) => p.name === name);
    if (!person || person.hasAccount) continue;
    const user = await runOperation(database.db, system, (ctx) =>
      createAccountFor(ctx, {
        personId: person.id,
        username,
        role: "staff",
        password: generatePassword(),
      }),
    );
    actors.push({ tenantId, userId: user.userId, role: "staff" });
  }
  return actors;
}
