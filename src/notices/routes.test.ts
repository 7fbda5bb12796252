import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { startClockAt } from "../platform/clock.ts";

let t: TestApp;
let staff: Client;
let other: Client;
let manager: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  const { tenantId } = await buildTenant(t.database);
  staff = await signedInAs(t, tenantId, "staff");
  other = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("notices to staff (周知徹底)", () => {
  it("keeps a person from the counter until an essential notice is read, and shows the leads who has not read", async () => {
    expect(
      (await staff.request("POST", "/api/v1/notices", { title: "x", body: "x", essential: false }))
        .statusCode,
    ).toBe(403);
    const published = await manager.request("POST", "/api/v1/notices", {
      title: "本人確認の手順変更",
      body: "8月5日から、代理人の照会書は原本のみ受け付ける。",
      essential: true,
    });
    expect(published.statusCode, published.body).toBe(201);
    const { id } = published.json();
    const refused = await staff.request("POST", "/api/v1/queue/counters/1/open", {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "unread_essential_notice", notices: [id] });
    expect((await staff.request("GET", "/api/v1/notices")).json()).toEqual([
      expect.objectContaining({ id, essential: true, readAt: null }),
    ]);
    expect((await staff.request("POST", `/api/v1/notices/${id}/read`)).statusCode).toBe(200);
    // A second confirmation keeps the first.
    const first = (await staff.request("GET", "/api/v1/notices")).json()[0].readAt;
    await staff.request("POST", `/api/v1/notices/${id}/read`);
    expect((await staff.request("GET", "/api/v1/notices")).json()[0].readAt).toBe(first);
    expect((await staff.request("POST", "/api/v1/queue/counters/1/open", {})).statusCode).toBe(200);
    const readers = (await manager.request("GET", `/api/v1/notices/${id}/readers`)).json();
    expect(readers.read).toHaveLength(2);
    expect(readers.unread).toHaveLength(1);
    expect((await other.request("POST", "/api/v1/queue/counters/2/open", {})).statusCode).toBe(409);
  });
});
