import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";

let t: TestApp;
let tenantId: string;
let deputy: Client;
let manager: Client;
let city: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-10-15T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  deputy = await signedInAs(t, tenantId, "deputy");
  manager = await signedInAs(t, tenantId, "manager");
  city = await signedInAs(t, tenantId, "city");
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

const request = {
  subcontractor: "株式会社長岡コールサービス",
  address: "新潟県長岡市大手通1-1",
  areas: ["phone"],
  scope: "繁忙期（11月〜3月）の電話による予約受付と一般的な問い合わせへの回答",
  reason: "繁忙期の入電が1日200件を超え、応答率が下がるため",
  periodFrom: "2026-11-01",
  periodTo: "2027-03-31",
  handlesPersonalData: true,
  safeguards: "従事者の誓約書、個人情報保護研修の受講、通話録音の社外持出し禁止",
};

describe("subcontracting consents (再委託の承諾, 仕様 14)", () => {
  it("refuses the counter itself and the whole of the work, and asks for safeguards", async () => {
    const main = await manager.request("POST", "/api/v1/subcontracting", {
      ...request,
      areas: ["counter", "phone"],
    });
    expect(main.json()).toMatchObject({ code: "main_part_not_subcontractable" });
    const whole = await manager.request("POST", "/api/v1/subcontracting", {
      ...request,
      areas: ["phone", "back_office", "insurance", "training"],
    });
    expect(whole.json()).toMatchObject({ code: "wholesale_subcontracting" });
    const bare = await manager.request("POST", "/api/v1/subcontracting", {
      ...request,
      safeguards: "",
    });
    expect(bare.statusCode).toBe(400);
    expect((await deputy.request("POST", "/api/v1/subcontracting", request)).statusCode).toBe(403);
  });

  it("keeps the request and the city's written answer, once; a consent is in force in its period", async () => {
    const asked = await manager.request("POST", "/api/v1/subcontracting", request);
    const current = await manager.request("POST", "/api/v1/subcontracting", {
      ...request,
      areas: ["back_office"],
      scope: "交付前設定の補助",
      periodFrom: "2026-10-01",
      handlesPersonalData: false,
      safeguards: "",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json();
    expect(asked.json()).toMatchObject({ state: "requested", inForce: false });
    const answer = {
      decision: "consented",
      documentNumber: "長市窓第1234号",
      decidedOn: "2026-10-20",
      conditions: "再委託先の従事者名簿を事前に提出すること",
    };
    expect(
      (await manager.request("POST", `/api/v1/subcontracting/${id}/decision`, answer)).statusCode,
    ).toBe(403);
    const consented = await city.request("POST", `/api/v1/subcontracting/${id}/decision`, answer);
    expect(consented.json()).toMatchObject({
      state: "consented",
      decision: { documentNumber: "長市窓第1234号" },
      inForce: false,
    });
    const again = await city.request("POST", `/api/v1/subcontracting/${id}/decision`, {
      ...answer,
      decision: "refused",
    });
    expect(again.json()).toMatchObject({ code: "cannot_decide" });
    expect(
      (await manager.request("POST", `/api/v1/subcontracting/${id}/withdraw`)).json(),
    ).toMatchObject({ code: "cannot_withdraw" });
    // Even past the operations, the database keeps the answer as given.
    await expect(
      t.database.db.execute(`update subcontract_requests set state = 'refused'`),
    ).rejects.toThrow();
    const inForceNow = await city.request(
      "POST",
      `/api/v1/subcontracting/${current.json().id}/decision`,
      { ...answer, documentNumber: "長市窓第1235号" },
    );
    expect(inForceNow.json()).toMatchObject({ state: "consented", inForce: true });
    const listed = (await deputy.request("GET", "/api/v1/subcontracting")).json();
    expect(listed.map((r: { inForce: boolean }) => r.inForce).sort()).toEqual([false, true]);
    const events = await listAuditEvents(t.database.db, tenantId, { limit: 20 });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["subcontract.request", "subcontract.decide"]),
    );
  });
});
