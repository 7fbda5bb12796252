import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  logSink,
  signInAs,
  TEST_PASSWORD,
  type TestApp,
} from "../../../test/factories.ts";
import { listAuditEvents } from "../audit/store.ts";
import { now, startClockAt } from "../clock.ts";
import { IDLE_TIMEOUT_MS } from "./sessions.ts";
import { THROTTLE_RULES } from "./throttle.ts";
import { totpCode } from "./totp.ts";

const { lines: logs, sink } = logSink();

let t: TestApp;
let strict: TestApp;
let tenantId: string;
beforeAll(async () => {
  t = await buildTestApp({}, sink);
  strict = await buildTestApp({ demoSkipRequiredTotp: false });
  tenantId = (await buildTenant(t.database)).tenantId;
});
afterAll(async () => {
  await t.close();
  await strict.close();
});

const login = (
  app: TestApp,
  tenant: string,
  username: string,
  password = TEST_PASSWORD,
  totp?: string,
) =>
  app.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { tenant, username, password, ...(totp ? { totp } : {}) },
  });

describe("sign-in", () => {
  it("signs in, tells who is signed in, and signs out", async () => {
    const user = await buildUser(t.database, tenantId, "staff");
    const client = await signInAs(t.app, tenantId, user.username);
    const me = await client.request("GET", "/api/v1/auth/me");
    expect(me.json()).toMatchObject({
      user: { username: user.username, role: "staff" },
      tenant: { tenantId },
      restriction: null,
    });
    expect(JSON.stringify(me.json())).not.toMatch(/passwordHash|totpSecret/);
    expect((await client.request("POST", "/api/v1/auth/logout")).statusCode).toBe(200);
    expect((await client.request("GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    const user = await buildUser(t.database, tenantId, "staff");
    const wrong = await login(t, tenantId, user.username, "wrong password");
    const unknown = await login(t, tenantId, "nobody-here");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
  });

  it("holds up an address after its free failures, even for the right password, not the owner elsewhere", async () => {
    const free = THROTTLE_RULES.account_address.freeFailures;
    const user = await buildUser(t.database, tenantId, "staff");
    const from = (remoteAddress: string, password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress,
        payload: { tenant: tenantId, username: user.username, password },
      });
    for (let i = 0; i <= free; i++) {
      expect((await from("198.51.100.7", `wrong ${i}`)).statusCode).toBe(401);
    }
    const held = await from("198.51.100.7", TEST_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ code: "too_many_attempts", retryAfterSeconds: 60 });
    expect((await from("203.0.113.9", TEST_PASSWORD)).statusCode).toBe(200);
    const events = await listAuditEvents(t.database.db, tenantId, {
      limit: 50,
      actorId: user.userId,
    });
    expect(events.filter((e) => e.action === "auth.sign_in_failed")).toHaveLength(free + 1);
  });

  it("counts concurrent failures without losing any", async () => {
    const free = THROTTLE_RULES.account_address.freeFailures;
    const user = await buildUser(t.database, tenantId, "staff");
    await Promise.all(
      Array.from({ length: free + 1 }, (_, i) =>
        t.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          remoteAddress: "198.51.100.8",
          payload: { tenant: tenantId, username: user.username, password: `bad ${i}` },
        }),
      ),
    );
    const next = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "198.51.100.8",
      payload: { tenant: tenantId, username: user.username, password: TEST_PASSWORD },
    });
    expect(next.statusCode).toBe(429);
  });
});

describe("second factor", () => {
  it("makes a manager enrol TOTP before anything else, then requires the code", async () => {
    const strictTenant = (await buildTenant(strict.database)).tenantId;
    const manager = await buildUser(strict.database, strictTenant, "manager");
    const client = await signInAs(strict.app, strictTenant, manager.username);
    expect((await client.request("GET", "/api/v1/auth/me")).json().restriction).toBe(
      "totp_enrollment",
    );
    const blocked = await client.request("GET", "/api/v1/tenant");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("totp_enrollment_required");

    const setup = await client.request("POST", "/api/v1/auth/totp/setup", {
      password: TEST_PASSWORD,
    });
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(
      (await client.request("POST", "/api/v1/auth/totp/confirm", { code: "000000" })).json().code,
    ).toBe("totp_invalid");
    const code = totpCode(secret, now());
    expect((await client.request("POST", "/api/v1/auth/totp/confirm", { code })).statusCode).toBe(
      200,
    );
    expect((await client.request("GET", "/api/v1/tenant")).statusCode).toBe(200);

    const noCode = await login(strict, strictTenant, manager.username);
    expect(noCode.json().code).toBe("totp_required");
    // The code used to confirm was spent; the next step's code is the one an app shows next.
    const next = totpCode(secret, new Date(now().getTime() + 30_000));
    expect(
      (await login(strict, strictTenant, manager.username, TEST_PASSWORD, next)).statusCode,
    ).toBe(200);
    expect(
      (await login(strict, strictTenant, manager.username, TEST_PASSWORD, next)).json().code,
    ).toBe("totp_invalid");
  });

  it("does not restrict staff, for whom TOTP is optional", async () => {
    const strictTenant = (await buildTenant(strict.database)).tenantId;
    const staff = await buildUser(strict.database, strictTenant, "staff");
    const client = await signInAs(strict.app, strictTenant, staff.username);
    expect((await client.request("GET", "/api/v1/tenant")).statusCode).toBe(200);
  });
});

describe("My Number guard on requests", () => {
  it("refuses a nested field carrying one with 422, names the field, and never logs the value", async () => {
    const admin = await buildUser(t.database, tenantId, "admin");
    const client = await signInAs(t.app, tenantId, admin.username);
    logs.length = 0;
    const response = await client.request("POST", "/api/v1/users", {
      username: "someone",
      displayName: "試験",
      role: "staff",
      password: "long enough pw",
      profile: { notes: ["電話で確認", "番号 1234-5678-9018 を聞いた"] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: "my_number_detected",
      field: "body.profile.notes[1]",
    });
    expect(response.json().message).toContain("個人番号");
    expect(response.json().messageEn).toContain("My Number");
    expect(response.body).not.toContain("9018");

    const inQuery = await client.request(
      "GET",
      "/api/v1/audit/events?action=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96%EF%BC%97%EF%BC%98%EF%BC%99%EF%BC%90%EF%BC%91%EF%BC%98",
    );
    expect(inQuery.statusCode).toBe(422);
    expect(inQuery.json().field).toBe("query.action");

    const badJson = await client.request(
      "POST",
      "/api/v1/users",
      '{"displayName": "123456789018", broken',
      { "content-type": "application/json" },
    );
    expect(badJson.statusCode).toBe(400);
    expect(badJson.body).not.toContain("123456789018");

    const all = logs.join("");
    expect(all).toContain("incoming request");
    // Not a bare /9018/: a random request id (e.g. 3901820d-…) may hold those digits.
    expect(all).not.toMatch(/5678-9018|56789018|１２３４/);
    expect(all).not.toContain("123456789018");
  });
});

describe("health", () => {
  it("answers /healthz and /readyz", async () => {
    expect((await t.app.inject("/healthz")).json()).toEqual({ status: "up" });
    expect((await t.app.inject("/readyz")).json()).toMatchObject({ status: "ready" });
  });

  it("serves the OpenAPI document", async () => {
    const doc = (await t.app.inject("/api/docs/json")).json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toContain("/api/v1/auth/login");
  });
});

describe("rate limit and session lifetime", () => {
  it("refuses sign-in attempts from one address beyond the limit with 429", async () => {
    const limited = await buildTestApp({ signInAttemptsPerMinute: 3 });
    try {
      const tenant = (await buildTenant(limited.database)).tenantId;
      const user = await buildUser(limited.database, tenant, "staff");
      const codes = [];
      for (let i = 0; i < 5; i++)
        codes.push((await login(limited, tenant, user.username)).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect((await login(limited, tenant, user.username)).json().code).toBe("too_many_attempts");
    } finally {
      await limited.close();
    }
  });

  it("ends a person's session after two idle hours, but not a display board's", async () => {
    const staff = await buildUser(t.database, tenantId, "staff");
    const board = await buildUser(t.database, tenantId, "board");
    const staffClient = await signInAs(t.app, tenantId, staff.username);
    const boardClient = await signInAs(t.app, tenantId, board.username);
    startClockAt(new Date(Date.now() + IDLE_TIMEOUT_MS + 60_000));
    try {
      expect((await staffClient.request("GET", "/api/v1/auth/me")).statusCode).toBe(401);
      expect((await boardClient.request("GET", "/api/v1/auth/me")).statusCode).toBe(200);
    } finally {
      startClockAt(undefined);
    }
  });
});
