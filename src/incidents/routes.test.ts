import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { startSmtpServer } from "../../test/smtp.ts";
import { startClockAt } from "../platform/clock.ts";
import { on } from "../platform/events/bus.ts";
import { createMailDelivery, type MailDelivery } from "../platform/jobs/mailDelivery.ts";
import type { EmergencyOut, IncidentOut } from "./contract.ts";

let t: TestApp;
let tenantId: string;
let staff: Client;
let manager: Client;
let city: Client;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: MailDelivery;
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  staff = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
  city = await signedInAs(t, tenantId, "city");
  smtp = await startSmtpServer();
  mailer = createMailDelivery(t.database.db, smtp.url, "madoguchi@city.example.jp");
});
afterAll(async () => {
  startClockAt(undefined);
  mailer.close();
  await smtp.close();
  await t.close();
});

const plan = {
  contacts: [
    {
      name: "長岡 太郎",
      role: "市民課 係長",
      phone: "0258-00-0000",
      email: "duty@city.example.jp",
    },
  ],
  deciders: "業務管理者が判断し、市民課へ直ちに報告する。",
  procedures: "## 端末障害\n紙の整理券（P001〜）を配る。",
  paperTicketPrefix: "P",
  paperTicketCount: 200,
  cityNoticeEmails: ["duty@city.example.jp"],
};

describe("the emergency arrangement and incidents", () => {
  it("keeps every version of the arrangement; none is rewritten", async () => {
    expect((await staff.request("PUT", "/api/v1/continuity", plan)).statusCode).toBe(403);
    expect(
      (await manager.request("PUT", "/api/v1/continuity", { ...plan, cityNoticeEmails: [] }))
        .statusCode,
    ).toBe(200);
    const saved = await manager.request("PUT", "/api/v1/continuity", plan);
    expect(saved.json()).toMatchObject({ version: 2, cityNoticeEmails: ["duty@city.example.jp"] });
    expect((await city.request("GET", "/api/v1/continuity")).json()).toMatchObject({ version: 2 });
    await expect(
      t.database.db.execute(sql`update continuity_plans set deciders = 'x' where version = 1`),
    ).rejects.toThrow();
  });

  it("tells the city at once by e-mail, then follows instructions and actions to the city's closure", async () => {
    const heard: unknown[] = [];
    const stop = on("incident", (tenant, event) => tenant === tenantId && heard.push(event));
    const reported = await staff.request("POST", "/api/v1/incidents", {
      kind: "security_event",
      severity: "high",
      summary: "交付通知書を別の来庁者に渡した（直後に回収）",
      occurredAt: "2026-08-04T09:40:00+09:00",
      affected: "来庁者1名（氏名は記録しない）",
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const { id } = reported.json() as { id: string };
    expect(await mailer.flush()).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["duty@city.example.jp"]);
    expect(mail.raw).toContain("Subject:");
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([expect.objectContaining({ incidentId: id, action: "report" })]);
    stop();

    // The city sees it on its list with the report and the notice, and instructs.
    const listed = (
      await city.request("GET", "/api/v1/incidents?state=open")
    ).json() as IncidentOut[];
    expect(listed.map((i) => i.id)).toEqual([id]);
    expect(listed[0]!.entries.map((e) => e.kind)).toEqual(["report", "notice"]);
    expect(listed[0]!.cityNotifiedAt).not.toBeNull();
    expect(
      (
        await staff.request("POST", `/api/v1/incidents/${id}/entries`, {
          kind: "instruction",
          text: "x",
        })
      ).statusCode,
    ).toBe(403);
    await city.request("POST", `/api/v1/incidents/${id}/entries`, {
      kind: "instruction",
      text: "本日中に経緯書を提出すること。",
    });
    await manager.request("POST", `/api/v1/incidents/${id}/entries`, {
      kind: "action",
      text: "経緯書を提出。交付時の氏名読み上げ確認を徹底。",
    });
    expect(
      (
        await manager.request("POST", `/api/v1/incidents/${id}/close`, {
          recurrencePrevention: "x",
        })
      ).statusCode,
    ).toBe(403);
    const closed = await city.request("POST", `/api/v1/incidents/${id}/close`, {
      recurrencePrevention: "交付前に氏名と生年月日を本人に読み上げてもらう。",
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const done = closed.json() as IncidentOut;
    expect(done.state).toBe("closed");
    expect(done.entries.map((e) => e.kind)).toEqual([
      "report",
      "notice",
      "instruction",
      "action",
      "closure",
    ]);
    const late = await manager.request("POST", `/api/v1/incidents/${id}/entries`, {
      kind: "note",
      text: "追記",
    });
    expect(late.json()).toMatchObject({ code: "incident_closed" });
    // Nothing is deleted, nor a timeline line rewritten.
    await expect(t.database.db.execute(sql`delete from incidents`)).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`update incident_entries set text = 'x'`),
    ).rejects.toThrow();
  });

  it("raises an emergency call heard by every process's staff screens, acknowledged, closed by a lead", async () => {
    const heard: EmergencyOut[] = [];
    const stop = on(
      "emergency",
      (tenant, event) => tenant === tenantId && heard.push(event as EmergencyOut),
    );
    const raised = await staff.request("POST", "/api/v1/emergency-calls", {
      counter: "3",
      reason: "sudden_illness",
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const call = raised.json() as EmergencyOut;
    expect((await manager.request("GET", "/api/v1/emergency-calls")).json()).toEqual([call]);
    await manager.request("POST", `/api/v1/emergency-calls/${call.id}/acknowledge`);
    expect(
      (await staff.request("POST", `/api/v1/emergency-calls/${call.id}/close`, { note: "x" }))
        .statusCode,
    ).toBe(403);
    const closed = await manager.request("POST", `/api/v1/emergency-calls/${call.id}/close`, {
      note: "救急車を要請、付き添い済み。",
    });
    expect(closed.json()).toMatchObject({ note: "救急車を要請、付き添い済み。" });
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.map((h) => [h.counter, h.acknowledgedAt !== null, h.closedAt !== null])).toEqual([
      ["3", false, false],
      ["3", true, false],
      ["3", true, true],
    ]);
    stop();
    expect((await manager.request("GET", "/api/v1/emergency-calls")).json()).toEqual([]);
  });
});
