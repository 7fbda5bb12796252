import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { makeHistory } from "../demo/history.ts";
import { seedDemoRoster } from "../demo/roster.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";
import { transaction } from "../platform/db/index.ts";
import { listTrainingSessions } from "../training/store.ts";

let t: TestApp;
let tenantId: string;
let staff: Client;
let manager: Client;
let city: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-10-15T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  await transaction(t.database.db, (tx) => seedDemoRoster(tx, tenantId, new Map()));
  await makeHistory(t.database, tenantId, { from: "2026-09-01", to: "2026-09-02", seed: 5 });
  staff = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
  city = await signedInAs(t, tenantId, "city");
}, 180_000);
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

const commitment = {
  ref: "3-2",
  title: "毎月、窓口の待ち時間を報告し30分以内に収める",
  detail: "月次報告で平均待ち時間と目標時間内の割合を示す。",
  category: "service",
  cadence: "monthly",
  fromMonth: "2026-08",
};

describe("the register of the proposal's commitments (提案事項, 仕様 14)", () => {
  it("records each commitment with evidence checked against its record, and the months owed without any", async () => {
    expect((await staff.request("POST", "/api/v1/commitments", commitment)).statusCode).toBe(403);
    const made = await manager.request("POST", "/api/v1/commitments", commitment);
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json();
    // August and September are over and have nothing; October is still running.
    expect(made.json()).toMatchObject({ state: "planned", missingMonths: ["2026-08", "2026-09"] });

    // A report that was never submitted is refused; a submitted one is evidence for its month.
    const noReport = await manager.request("POST", `/api/v1/commitments/${id}/evidence`, {
      kind: "report",
      reportKind: "monthly",
      period: "2026-08",
    });
    expect(noReport.json()).toMatchObject({ code: "evidence_not_found" });
    const submitted = await manager.request("POST", "/api/v1/reports/monthly/2026-08/submit", {
      remarks: "",
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const withReport = await manager.request("POST", `/api/v1/commitments/${id}/evidence`, {
      kind: "report",
      reportKind: "monthly",
      period: "2026-08",
      note: "平均待ち時間は3.2節",
    });
    expect(withReport.statusCode, withReport.body).toBe(200);
    expect(withReport.json().missingMonths).toEqual(["2026-09"]);
    expect(withReport.json().evidence[0]).toMatchObject({
      kind: "report",
      month: "2026-08",
      label: expect.stringContaining("2026-08（第1版"),
    });

    // A dashboard figure is kept as it stood; a month with no records has none.
    const empty = await manager.request("POST", `/api/v1/commitments/${id}/evidence`, {
      kind: "figure",
      metric: "visits",
      month: "2026-08",
    });
    expect(empty.json()).toMatchObject({ code: "no_figures" });
    const figure = await manager.request("POST", `/api/v1/commitments/${id}/evidence`, {
      kind: "figure",
      metric: "visits",
      month: "2026-09",
    });
    const dashboard = (
      await manager.request("GET", "/api/v1/dashboard?from=2026-09-01&to=2026-09-30")
    ).json();
    const visits = dashboard.days.reduce((s: number, d: { people: number }) => s + d.people, 0);
    expect(visits).toBeGreaterThan(0);
    expect(figure.json().evidence[1]).toMatchObject({
      kind: "figure",
      value: visits,
      month: "2026-09",
      label: `2026年9月 来庁者数 ${visits}人`,
    });
    expect(figure.json().missingMonths).toEqual([]);

    // The city reads the register and reviews; the contractor does not review itself.
    expect(
      (
        await manager.request("POST", `/api/v1/commitments/${id}/review`, {
          verdict: "confirmed",
          comment: "x",
        })
      ).statusCode,
    ).toBe(403);
    const reviewed = await city.request("POST", `/api/v1/commitments/${id}/review`, {
      verdict: "concern",
      comment: "9月の待ち時間の根拠を示してください。",
    });
    expect(reviewed.json().review).toMatchObject({ verdict: "concern" });
    const state = await manager.request("PUT", `/api/v1/commitments/${id}/state`, {
      state: "in_progress",
      note: "9月分は月次報告の提出後に添付",
    });
    expect(state.json()).toMatchObject({ state: "in_progress" });
    const seen = (await city.request("GET", "/api/v1/commitments")).json();
    expect(seen).toHaveLength(1);
    expect(seen[0].evidence).toHaveLength(2);
    const events = await listAuditEvents(t.database.db, tenantId, { limit: 30 });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "commitment.register",
        "commitment.evidence",
        "commitment.review",
        "commitment.state",
      ]),
    );
  });

  it("takes training records and manual versions as evidence, and a one-off is owed once", async () => {
    const [session] = await listTrainingSessions(t.database.db, tenantId);
    const made = (
      await manager.request("POST", "/api/v1/commitments", {
        ...commitment,
        ref: "5-1",
        title: "従事者全員に個人情報保護研修を行う",
        category: "training",
        cadence: "once",
        fromMonth: "2026-01",
      })
    ).json();
    expect(made.missingMonths).toEqual(["2026-01"]);
    const trained = await manager.request("POST", `/api/v1/commitments/${made.id}/evidence`, {
      kind: "training",
      sessionId: session!.sessionId,
    });
    expect(trained.json()).toMatchObject({ missingMonths: [] });
    expect(trained.json().evidence[0].label).toMatch(
      new RegExp(`^研修「.+」${session!.heldOn}（受講 ${session!.attendees.length}名）$`),
    );
    const version = await manager.request("POST", "/api/v1/manual/versions", {
      title: "運営マニュアル",
      body: "# 1. 個人情報\n研修を受けた者だけが窓口に立つ。",
    });
    const manual = await manager.request("POST", `/api/v1/commitments/${made.id}/evidence`, {
      kind: "manual",
      versionId: version.json().id,
    });
    expect(manual.json().evidence[1].label).toContain("（下書き）");
    // The register lists by the proposal's numbering: 3-2 before 5-1.
    const register = (await city.request("GET", "/api/v1/commitments")).json();
    expect(register.map((c: { ref: string }) => c.ref)).toEqual(["3-2", "5-1"]);
  });

  it("keeps evidence as it was attached: the database refuses to change or remove it", async () => {
    await expect(
      t.database.db.execute("update commitment_evidence set label = 'x'"),
    ).rejects.toThrow();
    await expect(t.database.db.execute("delete from commitments")).rejects.toThrow();
  });
});
