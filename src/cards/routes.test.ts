import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsCommand } from "../../cli/cards.ts";
import { reportCommand } from "../../cli/report.ts";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { systemActor } from "../platform/actor.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import type { Role } from "../platform/auth/permissions.ts";
import { startClockAt } from "../platform/clock.ts";
import { runOperation } from "../platform/operation.ts";
import type { CardOut, CardQueuesOut, StocktakeOut } from "./contract.ts";
import { setupWorkload } from "./workload.ts";

let t: TestApp;
let tenantId: string;
let staff: Client;
let otherStaff: Client;
let manager: Client;
let city: Client;
let ids: string[];
beforeAll(async () => {
  // A Tuesday the counter is open: the day's report counts the day's steps.
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  const client = (role: Role) => signedInAs(t, tenantId, role);
  staff = await client("staff");
  otherStaff = await client("staff");
  manager = await client("manager");
  city = await client("city");
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

const batch = {
  deliveredOn: "2026-08-03",
  cards: [
    {
      noticeRef: "NGK-2608-0001",
      nameKana: "ヤマダ タロウ",
      birthDate: "1980-04-01",
      locker: "A",
      slot: "01",
    },
    {
      noticeRef: "NGK-2608-0002",
      nameKana: "やまだ はなこ",
      birthDate: "1982-11-23",
      locker: "A",
      slot: "02",
    },
    {
      noticeRef: "NGK-2608-0003",
      nameKana: "スズキ イチロウ",
      birthDate: "1975-06-30",
      express: true,
    },
  ],
};

describe("the card stock", () => {
  it("receives a batch by the notices' references, with kana names and birth dates, and refuses a reference twice", async () => {
    expect((await city.request("POST", "/api/v1/cards/batches", batch)).statusCode).toBe(403);
    const repeated = await staff.request("POST", "/api/v1/cards/batches", {
      ...batch,
      cards: [batch.cards[0], batch.cards[0]],
    });
    expect(repeated.json().code).toBe("notice_ref_repeated");
    const bad = await staff.request("POST", "/api/v1/cards/batches", {
      ...batch,
      cards: [{ ...batch.cards[0], nameKana: "Yamada" }],
    });
    expect(bad.statusCode).toBe(400);
    const res = await staff.request("POST", "/api/v1/cards/batches", batch);
    expect(res.statusCode, res.body).toBe(201);
    ids = (res.json() as { cards: { id: string; state: string }[] }).cards.map((c) => c.id);
    expect(ids).toHaveLength(3);
    const again = await staff.request("POST", "/api/v1/cards/batches", {
      ...batch,
      cards: [batch.cards[1]],
    });
    expect(again.json().code).toBe("notice_ref_taken");
    // Hiragana is kept as katakana, and the holder is found by kana and birth date.
    const found = (
      await staff.request("GET", `/api/v1/cards?q=${encodeURIComponent("ヤマダ 1982-11-23")}`)
    ).json() as CardOut[];
    expect(found.map((c) => c.noticeRef)).toEqual(["NGK-2608-0002"]);
    expect(found[0]!.nameKana).toBe("ヤマダ ハナコ");
    expect((await city.request("GET", "/api/v1/cards")).statusCode).toBe(403);
  });

  it("hands a card over only once it is set up, and only once; other illegal steps say which", async () => {
    const [first] = ids;
    const early = await staff.request("POST", `/api/v1/cards/${first}/handover`, {
      identityCheck: "card_pin",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("card_not_set_up");
    const notice = await staff.request("POST", `/api/v1/cards/${first}/steps`, {
      action: "send_notice",
    });
    expect(notice.json().code).toBe("cannot_send_notice");
    const setUp = await staff.request("POST", `/api/v1/cards/${first}/setup`, { terminal: "T1" });
    expect(setUp.json()).toMatchObject({ state: "set_up", setupTerminalId: "T1" });
    const given = await staff.request("POST", `/api/v1/cards/${first}/handover`, {
      identityCheck: "photo_id",
    });
    expect(given.json()).toMatchObject({ state: "handed_over", identityCheck: "photo_id" });
    const twice = await staff.request("POST", `/api/v1/cards/${first}/handover`, {
      identityCheck: "photo_id",
    });
    expect(twice.json().code).toBe("card_already_handed_over");
    const steps = await listAuditEvents(t.database.db, tenantId, {
      limit: 10,
      action: "card.hand_over",
    });
    expect(steps).toHaveLength(1);
  });

  it("lets exactly one of two counters hand over the same card at once", async () => {
    const card = ids[1]!;
    await staff.request("POST", `/api/v1/cards/${card}/setup`, {});
    const both = await Promise.all([
      staff.request("POST", `/api/v1/cards/${card}/handover`, { identityCheck: "card_pin" }),
      otherStaff.request("POST", `/api/v1/cards/${card}/handover`, { identityCheck: "card_pin" }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe("card_already_handed_over");
  });

  it("returns an unclaimed card for disposal only after the city's period, by a lead", async () => {
    const card = ids[2]!;
    await staff.request("POST", `/api/v1/cards/${card}/setup`, {});
    await staff.request("POST", `/api/v1/cards/${card}/steps`, { action: "send_notice" });
    await staff.request("POST", `/api/v1/cards/${card}/steps`, {
      action: "mark_unclaimed",
      reason: "期限までに来庁なし",
    });
    expect(
      (await staff.request("POST", `/api/v1/cards/${card}/steps`, { action: "dispose" }))
        .statusCode,
    ).toBe(403);
    const early = await manager.request("POST", `/api/v1/cards/${card}/steps`, {
      action: "dispose",
    });
    expect(early.json().code).toBe("disposal_too_early");
    const summary = (await manager.request("GET", "/api/v1/cards/summary")).json();
    expect(summary).toMatchObject({ received: 0, handed_over: 2, unclaimed: 1, returned: 0 });
    expect(Object.keys(summary).sort()).toEqual(
      [
        "defective",
        "handed_over",
        "notice_sent",
        "received",
        "reminded",
        "reserved",
        "returned",
        "set_up",
        "unclaimed",
      ].sort(),
    );
    // The city sets a shorter period (for this test: none left to wait), and the card may go back.
    expect(
      (await city.request("PUT", "/api/v1/cards/settings", { disposalAfterDays: 1 })).statusCode,
    ).toBe(200);
    const still = await manager.request("POST", `/api/v1/cards/${card}/steps`, {
      action: "dispose",
    });
    expect(still.json().code).toBe("disposal_too_early");
  });

  it("prints the same summary on the command line", async () => {
    const lines: string[] = [];
    const io = { out: (text: string) => lines.push(text), err: () => {} };
    expect(await cardsCommand(t.database, ["summary", "--tenant", tenantId, "--json"], io)).toBe(0);
    expect(JSON.parse(lines[0]!)).toMatchObject({ handed_over: 2, unclaimed: 1 });
  });

  it("are counted by the reports from their records: received, set up, handed over", async () => {
    const today = "2026-08-04";
    const lines: string[] = [];
    const io = { out: (text: string) => lines.push(text), err: () => {} };
    await reportCommand(t.database, ["daily", "--tenant", tenantId, "--date", today], io);
    const daily = JSON.parse(lines.join("\n"));
    expect(daily.backOffice).toEqual({ received: 3, setUp: 3, handedOver: 2 });
    lines.length = 0;
    await reportCommand(
      t.database,
      ["monthly", "--tenant", tenantId, "--month", today.slice(0, 7)],
      io,
    );
    const monthly = JSON.parse(lines.join("\n"));
    expect(monthly.totals.setup.completed).toBe(3);
  });

  it("lists the back office's work, and a stocktake finds what is missing, misplaced or unknown", async () => {
    const res = await staff.request("POST", "/api/v1/cards/batches", {
      deliveredOn: "2026-08-04",
      cards: [
        {
          noticeRef: "NGK-2608-0011",
          nameKana: "タナカ ミキ",
          birthDate: "1990-01-02",
          locker: "B",
          slot: "01",
        },
        {
          noticeRef: "NGK-2608-0012",
          nameKana: "タナカ ケン",
          birthDate: "1991-02-03",
          locker: "B",
          slot: "02",
        },
        {
          noticeRef: "NGK-2608-0013",
          nameKana: "イトウ サキ",
          birthDate: "1992-03-04",
          locker: "B",
          slot: "03",
          express: true,
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const queues = (await staff.request("GET", "/api/v1/cards/queues")).json() as CardQueuesOut;
    // The nearest deadline first (the express card, due the day after delivery), then the oldest.
    expect(queues.setup.map((c) => c.noticeRef)).toEqual([
      "NGK-2608-0013",
      "NGK-2608-0011",
      "NGK-2608-0012",
    ]);
    expect(queues.reminders.map((c) => c.noticeRef)).toEqual(["NGK-2608-0003"]);
    expect(queues.express.map((c) => c.noticeRef)).toEqual(["NGK-2608-0003", "NGK-2608-0013"]);
    const taken = await staff.request("POST", "/api/v1/cards/stocktakes", {
      locker: "B",
      found: ["NGK-2608-0011", "ngk-2608-0003", "NGK-2608-0099"],
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const report = taken.json() as StocktakeOut;
    expect(report.missing.map((m) => m.noticeRef).sort()).toEqual([
      "NGK-2608-0012",
      "NGK-2608-0013",
    ]);
    expect(report.misplaced).toEqual([{ noticeRef: "NGK-2608-0003", locker: null, foundIn: "B" }]);
    expect(report.unknown).toEqual(["NGK-2608-0099"]);
    expect(report.clean).toBe(false);
    // On record for the manager and the city; not for the clerk to browse.
    expect((await staff.request("GET", "/api/v1/cards/stocktakes")).statusCode).toBe(403);
    const seen = (await city.request("GET", "/api/v1/cards/stocktakes")).json() as StocktakeOut[];
    expect(seen.map((s) => s.stocktakeId)).toEqual([report.stocktakeId]);
  });

  it("dates each setup by its holder's booking or the express deadline, works the nearest first, and tells the planner", async () => {
    // The city gives express cards two days from delivery.
    const set = await city.request("PUT", "/api/v1/cards/settings", { expressSetupDays: 2 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ disposalAfterDays: 1, expressSetupDays: 2 });
    const res = await staff.request("POST", "/api/v1/cards/batches", {
      deliveredOn: "2026-08-04",
      cards: [
        // Booked to collect on Friday 7 August: set up by Thursday.
        {
          noticeRef: "NGK-2608-0021",
          nameKana: "オカダ ユウ",
          birthDate: "1988-08-08",
          handoverOn: "2026-08-07",
        },
        // Express: delivered Tuesday, set up within two days.
        {
          noticeRef: "NGK-2608-0022",
          nameKana: "オカダ アイ",
          birthDate: "1989-09-09",
          express: true,
        },
        // Booked for the day of delivery itself: due at once, not the day before delivery.
        {
          noticeRef: "NGK-2608-0023",
          nameKana: "オカダ ケイ",
          birthDate: "1990-10-10",
          handoverOn: "2026-08-04",
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const queues = (await staff.request("GET", "/api/v1/cards/queues")).json() as CardQueuesOut;
    const dated = queues.setup.filter((c) => c.setupDueOn !== null);
    expect(dated.map((c) => [c.noticeRef, c.setupDueOn])).toEqual([
      ["NGK-2608-0023", "2026-08-04"],
      // The last test's express card, received under the default of one day.
      ["NGK-2608-0013", "2026-08-05"],
      ["NGK-2608-0022", "2026-08-06"],
      ["NGK-2608-0021", "2026-08-06"],
    ]);
    // The undated cards follow, and every card waiting for setup is in the planner's backlog.
    expect(queues.setup.slice(0, 4)).toEqual(dated);
    const work = await runOperation(t.database.db, systemActor(tenantId, "test"), (ctx) =>
      setupWorkload(ctx, { historyFrom: "2026-08-01", historyTo: "2026-08-31" }),
    );
    expect(work.backlog).toBe(queues.setup.length);
    expect(work.due).toEqual([
      { by: "2026-08-04", count: 1 },
      { by: "2026-08-05", count: 1 },
      { by: "2026-08-06", count: 2 },
    ]);
    // August is the office's first month of stock, partial: the planner keeps to its references.
    expect(work.receivedPerMonth).toBeNull();
  });
});
