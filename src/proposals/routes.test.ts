import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { listAuditEvents } from "../platform/audit/store.ts";

let t: TestApp;
let tenantId: string;
let staff: Client;
let manager: Client;
let city: Client;
beforeAll(async () => {
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  staff = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
  city = await signedInAs(t, tenantId, "city");
});
afterAll(async () => {
  await t.close();
});

const proposal = {
  title: "受取予約の前日に交付前設定を終える",
  problem: "予約当日に設定が終わっておらず、待ち時間が延びた日がある（7月の日次報告）。",
  measure: "前日までに設定する運用とし、設定待ちの一覧を期限順に並べる。",
  effect: "交付の平均所要時間を約3分短縮。",
  evidence: "2026年7月 月次報告: 交付1,097件、平均12分",
};

describe("improvement proposals (業務改善提案)", () => {
  it("goes from a clerk's draft through the manager to the city's decision and its implementation", async () => {
    const drafted = await staff.request("POST", "/api/v1/proposals", proposal);
    expect(drafted.statusCode, drafted.body).toBe(201);
    const { id } = drafted.json();
    // The city does not see drafts; only the manager submits; only the city decides.
    expect((await city.request("GET", "/api/v1/proposals")).json()).toEqual([]);
    expect((await staff.request("POST", `/api/v1/proposals/${id}/submit`)).statusCode).toBe(403);
    expect((await manager.request("POST", `/api/v1/proposals/${id}/submit`)).json()).toMatchObject({
      state: "submitted",
    });
    expect(
      (
        await manager.request("POST", `/api/v1/proposals/${id}/decision`, {
          decision: "accepted",
          comment: "x",
        })
      ).statusCode,
    ).toBe(403);
    const discussed = await city.request("POST", `/api/v1/proposals/${id}/decision`, {
      decision: "needs_discussion",
      comment: "特急発行のカードの扱いを追記してください。",
    });
    expect(discussed.json()).toMatchObject({ state: "needs_discussion" });
    // Amended and submitted again; accepted; implemented by a manual version.
    await manager.request("POST", `/api/v1/proposals/${id}/submit`);
    const accepted = await city.request("POST", `/api/v1/proposals/${id}/decision`, {
      decision: "accepted",
      comment: "採用します。",
    });
    expect(accepted.json()).toMatchObject({ state: "accepted", decisionComment: "採用します。" });
    expect(
      (
        await city.request("POST", `/api/v1/proposals/${id}/decision`, {
          decision: "rejected",
          comment: "x",
        })
      ).json(),
    ).toMatchObject({
      code: "cannot_decide",
    });
    const done = await manager.request("POST", `/api/v1/proposals/${id}/implementations`, {
      kind: "manual",
      ref: "運営マニュアル 第2版 3.3",
    });
    expect(done.json().implementedBy).toEqual([
      expect.objectContaining({ kind: "manual", ref: "運営マニュアル 第2版 3.3" }),
    ]);
    expect((await city.request("GET", "/api/v1/proposals")).json()).toHaveLength(1);
    const events = await listAuditEvents(t.database.db, tenantId, { limit: 20 });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "proposal.draft",
        "proposal.submit",
        "proposal.decide",
        "proposal.implement",
      ]),
    );
  });
});
