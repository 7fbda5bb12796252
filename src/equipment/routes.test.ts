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
import type { ItemOut } from "./contract.ts";

let t: TestApp;
let tenantId: string;
let staff: Client;
let manager: Client;
let city: Client;
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  staff = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
  city = await signedInAs(t, tenantId, "city");
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("the equipment ledger", () => {
  it("holds what the city lends, its terminals being the queue's terminals with the same ids", async () => {
    const ledger = (await staff.request("GET", "/api/v1/equipment")).json() as ItemOut[];
    const kinds = new Set(ledger.map((i) => i.kind));
    for (const kind of [
      "integrated_terminal",
      "resident_record_terminal",
      "vein_reader",
      "card_reader",
      "face_camera",
      "multifunction_printer",
      "phone",
    ])
      expect(kinds).toContain(kind);
    const catalogue = (await staff.request("GET", "/api/v1/queue/catalogue")).json() as {
      terminals: { terminalId: string; inService: boolean }[];
    };
    const terminals = ledger
      .filter((i) => i.kind === "integrated_terminal" || i.kind === "resident_record_terminal")
      .map((i) => i.id)
      .sort();
    expect(catalogue.terminals.map((x) => x.terminalId).sort()).toEqual(terminals);
    expect(terminals).toEqual(["R1", "T1", "T2", "T3", "T4", "T5"]);
  });

  it("refuses a faulty terminal for a counter session, and the counter's capacity follows", async () => {
    const clerk = await signedInAs(t, tenantId, "staff");
    // Counter 1 open at T1; a card pick-up (needs an integrated terminal) waits.
    expect((await clerk.request("POST", "/api/v1/queue/counters/1/open", {})).statusCode).toBe(200);
    const fault = await staff.request("POST", "/api/v1/equipment/T1/faults", {
      description: "カードリーダーが反応しない",
      contractorLiable: false,
    });
    expect(fault.statusCode, fault.body).toBe(201);
    const catalogue = (await staff.request("GET", "/api/v1/queue/catalogue")).json() as {
      terminals: { terminalId: string; inService: boolean }[];
    };
    expect(catalogue.terminals.find((x) => x.terminalId === "T1")?.inService).toBe(false);
    expect(
      (await staff.request("POST", "/api/v1/queue/tickets", { procedures: ["handover"] }))
        .statusCode,
    ).toBe(201);
    // The open counter at the faulty terminal no longer serves terminal procedures.
    expect((await clerk.request("POST", "/api/v1/queue/counters/1/call-next")).statusCode).toBe(
      204,
    );
    const closed = await clerk.request("POST", "/api/v1/queue/counters/1/close", {});
    expect(closed.statusCode, closed.body).toBe(200);
    // Nobody sits at it either.
    const refused = await clerk.request("POST", "/api/v1/queue/counters/1/open", {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "terminal_out_of_service" });
    // At another terminal the same counter serves again.
    const atT5 = await clerk.request("POST", "/api/v1/queue/counters/1/open", { terminal: "T5" });
    expect(atT5.statusCode, atT5.body).toBe(200);
    expect((await clerk.request("POST", "/api/v1/queue/counters/1/call-next")).statusCode).toBe(
      200,
    );
  });

  it("sends for repair and back to service with the cost, audited; steps out of order are refused", async () => {
    expect(
      (await staff.request("POST", "/api/v1/equipment/T1/repairs", { startedOn: "2026-08-04" }))
        .statusCode,
    ).toBe(403);
    const sent = await manager.request("POST", "/api/v1/equipment/T1/repairs", {
      startedOn: "2026-08-04",
      vendor: "長岡電機",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: "under_repair" });
    const back = await city.request("POST", "/api/v1/equipment/T1/return", {
      finishedOn: "2026-08-06",
      costYen: 33000,
    });
    expect(back.json()).toMatchObject({ state: "in_service" });
    const again = await manager.request("POST", "/api/v1/equipment/T1/return", {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "cannot_return" });
    const history = (await city.request("GET", "/api/v1/equipment/history?item=T1")).json();
    expect(history.faults).toHaveLength(1);
    expect(history.repairs).toEqual([
      expect.objectContaining({
        startedOn: "2026-08-04",
        finishedOn: "2026-08-06",
        costYen: 33000,
        vendor: "長岡電機",
      }),
    ]);
    const events = await listAuditEvents(t.database.db, tenantId, { limit: 20 });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["equipment.fault", "equipment.repair", "equipment.return"]),
    );
    // The contractor's own equipment joins the ledger.
    const added = await manager.request("POST", "/api/v1/equipment", {
      id: "C-PC1",
      kind: "other",
      nameJa: "受付用ノートPC",
      owner: "contractor",
      location: "受付",
    });
    expect(added.statusCode, added.body).toBe(201);
  });
});
