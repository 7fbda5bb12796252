import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../src/server.ts";
import { buildTenant, buildTestApp, type TestApp } from "../factories.ts";

/** Issue 11, finding 9: headers, methods, stream caps and the documented error answers. */
let t: TestApp;
let tenantId: string;
let base: string;
beforeAll(async () => {
  t = await buildTestApp({ eventStreamsPerAddress: 3, eventStreamsPerProcess: 5 });
  tenantId = (await buildTenant(t.database)).tenantId;
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t.close());

describe("headers and methods", () => {
  it("sends a Content-Security-Policy that forbids framing, except on the embeddable congestion page", async () => {
    const api = await t.app.inject(`/api/v1/public/${tenantId}/procedures`);
    const csp = String(api.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(api.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
    const embed = await t.app.inject({
      url: `/congestion/${tenantId}?embed=1`,
      headers: { accept: "text/html" },
    });
    expect(String(embed.headers["content-security-policy"])).toContain("frame-ancestors *");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
  });

  it("serves the web app without source maps, under the policy", async () => {
    const assets = fs.readdirSync(path.join(WEB_DIST, "assets"));
    expect(assets.filter((f) => f.endsWith(".map"))).toEqual([]);
    const script = assets.find((f) => f.endsWith(".js"))!;
    const served = await t.app.inject(`/assets/${script}`);
    expect(served.statusCode).toBe(200);
    expect(served.body).not.toContain("sourceMappingURL");
    expect((await t.app.inject(`/assets/${script}.map`)).statusCode).toBe(404);
    const page = await t.app.inject({ url: "/", headers: { accept: "text/html" } });
    expect(String(page.headers["content-security-policy"])).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
  });

  it.each(["TRACE", "PROPFIND", "CONNECT"])("answers %s with 405", async (method) => {
    const response = await t.app.inject({ method: method as "GET", url: "/api/v1/auth/me" });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toContain("GET");
  });

  it("documents the 4xx answers of every operation", async () => {
    const doc = (await t.app.inject("/api/docs/json")).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    let operations = 0;
    for (const [url, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations++;
        const codes = Object.keys(operation.responses);
        expect(codes, `${method} ${url}`).toEqual(expect.arrayContaining(["400", "422", "429"]));
        if (!url.startsWith("/api/v1/public/") && url !== "/api/v1/auth/login") {
          expect(codes, `${method} ${url}`).toEqual(expect.arrayContaining(["401", "403"]));
        }
      }
    }
    expect(operations).toBeGreaterThan(80);
  });
});

/** Opens an event stream and resolves with its status once the head arrives; keeps it open. */
function openStream(path: string) {
  return new Promise<{ status: number; close: () => void }>((resolve, reject) => {
    const request = http.get(`${base}${path}`, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, close: () => request.destroy() });
    });
    request.on("error", reject);
  });
}

describe("event stream caps", () => {
  it("refuses streams beyond the per-address cap with a clear 429, and frees the place on close", async () => {
    const path = `/api/v1/public/${tenantId}/congestion/events`;
    const streams = [await openStream(path), await openStream(path), await openStream(path)];
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await t.app.inject({ url: path, remoteAddress: "127.0.0.1" });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe("too_many_streams");
    streams[0]!.close();
    await new Promise((r) => setTimeout(r, 100));
    const again = await openStream(path);
    expect(again.status).toBe(200);
    for (const s of [...streams.slice(1), again]) s.close();
  });
});
