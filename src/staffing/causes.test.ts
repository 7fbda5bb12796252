import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/dates.ts";
import { type BusinessDay, businessDay, DEFAULT_SETTINGS } from "../calendar/rules.ts";
import { liftText } from "./contract.ts";
import type { PlanPerson } from "./model.ts";
import { DEFAULT_PLAN_OPTIONS, type PlanInput, planMonth } from "./plan.ts";

const facts = {
  serviceStart: "2026-02-02",
  contractEnd: "2027-01-31",
  settings: DEFAULT_SETTINGS,
  weekendOpenings: new Set(["2026-08-22"]),
  exceptions: [],
};
// One week of August: Monday the 17th to the weekend opening on Saturday the 22nd.
const days: BusinessDay[] = [];
for (let d = "2026-08-17"; d <= "2026-08-22"; d = addDays(d, 1)) days.push(businessDay(d, facts));
const weekdays = Object.fromEntries(
  ["1", "2", "3", "4", "5"].map((d) => [d, { from: "08:15", to: "19:15" }]),
);
const person = (id: string, roles: Partial<PlanPerson>): PlanPerson => ({
  id,
  name: `人 ${id}`,
  counter: false,
  phone: false,
  backOffice: false,
  lead: false,
  weeklyHourLimit: 40,
  availability: weekdays,
  activeFrom: "2026-01-01",
  activeTo: null,
  ...roles,
});
const quiet = { handover: 60, ecert: 40, pin_reset: 10, phone: 40 };
const input = (people: PlanPerson[], monthlyVolumes: Record<string, number>): PlanInput => ({
  month: "2026-08",
  days,
  historyDays: [],
  history: [],
  monthlyVolumes,
  standardMinutes: { handover: 12, ecert: 10, pin_reset: 8, phone: 5, setup: 6 },
  terminalProcedures: new Set(["handover", "ecert", "pin_reset", "setup"]),
  people,
  cards: { backlog: 0, due: [], receivedPerMonth: 0 },
});
const options = { ...DEFAULT_PLAN_OPTIONS, timeLimitSeconds: 30, replications: 2 };
const weekdayUnmet = (plan: Awaited<ReturnType<typeof planMonth>>) =>
  plan.unmet.filter((u) => u.date !== "2026-08-22");

describe("why a need is left unmet, and what would lift it", { timeout: 120_000 }, () => {
  it("covers every need a person is free for (unmet costs more than any shift)", async () => {
    const people = [
      person("a", { counter: true, phone: true, lead: true }),
      person("b", { counter: true, phone: true, lead: true }),
      person("c", { counter: true, phone: true }),
      person("d", { counter: true, phone: true }),
    ];
    const plan = await planMonth(input(people, quiet), options);
    expect(weekdayUnmet(plan)).toEqual([]);
    expect(plan.unmet.filter((u) => u.cause === "unsolved")).toEqual([]);
    // The control: with two people the breaks and the phone's last quarter cannot all be
    // covered, and nobody else is there: the people bind.
    const short = await planMonth(input(people.slice(0, 2), quiet), options);
    expect(weekdayUnmet(short).length).toBeGreaterThan(0);
    for (const u of weekdayUnmet(short)) {
      // The evening of the 3rd Thursday runs past both leads' day: the lead rule binds there.
      expect(u.cause, JSON.stringify(u)).toBe(u.rule === "lead" ? "lead_rule" : "people");
      expect(u.lift).toMatchObject({ kind: u.rule === "lead" ? "lead" : "person" });
    }
  });

  it("names the phone training where only the untrained are free, and who they are", async () => {
    const people = [
      person("a", { counter: true, phone: true, lead: true }),
      person("c", { counter: true, lead: true }),
      person("d", { counter: true }),
      person("e", { counter: true }),
    ];
    const plan = await planMonth(input(people, quiet), options);
    const phone = weekdayUnmet(plan).filter((u) => u.rule === "phone");
    expect(phone.length).toBeGreaterThan(0);
    for (const u of phone) {
      expect(u.cause, JSON.stringify(u)).toBe("phone_skill");
      expect(u.lift?.kind).toBe("training");
      expect(u.lift?.candidates?.length).toBeGreaterThan(0);
      expect(u.lift?.candidates).not.toContain("人 a");
    }
    const [first] = phone;
    expect(liftText(first!, "en")).toMatch(/phone-trained person .* on 8\/\d+ \(free then: 人 /);
    expect(liftText(first!, "ja")).toContain("電話の研修を済ませた人をあと");
  });

  it("says the terminals bind where demand needs more than 5 counters on them", async () => {
    const people = Array.from({ length: 12 }, (_, i) =>
      person(`p${i}`, { counter: true, phone: true, lead: i < 2 }),
    );
    const rush = { handover: 2600, ecert: 2000, pin_reset: 500, phone: 200 };
    const plan = await planMonth(input(people, rush), options);
    const terminals = plan.unmet.filter((u) => u.rule === "terminals");
    expect(terminals.length).toBeGreaterThan(0);
    for (const u of terminals) {
      expect(u.cause).toBe("terminals");
      expect(u.lift).toEqual({ kind: "terminals", count: u.missing });
    }
    expect(liftText(terminals[0]!, "en")).toMatch(/more terminals? .* or bookings moved/);
    // Beyond the terminals, what is left is the people's weekly hours, never a solve that left
    // someone free unused.
    for (const u of plan.unmet.filter((x) => x.rule !== "terminals"))
      expect(u.cause, JSON.stringify(u)).toMatch(/^(people|lead_rule)$/);
  });

  it("says the lead rule binds when no manager or deputy can be there", async () => {
    const people = [
      person("a", { counter: true, phone: true, lead: true }),
      person("b", { counter: true, phone: true, lead: true }),
      person("c", { counter: true, phone: true }),
      person("d", { counter: true, phone: true }),
      // Only the two without a designation work weekends.
      person("w1", { counter: true, availability: { "6": { from: "08:45", to: "12:15" } } }),
      person("w2", { counter: true, availability: { "6": { from: "08:45", to: "12:15" } } }),
    ];
    const plan = await planMonth(input(people, quiet), options);
    const lead = plan.unmet.filter((u) => u.rule === "lead");
    expect(lead.map((u) => u.date)).toEqual(["2026-08-22"]);
    expect(lead[0]).toMatchObject({ cause: "lead_rule", lift: { kind: "lead", count: 1 } });
  });
});
