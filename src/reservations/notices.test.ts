import { createRequire } from "node:module";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildTestApp, type TestApp } from "../../test/factories.ts";
import { startSmtpServer } from "../../test/smtp.ts";
import { inEveryTenant } from "../jobs.ts";
import { startClockAt } from "../platform/clock.ts";
import { createMailDelivery, type MailDelivery } from "../platform/jobs/mailDelivery.ts";
import { pendingMails } from "../platform/mail/outbox.ts";
import { queueReminders } from "./dayNotices.ts";

// jsQR is CommonJS whose types claim an ES default export: loaded the CommonJS way.
const jsQR = createRequire(import.meta.url)("jsqr") as typeof import("jsqr").default;

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: MailDelivery;
let tenantId: string;
beforeAll(async () => {
  startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  t = await buildTestApp({ publicUrl: "https://madoguchi.example.jp" });
  tenantId = (await buildTenant(t.database)).tenantId;
  smtp = await startSmtpServer();
  mailer = createMailDelivery(t.database.db, smtp.url, "madoguchi@city.example.jp");
});
afterAll(async () => {
  startClockAt(undefined);
  mailer.close();
  await smtp.close();
  await t.close();
});

/** The text of a single-part mail: base64 or quoted-printable, as nodemailer writes it. */
function text(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  const flat = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    const hex = flat.slice(i + 1, i + 3);
    if (flat[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The parts of a multipart mail, each with its headers and decoded body. */
function parts(raw: string): { head: string; body: Buffer }[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!);
  let chunks = [raw];
  for (const b of boundaries) chunks = chunks.flatMap((c) => c.split(`--${b}`));
  return chunks.flatMap((chunk) => {
    const at = chunk.search(/\r?\n\r?\n/);
    if (at < 0) return [];
    const head = chunk.slice(0, at);
    const content = chunk.slice(at).trim();
    if (/Content-Type: multipart/i.test(head) || !/Content-Type:/i.test(head)) return [];
    const body = /Content-Transfer-Encoding: base64/i.test(head)
      ? Buffer.from(content.replace(/\s+/g, ""), "base64")
      : Buffer.from(text(`${head}\n\n${content}`), "utf8");
    return [{ head, body }];
  });
}

describe("notices by e-mail", () => {
  it("sends the confirmation with the code and the management link, then the cancellation, through a real SMTP server", async () => {
    const booked = await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: {
        procedure: "handover",
        start: "2026-08-05T09:00:00+09:00",
        nameKana: "タナカ",
        email: "tanaka@example.jp",
      },
    });
    const { code, manageUrl } = booked.json();
    expect(manageUrl).toMatch(/^https:\/\/madoguchi\.example\.jp\/reservations\//);
    expect(await pendingMails(t.database.db, tenantId)).toHaveLength(1);
    expect(await mailer.flush()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["tanaka@example.jp"]);
    const decoded = text(smtp.received[0]!.raw);
    expect(decoded).toContain("ご予約を承りました");
    expect(decoded).toContain(code);
    expect(decoded).toContain(manageUrl);
    expect(await pendingMails(t.database.db, tenantId)).toHaveLength(0);

    const token = manageUrl.split("/").at(-1);
    await t.app.inject({
      method: "DELETE",
      url: `/api/v1/public/${tenantId}/reservations/${token}`,
    });
    expect(await mailer.flush()).toBe(1);
    expect(smtp.received).toHaveLength(2);
    expect(text(smtp.received[1]!.raw)).toContain("ご予約を取り消しました");
  });

  it("tells what to bring and where to come, and carries the booking code as a QR code the kiosk can scan", async () => {
    await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: {
        procedure: "handover",
        start: "2026-08-05T10:00:00+09:00",
        nameKana: "スズキ",
        email: "suzuki@example.jp",
      },
    });
    const before = smtp.received.length;
    await mailer.flush();
    const mail = smtp.received.slice(before).find((m) => m.to.includes("suzuki@example.jp"))!;
    const all = parts(mail.raw);
    const plain = all.find((p) => /text\/plain/i.test(p.head))!.body.toString("utf8");
    expect(plain).toContain("お持ちいただくもの: 交付通知書");
    const html = all.find((p) => /text\/html/i.test(p.head))!.body.toString("utf8");
    expect(html).toContain('src="cid:booking-qr"');
    const image = all.find((p) => /image\/png/i.test(p.head))!;
    expect(image.head).toMatch(/Content-ID: <booking-qr>/i);
    const png = PNG.sync.read(image.body);
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    const code = /予約番号: ([A-Z0-9-]+)/.exec(plain)![1];
    expect(read?.data).toBe(code);
  });

  it("holds every notice through a 10-minute SMTP outage and delivers each exactly once after it", async () => {
    const port = Number(new URL(smtp.url).port);
    await smtp.close();
    const start = new Date("2026-08-03T11:00:00+09:00").getTime();
    startClockAt(new Date(start));
    const addresses = ["out1@example.jp", "out2@example.jp", "out3@example.jp"];
    for (const [i, email] of addresses.entries()) {
      const booked = await t.app.inject({
        method: "POST",
        url: `/api/v1/public/${tenantId}/reservations`,
        payload: {
          procedure: "ecert",
          start: `2026-08-06T1${i}:00:00+09:00`,
          nameKana: "スズキ",
          email,
        },
      });
      expect(booked.statusCode).toBe(201);
    }
    // Ten minutes of the mail server down, the delivery job ticking every 2 seconds of the clock
    // (sampled every 10 s here): nothing is lost and nothing is given up on.
    for (let s = 0; s <= 600; s += 10) {
      startClockAt(new Date(start + s * 1000));
      expect(await mailer.flush()).toBe(0);
    }
    const waiting = await pendingMails(t.database.db, tenantId);
    expect(waiting).toHaveLength(3);
    expect(waiting.every((m) => m.deadAt === null && m.attempts >= 4)).toBe(true);
    smtp = await startSmtpServer({ port });
    let sent = 0;
    for (let s = 600; s <= 3600 && sent < 3; s += 10) {
      startClockAt(new Date(start + s * 1000));
      sent += await mailer.flush();
    }
    expect(sent).toBe(3);
    // The job keeps running: nothing goes out a second time.
    for (let s = 3600; s <= 4200; s += 60) {
      startClockAt(new Date(start + s * 1000));
      expect(await mailer.flush()).toBe(0);
    }
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(addresses);
    expect(await pendingMails(t.database.db, tenantId)).toHaveLength(0);
    startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  });

  it("makes a mail the server refuses for good a dead letter, shown to the manager, who can send it again", async () => {
    const { buildUser, signInAs } = await import("../../test/factories.ts");
    const refusing = await startSmtpServer({ refuse: (a) => a.startsWith("nobody@") });
    const dead: string[] = [];
    const delivery = createMailDelivery(t.database.db, refusing.url, "madoguchi@city.example.jp", {
      onDead: (m) => dead.push(m.kind),
    });
    await smtp.close(); // only the refusing server takes mail in this test
    await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: {
        procedure: "ecert",
        start: "2026-08-06T15:00:00+09:00",
        nameKana: "ナシ",
        email: "nobody@example.jp",
      },
    });
    expect(await delivery.flush()).toBe(0);
    expect(dead).toEqual(["reservation.confirmation"]);
    const manager = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "manager")).username,
    );
    const staff = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "staff")).username,
    );
    const letters = (await manager.request("GET", "/api/v1/mail/dead-letters")).json();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: "reservation.confirmation", attempts: 1 });
    expect(JSON.stringify(letters)).not.toContain("nobody@example.jp");
    expect((await staff.request("GET", "/api/v1/mail/dead-letters")).statusCode).toBe(403);
    // Not retried by itself: a dead letter waits for a person.
    startClockAt(new Date("2026-08-03T10:30:00+09:00"));
    expect(await delivery.flush()).toBe(0);
    expect(refusing.received).toHaveLength(0);
    const resent = await manager.request(
      "POST",
      `/api/v1/mail/dead-letters/${letters[0].mailId}/resend`,
      {},
    );
    expect(resent.statusCode).toBe(200);
    expect((await manager.request("GET", "/api/v1/mail/dead-letters")).json()).toHaveLength(0);
    await delivery.flush();
    expect((await manager.request("GET", "/api/v1/mail/dead-letters")).json()).toHaveLength(1);
    delivery.close();
    await refusing.close();
    smtp = await startSmtpServer({ port: Number(new URL(smtp.url).port) });
    startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  });
});

describe("changes, reminders and closures", () => {
  it("moves a booking through the management link and says so by e-mail", async () => {
    const { manageUrl } = (
      await t.app.inject({
        method: "POST",
        url: `/api/v1/public/${tenantId}/reservations`,
        payload: {
          procedure: "pin_reset",
          start: "2026-08-05T13:00:00+09:00",
          nameKana: "イトウ",
          email: "ito@example.jp",
        },
      })
    ).json();
    const token = manageUrl.split("/").at(-1);
    const moved = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/public/${tenantId}/reservations/${token}`,
      payload: { start: "2026-08-05T14:00:00+09:00" },
    });
    expect(moved.json()).toMatchObject({ start: "2026-08-05T14:00:00+09:00", status: "booked" });
    await mailer.flush();
    expect(text(smtp.received.at(-1)!.raw)).toContain("ご予約の日時を変更しました");
    const slots = (
      await t.app.inject(
        `/api/v1/public/${tenantId}/slots?procedure=pin_reset&from=2026-08-05&to=2026-08-05`,
      )
    ).json() as { start: string; remaining: number; capacity: number }[];
    const at = (time: string) => slots.find((s) => s.start === `2026-08-05T${time}:00+09:00`)!;
    expect(at("13:00").remaining).toBe(at("13:00").capacity);
    expect(at("14:00").remaining).toBe(at("14:00").capacity - 1);
  });

  it("queues one reminder the day before", async () => {
    startClockAt(new Date("2026-08-04T18:00:00+09:00"));
    const before = smtp.received.length;
    const remind = async () =>
      (
        await inEveryTenant(t.database.db, "reminders", (ctx) =>
          queueReminders(ctx, { publicUrl: "https://madoguchi.example.jp" }),
        )
      ).find((r) => r.tenantId === tenantId)!.result;
    expect(await remind()).toBeGreaterThanOrEqual(1);
    expect(await remind()).toBe(0);
    await mailer.flush();
    expect(smtp.received.slice(before).every((m) => text(m.raw).includes("明日のご予約"))).toBe(
      true,
    );
  });

  it("lists the bookings a closure approved afterwards affects, and tells them all in one action", async () => {
    const { buildUser, signInAs } = await import("../../test/factories.ts");
    startClockAt(new Date("2026-08-04T09:00:00+09:00"));
    for (const [i, start] of ["2026-08-07T09:00:00+09:00", "2026-08-07T10:00:00+09:00"].entries()) {
      await t.app.inject({
        method: "POST",
        url: `/api/v1/public/${tenantId}/reservations`,
        payload: {
          procedure: "handover",
          start,
          nameKana: "キムラ",
          email: `kimura${i}@example.jp`,
        },
      });
    }
    await mailer.flush(); // the two confirmations
    const manager = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "manager")).username,
    );
    const city = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "city")).username,
    );
    const staff = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "staff")).username,
    );
    const request = (
      await manager.request("POST", "/api/v1/calendar/exceptions", {
        date: "2026-08-07",
        kind: "closure",
        reason: "庁舎の停電工事",
      })
    ).json();
    expect(
      (await city.request("GET", "/api/v1/reservations/closure-impact?date=2026-08-07")).json(),
    ).toMatchObject({ counterOpen: true, booked: 2, notified: 0 });
    expect(
      (
        await staff.request("POST", "/api/v1/reservations/notify-closure", { date: "2026-08-07" })
      ).json().code,
    ).toBe("not_closed");
    await city.request("POST", `/api/v1/calendar/exceptions/${request.exceptionId}/approve`, {});
    // The calendar day is cached by the queue for a few seconds; the reservations read it directly.
    const notified = await staff.request("POST", "/api/v1/reservations/notify-closure", {
      date: "2026-08-07",
    });
    expect(notified.json()).toMatchObject({ counterOpen: false, booked: 2, notified: 2 });
    const before = smtp.received.length;
    expect(await mailer.flush()).toBe(2);
    expect(
      smtp.received
        .slice(before)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(["kimura0@example.jp", "kimura1@example.jp"]);
    expect(text(smtp.received.at(-1)!.raw)).toContain("休業");
    expect(
      (
        await staff.request("POST", "/api/v1/reservations/notify-closure", { date: "2026-08-07" })
      ).json().notified,
    ).toBe(2);
    expect(await mailer.flush()).toBe(0);
  });
});
