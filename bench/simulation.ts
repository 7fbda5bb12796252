import { calendarRange } from "../src/calendar/days.ts";
import type { Actor } from "../src/platform/actor.ts";
import { startClockAt } from "../src/platform/clock.ts";
import { type Database, transaction } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { DEMO_TENANT } from "../src/platform/tenancy/tenant.ts";
import { type AccuracyReport, accuracyOf } from "../src/queue/accuracy.ts";
import { callNext, closeCounter, openCounter } from "../src/queue/counterSessions.ts";
import { issueTicket } from "../src/queue/issue.ts";
import { mulberry32 } from "../src/queue/predictor.ts";
import { finishTicket, startTicket } from "../src/queue/ticketSteps.ts";
import { ticketsIssuedBetween } from "../src/queue/ticketStore.ts";
import { setUpTenant } from "../src/tenantSetup.ts";
import { buildTrainedPerson } from "../test/factories.ts";

/** The §4(3) checklist, every step done (for visits that include insurance_fund). */
const ALL_STEPS_DONE = {
  insurance_fund: { identity: "done", insurance: "done", public_fund: "done", explain: "done" },
};

/**
 * A seeded simulation of counter days, driven through the real operations (issue, call, start,
 * finish) with the clock moved to each event's time. Arrivals follow the reference month's mix
 * (§8(5)) with a morning peak; true service times differ from the standard minutes, so the
 * predictor has to learn from what it observes. Returns the accuracy of the estimates per day.
 */
export interface SimulationOptions {
  database: Database;
  days: number;
  seed: number;
  /** People per day, on average. */
  visitorsPerDay?: number;
}

const MIX: [string, number][] = [
  ["handover", 1097],
  ["ecert", 942],
  ["pin_reset", 301],
  ["insurance_fund", 27],
  ["application", 207],
  ["express", 73],
];
/** True median minutes: what the staff really take, unknown to the standard catalogue. */
const TRUE_MEDIAN: Record<string, number> = {
  handover: 14,
  ecert: 9,
  pin_reset: 9,
  insurance_fund: 15,
  application: 19,
  express: 12,
};
const HOURLY = [0.8, 1.6, 1.4, 1.1, 0.9, 1.2, 1.0, 0.8, 0.5];
const ALL_DAY = ["1", "2", "3"];
const PART_TIME: [string, [number, number][]][] = [
  [
    "4",
    [
      [9.5, 12],
      [13, 16],
    ],
  ],
  [
    "5",
    [
      [10, 12.5],
      [13.5, 15.5],
    ],
  ],
];

interface Event {
  at: number;
  order: number;
  run: () => Promise<void>;
}

export async function simulate(options: SimulationOptions): Promise<{
  tenantId: string;
  days: { date: string; report: AccuracyReport }[];
  overall: AccuracyReport;
}> {
  const random = mulberry32(options.seed);
  const normal = () =>
    Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const tenantId = `sim-${options.seed}`;
  const db = options.database.db;
  await transaction(db, (tx) =>
    setUpTenant(
      tx,
      { ...DEMO_TENANT, tenantId, nameJa: "シミュレーション", nameEn: "Simulation" },
      "simulation",
    ),
  );
  // The simulated counter staff are trained people on the roster, as the counter requires.
  await transaction(db, async (tx) => {
    for (const counter of ["1", "2", "3", "4", "5"])
      await buildTrainedPerson(tx, tenantId, { userId: `sim-staff-${counter}` });
  });
  const kiosk: Actor = { tenantId, userId: "sim-kiosk", role: "kiosk" };
  const staff = (counter: string): Actor => ({
    tenantId,
    userId: `sim-staff-${counter}`,
    role: "staff",
  });
  const openDays = (await calendarRange(db, tenantId, "2026-08-03", "2026-09-30"))
    .filter((d) => d.kind === "weekday" || d.kind === "extended")
    .slice(0, options.days);
  const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);
  const pick = () => {
    let x = random() * totalWeight;
    for (const [code, w] of MIX) {
      x -= w;
      if (x < 0) return code;
    }
    return "handover";
  };
  const duration = (codes: string[]) =>
    codes.reduce((sum, code) => sum + TRUE_MEDIAN[code]! * Math.exp(0.45 * normal()), 0);

  for (const day of openDays) {
    const base = Date.parse(`${day.date}T00:00:00+09:00`);
    const at = (hours: number) => base + hours * 3_600_000;
    const events: Event[] = [];
    let order = 0;
    const schedule = (time: number, run: () => Promise<void>) =>
      events.push({ at: time, order: order++, run });
    const open = new Set<string>();
    const busy = new Set<string>();
    const closing = new Set<string>();

    const tryCall = async (counter: string, time: number) => {
      if (!open.has(counter) || busy.has(counter) || closing.has(counter)) return;
      const ticket = await runOperation(db, staff(counter), (ctx) =>
        callNext(ctx, { counterId: counter }),
      );
      if (!ticket) return;
      busy.add(counter);
      const start = time + (0.3 + random() * 0.6) * 60_000;
      schedule(start, async () => {
        await runOperation(db, staff(counter), (ctx) =>
          startTicket(ctx, { ticketId: ticket.ticketId }),
        );
        const end = start + duration(ticket.procedureCodes) * 60_000;
        schedule(end, async () => {
          await runOperation(db, staff(counter), (ctx) =>
            finishTicket(ctx, {
              ticketId: ticket.ticketId,
              outcome: "completed",
              checklists: ALL_STEPS_DONE,
            }),
          );
          busy.delete(counter);
          await tryCall(counter, end);
        });
      });
    };
    const openAt = (counter: string, from: number, to: number) => {
      schedule(at(from), async () => {
        closing.delete(counter);
        const until = `${String(Math.floor(to)).padStart(2, "0")}:${String(Math.round((to % 1) * 60)).padStart(2, "0")}`;
        await runOperation(db, staff(counter), (ctx) =>
          openCounter(ctx, { counterId: counter, until }),
        );
        open.add(counter);
        await tryCall(counter, at(from));
      });
      schedule(at(to), async (): Promise<void> => {
        closing.add(counter);
        const shut = async (time: number): Promise<void> => {
          if (busy.has(counter)) {
            schedule(time + 60_000, () => shut(time + 60_000));
            return;
          }
          await runOperation(db, staff(counter), (ctx) =>
            closeCounter(ctx, { counterId: counter }),
          );
          open.delete(counter);
        };
        await shut(at(to));
      });
    };
    for (const c of ALL_DAY) openAt(c, 8.5, 17.25);
    for (const [c, shifts] of PART_TIME) for (const [from, to] of shifts) openAt(c, from, to);

    // Arrivals: Poisson within each hour from 8:30, weighted for the morning peak.
    const perDay = options.visitorsPerDay ?? 130;
    const weightSum = HOURLY.reduce((a, b) => a + b, 0);
    for (let h = 0; h < HOURLY.length; h++) {
      const rate = (perDay * HOURLY[h]!) / weightSum;
      for (
        let t = 8.5 + h - Math.log(random()) / rate;
        t < 8.5 + h + 1 && t < 16.9;
        t += -Math.log(random()) / rate
      ) {
        const codes = [pick()];
        if (codes[0] === "handover" && random() < 0.1) codes.push("pin_reset");
        const priority = random() < 0.03;
        const time = at(t);
        schedule(time, async () => {
          await runOperation(db, kiosk, (ctx) =>
            issueTicket(ctx, {
              procedures: codes,
              priority,
              priorityReason: priority ? "elderly" : undefined,
            }),
          );
          for (const c of open) await tryCall(c, time);
        });
      }
    }
    while (events.length > 0) {
      events.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = events.shift()!;
      startClockAt(new Date(next.at));
      await next.run();
    }
  }
  startClockAt(undefined);
  const days = [];
  for (const day of openDays)
    days.push({
      date: day.date,
      report: accuracyOf(await ticketsIssuedBetween(db, tenantId, day.date, day.date)),
    });
  const overall = accuracyOf(
    await ticketsIssuedBetween(db, tenantId, openDays[0]!.date, openDays.at(-1)!.date),
  );
  return { tenantId, days, overall };
}
