import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../src/platform/audit/store.ts";
import { THROTTLE_RULES } from "../../src/platform/auth/throttle.ts";
import { totpCode } from "../../src/platform/auth/totp.ts";
import { now, startClockAt } from "../../src/platform/clock.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { createApp } from "../../src/server.ts";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  TEST_PASSWORD,
  type TestApp,
  testConfig,
} from "../factories.ts";

/** Issue 11, findings 4, 5 and 6: limits that protect the owner, and a second factor kept. */
let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

let address = 0;
const freshAddress = () => `198.18.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
const login = (
  username: string,
  password: string,
  remoteAddress: string,
  extra: { totp?: string; cookie?: string } = {},
) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress,
    headers: extra.cookie ? { cookie: extra.cookie } : {},
    payload: { tenant: tenantId, username, password, ...(extra.totp ? { totp: extra.totp } : {}) },
  });

describe("sign-in limits that cannot be turned against the owner", () => {
  it("six failures from one address leave the owner able to sign in from another", async () => {
    const owner = await buildUser(t.database, tenantId, "city");
    const attacker = freshAddress();
    for (let i = 0; i < 6; i++) await login(owner.username, `guess ${i}`, attacker);
    expect((await login(owner.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
    expect((await login(owner.username, TEST_PASSWORD, freshAddress())).statusCode).toBe(200);
  });

  it("answers a known and an unknown username alike, before and after the limit", async () => {
    const known = await buildUser(t.database, tenantId, "staff");
    const attacker = freshAddress();
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await login(username, `guess ${i}`, attacker);
        out.push(`${r.statusCode} ${r.json().code}`);
      }
      return out;
    };
    const forKnown = await answers(known.username);
    const forUnknown = await answers("nobody-by-this-name");
    expect(forKnown).toEqual(forUnknown);
    expect(forKnown.at(-1)).toBe("429 too_many_attempts");
  });

  it("holds up a username guessed from many addresses, but not on the owner's known browser", async () => {
    const owner = await buildUser(t.database, tenantId, "staff");
    const first = await login(owner.username, TEST_PASSWORD, freshAddress());
    const device = first.cookies.find((c) => c.name === "madoguchi_device")!;
    expect(device.httpOnly).toBe(true);
    for (let i = 0; i <= THROTTLE_RULES.account.freeFailures; i++) {
      expect((await login(owner.username, `spray ${i}`, freshAddress())).statusCode).toBe(401);
    }
    expect((await login(owner.username, TEST_PASSWORD, freshAddress())).statusCode).toBe(429);
    const home = await login(owner.username, TEST_PASSWORD, freshAddress(), {
      cookie: `madoguchi_device=${device.value}`,
    });
    expect(home.statusCode).toBe(200);
    // The owner's success lifts the account-wide delay.
    expect((await login(owner.username, TEST_PASSWORD, freshAddress())).statusCode).toBe(200);
    const events = await listAuditEvents(t.database.db, tenantId, {
      limit: 100,
      actorId: owner.userId,
    });
    expect(events.map((e) => e.action)).toContain("auth.throttled");
  });

  it("keeps the counts in the database, so a second server process sees them", async () => {
    const other = await createApp(t.database, testConfig(), createLogger("silent"));
    try {
      const owner = await buildUser(t.database, tenantId, "staff");
      const attacker = freshAddress();
      for (let i = 0; i < 6; i++) await login(owner.username, `guess ${i}`, attacker);
      const elsewhere = await other.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: attacker,
        payload: { tenant: tenantId, username: owner.username, password: TEST_PASSWORD },
      });
      expect(elsewhere.statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it("lets an administrator lift an account-wide delay", async () => {
    const owner = await buildUser(t.database, tenantId, "staff");
    for (let i = 0; i <= THROTTLE_RULES.account.freeFailures; i++) {
      await login(owner.username, `spray ${i}`, freshAddress());
    }
    const admin = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "admin")).username,
    );
    const listed = (await admin.request("GET", "/api/v1/users")).json() as Array<{
      userId: string;
      locked: boolean;
    }>;
    expect(listed.find((u) => u.userId === owner.userId)?.locked).toBe(true);
    expect((await admin.request("POST", `/api/v1/users/${owner.userId}/unlock`)).statusCode).toBe(
      200,
    );
    expect((await login(owner.username, TEST_PASSWORD, freshAddress())).statusCode).toBe(200);
  });
});

async function enrolled(): Promise<{ client: Client; secret: string; username: string }> {
  const user = await buildUser(t.database, tenantId, "staff");
  const client = await signInAs(t.app, tenantId, user.username);
  const setup = await client.request("POST", "/api/v1/auth/totp/setup", {
    password: TEST_PASSWORD,
  });
  const { secret } = setup.json();
  const confirm = await client.request("POST", "/api/v1/auth/totp/confirm", {
    code: totpCode(secret, now()),
  });
  expect(confirm.statusCode).toBe(200);
  return { client, secret, username: user.username };
}
const codeAt = (secret: string, steps: number) =>
  totpCode(secret, new Date(now().getTime() + steps * 30_000));

describe("the second factor is changed only with proof", () => {
  it("does not switch TOTP off when enrolment starts again without the password and a code", async () => {
    const { client, secret, username } = await enrolled();
    expect((await client.request("POST", "/api/v1/auth/totp/setup")).statusCode).toBe(400);
    const noCode = await client.request("POST", "/api/v1/auth/totp/setup", {
      password: TEST_PASSWORD,
    });
    expect(noCode.json().code).toBe("totp_invalid");
    const wrongPassword = await client.request("POST", "/api/v1/auth/totp/setup", {
      password: "not the password",
      code: codeAt(secret, 1),
    });
    expect(wrongPassword.json().code).toBe("wrong_password");
    expect((await client.request("GET", "/api/v1/auth/me")).json().user.totpEnabled).toBe(true);
    expect((await login(username, TEST_PASSWORD, freshAddress())).json().code).toBe(
      "totp_required",
    );

    // With proof, a new secret is pending; the old one stays in force until the new is confirmed.
    const again = await client.request("POST", "/api/v1/auth/totp/setup", {
      password: TEST_PASSWORD,
      code: codeAt(secret, 1),
    });
    expect(again.statusCode).toBe(200);
    // A minute later (the codes above are spent), the old factor still signs in.
    startClockAt(new Date(now().getTime() + 60_000));
    const withOld = await login(username, TEST_PASSWORD, freshAddress(), {
      totp: codeAt(secret, 0),
    });
    expect(withOld.statusCode, withOld.body).toBe(200);
  });

  it("removes TOTP only with the password and a current code, and never for a role that needs it", async () => {
    const { client, secret } = await enrolled();
    const bare = await client.request("DELETE", "/api/v1/auth/totp", { password: TEST_PASSWORD });
    expect(bare.json().code).toBe("totp_invalid");
    const proved = await client.request("DELETE", "/api/v1/auth/totp", {
      password: TEST_PASSWORD,
      code: codeAt(secret, 1),
    });
    expect(proved.statusCode).toBe(200);
    expect((await client.request("GET", "/api/v1/auth/me")).json().user.totpEnabled).toBe(false);

    const manager = await buildUser(t.database, tenantId, "manager");
    const managerClient = await signInAs(t.app, tenantId, manager.username);
    const refused = await managerClient.request("DELETE", "/api/v1/auth/totp", {
      password: TEST_PASSWORD,
    });
    expect(refused.json().code).toBe("totp_required_for_role");
  });

  it("lets an administrator remove a lost factor: audited, signed out, told at the next sign-in", async () => {
    const { client, username } = await enrolled();
    const me = (await client.request("GET", "/api/v1/auth/me")).json();
    const admin = await signInAs(
      t.app,
      tenantId,
      (await buildUser(t.database, tenantId, "admin")).username,
    );
    const reset = await admin.request("POST", `/api/v1/users/${me.user.userId}/totp/reset`);
    expect(reset.statusCode).toBe(200);
    expect((await client.request("GET", "/api/v1/auth/me")).statusCode).toBe(401);
    const again = await signInAs(t.app, tenantId, username);
    const after = (await again.request("GET", "/api/v1/auth/me")).json();
    expect(after.user.totpEnabled).toBe(false);
    expect(after.totpReset).toMatchObject({ by: expect.stringContaining("admin") });
    const events = await listAuditEvents(t.database.db, tenantId, {
      limit: 50,
      action: "user.totp_reset",
    });
    expect(events.some((e) => e.entityId === me.user.userId)).toBe(true);
  });
});

describe("guessing after sign-in is limited too", () => {
  it("stops wrong current passwords after the free failures", async () => {
    const user = await buildUser(t.database, tenantId, "staff");
    const client = await signInAs(t.app, tenantId, user.username);
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await client.request("POST", "/api/v1/auth/password", {
        current: `guess ${i}`,
        next: "a new long password",
      });
      codes.push(r.statusCode);
    }
    const free = THROTTLE_RULES.reauth.freeFailures;
    expect(codes.filter((c) => c === 422)).toHaveLength(free + 1);
    expect(codes.slice(free + 1).every((c) => c === 429)).toBe(true);
    const right = await client.request("POST", "/api/v1/auth/password", {
      current: TEST_PASSWORD,
      next: "a new long password",
    });
    expect(right.statusCode).toBe(429);
  });

  it("stops wrong enrolment codes after the free failures", async () => {
    const user = await buildUser(t.database, tenantId, "staff");
    const client = await signInAs(t.app, tenantId, user.username);
    await client.request("POST", "/api/v1/auth/totp/setup", { password: TEST_PASSWORD });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await client.request("POST", "/api/v1/auth/totp/confirm", { code: String(100000 + i) }))
          .statusCode,
      );
    }
    expect(codes.at(-1)).toBe(429);
  });
});
