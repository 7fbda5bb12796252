import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../../test/factories.ts";
import { startSmtpServer } from "../../test/smtp.ts";
import { inEveryTenant } from "../jobs.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";
import { createMailDelivery, type MailDelivery } from "../platform/jobs/mailDelivery.ts";
import { channelsNamed } from "../platform/notify/channels.ts";
import { turnNotices } from "./schema.ts";
import { sendDueTurnNotices } from "./turnNotices.ts";

/** 呼出前のお知らせ: a person waiting is told by e-mail when their turn is near (issue 12). */
let t: TestApp;
let tenantId: string;
let staff: Client;
let kiosk: Client;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: MailDelivery;
const publicUrl = "https://madoguchi.example.jp";
beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp({ publicUrl });
  tenantId = (await buildTenant(t.database)).tenantId;
  staff = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "staff")).username,
  );
  kiosk = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "kiosk")).username,
  );
  smtp = await startSmtpServer();
  mailer = createMailDelivery(t.database.db, smtp.url, "madoguchi@city.example.jp");
});
afterAll(async () => {
  startClockAt(undefined);
  mailer.close();
  await smtp.close();
  await t.close();
});

const issue = async () => {
  const ticket = (
    await kiosk.request("POST", "/api/v1/queue/tickets", {
      procedures: ["handover"],
      priority: false,
    })
  ).json();
  return { ...ticket, token: String(ticket.statusUrl).split("/").at(-1) as string };
};
const notices = (token: string) => `/api/v1/public/${tenantId}/tickets/${token}/notices`;
const ask = (token: string, body: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: notices(token), payload: body });
const job = async () =>
  (
    await inEveryTenant(t.database.db, "turn-notices-test", (ctx) =>
      sendDueTurnNotices(ctx, { publicUrl, channels: channelsNamed(["email"]) }),
    )
  ).find((r) => r.tenantId === tenantId)!.result;
const addressesKept = async () =>
  (
    await t.database.db
      .select({ ticketId: turnNotices.ticketId })
      .from(turnNotices)
      .where(and(eq(turnNotices.tenantId, tenantId), isNotNull(turnNotices.address)))
  ).length;

describe("turn-near notices", () => {
  it("offers e-mail on the status page and refuses an address that is not one, or a My Number", async () => {
    const ticket = await issue();
    const options = await t.app.inject({ method: "GET", url: notices(ticket.token) });
    expect(options.json()).toMatchObject({
      channels: [{ code: "email", inputType: "email" }],
      chosen: [],
    });
    const bad = await ask(ticket.token, {
      channel: "email",
      address: "not an address",
      aheadAtMost: 3,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "invalid_address", field: "address" });
    const myNumber = await ask(ticket.token, {
      channel: "email",
      address: "1234 5678 9018@example.jp",
      aheadAtMost: 3,
    });
    expect(myNumber.statusCode).toBe(422);
    const unknown = await ask(ticket.token, { channel: "line", address: "x", aheadAtMost: 3 });
    expect(unknown.statusCode).toBe(404);
  });

  it("sends one e-mail when the turn comes near, through the outbox, then forgets the address", async () => {
    await staff.request("POST", "/api/v1/queue/counters/1/open", {});
    // Everyone before this test's tickets is served first.
    while ((await staff.request("POST", "/api/v1/queue/counters/1/call-next")).statusCode === 200) {
      const board = (await staff.request("GET", "/api/v1/queue/tickets?status=called")).json();
      for (const called of board)
        await staff.request("POST", `/api/v1/queue/tickets/${called.id}/cancel`, {});
    }
    const ahead = [await issue(), await issue(), await issue()];
    const mine = await issue();
    const asked = await ask(mine.token, {
      channel: "email",
      address: "waiting@example.jp",
      aheadAtMost: 1,
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().chosen).toEqual([{ channel: "email", aheadAtMost: 1, state: "waiting" }]);

    expect(await job()).toEqual({ sent: 0, ended: 0 });
    for (const _ of ahead.slice(0, 2)) {
      const called = (await staff.request("POST", "/api/v1/queue/counters/1/call-next")).json();
      await staff.request("POST", `/api/v1/queue/tickets/${called.id}/start`);
      await staff.request("POST", `/api/v1/queue/tickets/${called.id}/finish`, {
        outcome: "completed",
      });
    }
    expect(await job()).toEqual({ sent: 1, ended: 0 });
    // Exactly once: the next run finds nothing to send.
    expect(await job()).toEqual({ sent: 0, ended: 0 });
    expect(await addressesKept()).toBe(0);

    expect(await mailer.flush()).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["waiting@example.jp"]);
    const body = mail.raw.replace(/=\r?\n/g, "");
    expect(body).toContain(mine.number);
    expect(body).toContain(`${publicUrl}/status/${tenantId}/${mine.token}`);
    const options = await t.app.inject({ method: "GET", url: notices(mine.token) });
    expect(options.json().chosen[0].state).toBe("sent");
    // The trail says a notice was asked for and sent; it never holds the address.
    const events = await listAuditEvents(t.database.db, tenantId, { limit: 50 });
    const mineEvents = events.filter(
      (e) => e.entityId === mine.id && e.action.includes("turn_notice"),
    );
    expect(mineEvents.map((e) => e.action).sort()).toEqual([
      "ticket.turn_notice_request",
      "ticket.turn_notice_sent",
    ]);
    expect(JSON.stringify(mineEvents)).not.toContain("waiting@example.jp");
  });

  it("ends a request unsent when the person is called first, and a person may withdraw it", async () => {
    const first = await issue();
    const second = await issue();
    await ask(first.token, { channel: "email", address: "first@example.jp", aheadAtMost: 1 });
    await ask(second.token, { channel: "email", address: "second@example.jp", aheadAtMost: 1 });
    const withdrawn = await t.app.inject({
      method: "DELETE",
      url: `${notices(second.token)}/email`,
    });
    expect(withdrawn.json().chosen[0].state).toBe("ended");
    // The clerk calls the first person by number before the job ran.
    await staff.request("POST", "/api/v1/queue/counters/1/call", { ticketId: first.id });
    const before = smtp.received.length;
    const result = await job();
    expect(result).toEqual({ sent: 0, ended: 1 });
    expect(await addressesKept()).toBe(0);
    await mailer.flush();
    expect(smtp.received.length).toBe(before);
  });
});
