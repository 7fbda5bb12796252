import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { DEMO_MANUAL } from "./demoManual.ts";

let t: TestApp;
let staff: Client;
let manager: Client;
let city: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const { tenantId } = await buildTenant(t.database);
  staff = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
  city = await signedInAs(t, tenantId, "city");
});
afterAll(async () => {
  await t.close();
});

describe("the operation manual", () => {
  it("reaches the counter only once the city has confirmed it, with its changes shown first", async () => {
    expect((await staff.request("GET", "/api/v1/manual")).statusCode).toBe(404);
    expect(
      (await staff.request("POST", "/api/v1/manual/versions", { title: "x", body: "x" }))
        .statusCode,
    ).toBe(403);
    const first = await manager.request("POST", "/api/v1/manual/versions", {
      title: "運営マニュアル",
      body: DEMO_MANUAL,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ number: 1, state: "draft" });
    // A draft is not the counter's.
    expect((await staff.request("GET", "/api/v1/manual")).statusCode).toBe(404);
    expect((await staff.request("GET", "/api/v1/manual/search?q=交付")).json()).toEqual([]);
    expect(
      (await manager.request("POST", `/api/v1/manual/versions/${first.json().id}/confirm`))
        .statusCode,
    ).toBe(403);
    expect(
      (await city.request("POST", `/api/v1/manual/versions/${first.json().id}/confirm`)).statusCode,
    ).toBe(200);
    expect((await staff.request("GET", "/api/v1/manual")).json()).toMatchObject({
      number: 1,
      state: "confirmed",
    });

    // The next version adds a section: a draft with its diff; the counter still sees version 1.
    const body = `${DEMO_MANUAL}\n## 7.4 停電時\n非常用照明を点け、来庁者を誘導する。\n`;
    const second = (
      await manager.request("POST", "/api/v1/manual/versions", { title: "運営マニュアル", body })
    ).json();
    const diff = (await city.request("GET", `/api/v1/manual/versions/${second.id}/diff`)).json();
    expect(diff.against).toBe(1);
    expect(
      diff.lines
        .filter((l: { kind: string; text: string }) => l.kind === "added" && l.text.trim())
        .map((l: { text: string }) => l.text),
    ).toEqual(["## 7.4 停電時", "非常用照明を点け、来庁者を誘導する。"]);
    expect((await staff.request("GET", "/api/v1/manual/search?q=停電")).json()).toEqual([]);
    await city.request("POST", `/api/v1/manual/versions/${second.id}/confirm`);
    const hits = (await staff.request("GET", "/api/v1/manual/search?q=停電")).json();
    expect(hits[0]).toMatchObject({ headings: ["7. 障害・緊急時", "7.4 停電時"] });
    const versions = (await city.request("GET", "/api/v1/manual/versions")).json();
    expect(versions.map((v: { number: number; state: string }) => [v.number, v.state])).toEqual([
      [2, "confirmed"],
      [1, "superseded"],
    ]);
    // Confirming an old draft again is refused.
    expect(
      (await city.request("POST", `/api/v1/manual/versions/${first.json().id}/confirm`)).json(),
    ).toMatchObject({
      code: "not_a_draft",
    });
  });
});
