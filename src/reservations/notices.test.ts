import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildTestApp, type TestApp } from "../../test/factories.ts";
import { startSmtpServer } from "../../test/smtp.ts";
import { startClockAt } from "../platform/clock.ts";
import { createMailer, type Mailer, pendingMails } from "../platform/mail/outbox.ts";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
let tenantId: string;
beforeAll(async () => {
  startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  t = await buildTestApp({ publicUrl: "https://madoguchi.example.jp" });
  tenantId = (await buildTenant(t.database)).tenantId;
  smtp = await startSmtpServer();
  mailer = createMailer(t.database.db, smtp.url, "madoguchi@city.example.jp");
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

  it("keeps a notice in the outbox while the SMTP server is away, and sends it later", async () => {
    const away = createMailer(t.database.db, "smtp://127.0.0.1:9", "madoguchi@city.example.jp");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: {
        procedure: "ecert",
        start: "2026-08-05T10:00:00+09:00",
        nameKana: "スズキ",
        email: "suzuki@example.jp",
      },
    });
    expect(await away.flush()).toBe(0);
    away.close();
    const [waiting] = await pendingMails(t.database.db, tenantId);
    expect(waiting).toMatchObject({ attempts: 1, recipient: "suzuki@example.jp" });
    expect(await mailer.flush()).toBe(1);
    expect(smtp.received.at(-1)!.to).toEqual(["suzuki@example.jp"]);
  });
});
