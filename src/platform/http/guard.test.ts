import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  grantTenant,
  signInAs,
  type TestApp,
} from "../../../test/factories.ts";
import { PERMISSIONS, ROLES } from "../auth/permissions.ts";

let t: TestApp;
let home: string;
let other: string;
beforeAll(async () => {
  t = await buildTestApp();
  home = (await buildTenant(t.database)).tenantId;
  other = (await buildTenant(t.database)).tenantId;
});
afterAll(async () => {
  await t.close();
});

/** A concrete URL for a route pattern: path parameters filled with plausible values. */
function concrete(url: string, tenantId: string): string {
  return url.replace(":tenant", tenantId).replace(/:([A-Za-z]+)/g, () => randomUUID());
}

const apiRoutes = () =>
  t.app.routeTable.filter((r) => r.url.startsWith("/api/v1/") && r.method !== "HEAD");
const guarded = () => apiRoutes().filter((r) => r.access && !("public" in r.access));

describe("authorisation, route by route", () => {
  it("every API route declares its access, and most need a session", () => {
    expect(apiRoutes().length).toBeGreaterThan(10);
    for (const route of apiRoutes())
      expect(route.access, `${route.method} ${route.url}`).toBeDefined();
    const open = apiRoutes()
      .filter((r) => r.access && "public" in r.access)
      .map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([
      "DELETE /api/v1/public/:tenant/reservations/:token",
      "DELETE /api/v1/public/:tenant/tickets/:token/notices/:channel",
      "GET /api/v1/public/:tenant/calendar",
      "GET /api/v1/public/:tenant/calendar.ics",
      "GET /api/v1/public/:tenant/congestion",
      "GET /api/v1/public/:tenant/congestion/events",
      "GET /api/v1/public/:tenant/procedures",
      "GET /api/v1/public/:tenant/reservations/:token",
      "GET /api/v1/public/:tenant/slots",
      "GET /api/v1/public/:tenant/tickets/:token",
      "GET /api/v1/public/:tenant/tickets/:token/events",
      "GET /api/v1/public/:tenant/tickets/:token/notices",
      "GET /api/v1/public/:tenant/visit",
      "PATCH /api/v1/public/:tenant/reservations/:token",
      "POST /api/v1/auth/login",
      "POST /api/v1/public/:tenant/reservations",
      "POST /api/v1/public/:tenant/tickets/:token/notices",
    ]);
  });

  it("refuses every guarded route without a session (401)", async () => {
    for (const route of guarded()) {
      const response = await t.app.inject({
        method: route.method as "GET",
        url: concrete(route.url, home),
        payload: route.method === "GET" ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().code).toBe("unauthenticated");
    }
  });

  it("refuses every guarded route to a user of another tenant (403), whatever the role", async () => {
    for (const role of ["admin", "contractor_admin", "city", "manager"] as const) {
      const stranger = await buildUser(t.database, other, role);
      const client = await signInAs(t.app, other, stranger.username);
      for (const route of guarded()) {
        const response = await client.request(
          route.method,
          concrete(route.url, home),
          route.method === "GET" ? undefined : {},
          { "x-tenant": home },
        );
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(response.json().code).toBe("tenant_forbidden");
      }
    }
  });

  it("refuses every guarded route to a role without its permission (403)", async () => {
    const clients = new Map<string, Awaited<ReturnType<typeof signInAs>>>();
    for (const role of ROLES) {
      const user = await buildUser(t.database, home, role);
      clients.set(role, await signInAs(t.app, home, user.username));
    }
    let refusals = 0;
    for (const route of guarded()) {
      const access = route.access as { permission: keyof typeof PERMISSIONS };
      const allowed = PERMISSIONS[access.permission] as readonly string[];
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const response = await clients
          .get(role)!
          .request(
            route.method,
            concrete(route.url, home),
            route.method === "GET" ? undefined : {},
          );
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(response.json().code).toBe("forbidden");
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(20);
  });

  it("lets a contractor_admin act in a granted tenant, and only there", async () => {
    const head = await buildUser(t.database, other, "contractor_admin");
    await grantTenant(t.database, home, head);
    const client = await signInAs(t.app, other, head.username);
    const granted = await client.request("GET", "/api/v1/tenant", undefined, { "x-tenant": home });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().tenantId).toBe(home);
    const third = (await buildTenant(t.database)).tenantId;
    expect(
      (await client.request("GET", "/api/v1/tenant", undefined, { "x-tenant": third })).statusCode,
    ).toBe(403);
    expect(
      (await client.request("POST", "/api/v1/auth/switch-tenant", { tenant: third })).statusCode,
    ).toBe(403);
    expect(
      (await client.request("POST", "/api/v1/auth/switch-tenant", { tenant: home })).statusCode,
    ).toBe(200);
    expect((await client.request("GET", "/api/v1/tenant")).json().tenantId).toBe(home);
  });
});

describe("CSRF", () => {
  it("refuses a write without the token or with a wrong one, and accepts the right one", async () => {
    const admin = await buildUser(t.database, home, "admin");
    const client = await signInAs(t.app, home, admin.username);
    const body = {
      username: `u${Date.now()}`,
      displayName: "試験",
      role: "kiosk",
      password: "long enough pw",
    };
    const without = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { cookie: client.cookie },
      payload: body,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("csrf_failed");
    const wrong = await client.request("POST", "/api/v1/users", body, {
      "x-csrf-token": "x".repeat(32),
    });
    expect(wrong.json().code).toBe("csrf_failed");
    const right = await client.request("POST", "/api/v1/users", body);
    expect(right.statusCode).toBe(201);
  });

  it("sets an HttpOnly, SameSite=Strict session cookie", async () => {
    const user = await buildUser(t.database, home, "staff");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { tenant: home, username: user.username, password: "correct horse battery" },
    });
    const cookie = response.cookies.find((c) => c.name === "madoguchi_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
  });
});
