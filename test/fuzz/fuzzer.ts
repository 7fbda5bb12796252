import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { hashPassword } from "../../src/platform/auth/password.ts";
import { can } from "../../src/platform/auth/permissions.ts";
import { clearAccountThrottles } from "../../src/platform/auth/throttleStore.ts";
import { updateUser } from "../../src/platform/auth/users.ts";
import { transaction } from "../../src/platform/db/index.ts";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  logSink,
  TEST_PASSWORD,
  type TestApp,
} from "../factories.ts";
import {
  arbitraryFor,
  DOMAIN_STRINGS,
  type JsonSchema,
  LEAK,
  PLANTED_MY_NUMBERS,
} from "./arbitraries.ts";

/**
 * Walks every operation of the OpenAPI document and sends generated values — well-typed,
 * plausible, hostile and mistyped — with and without a session, then asserts: no 5xx, only
 * answers the document lists, every error in the documented shape, and no planted My Number in
 * any answer or log line.
 */
interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
  responses: string[];
}

export interface FuzzReport {
  operations: number;
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: string[];
  undocumented: string[];
  badErrorBodies: string[];
  leaks: string[];
}

const ROLES = ["admin", "manager", "staff", "city"] as const;
type Who = (typeof ROLES)[number] | "none";
interface Session {
  cookie: string;
  csrf: string;
}

const RAW_BODIES = [
  `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
  '{"a":',
  "not json",
  '{"__proto__":{"admin":true}}',
  `{"note":"${PLANTED_MY_NUMBERS[0]}"}`,
  "",
  "null",
  "[]",
];

function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (path.endsWith("/events")) continue; // event streams do not end; they have their own tests
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> })
        ?.content;
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Operation["parameters"]) ?? [],
        body: content?.["application/json"]?.schema,
        responses: Object.keys((op.responses as Record<string, unknown>) ?? {}),
      });
    }
  }
  return out;
}

/** Operations whose every call costs seconds (an optimiser run), fuzzed with fewer samples. */
const COSTLY = new Set(["POST /api/v1/staffing/plans"]);

export async function fuzzApi(options: { runs: number; seed: number }): Promise<FuzzReport> {
  const { lines, sink } = logSink();
  const t: TestApp = await buildTestApp({}, sink);
  const report: FuzzReport = {
    operations: 0,
    requests: 0,
    byStatus: {},
    serverErrors: [],
    undocumented: [],
    badErrorBodies: [],
    leaks: [],
  };
  try {
    const tenantId = (await buildTenant(t.database)).tenantId;
    const users = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (r) => [r, await buildUser(t.database, tenantId, r)] as const),
      ),
    );
    let address = 0;
    const nextAddress = () =>
      `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`;
    const sessions = new Map<Who, Session>();
    const signIn = async (who: (typeof ROLES)[number], restored = false): Promise<void> => {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: nextAddress(),
        payload: { tenant: tenantId, username: users[who]!.username, password: TEST_PASSWORD },
      });
      const cookie = r.cookies.find((c) => c.name === "madoguchi_session");
      if (!cookie && !restored) {
        // A fuzzed request reset this user's password, disabled or held it: put it back.
        const user = users[who]!;
        await transaction(t.database.db, async (tx) => {
          await updateUser(tx, tenantId, user.userId, {
            passwordHash: await hashPassword(TEST_PASSWORD),
            disabled: false,
            totpEnabled: false,
            totpSecret: null,
          });
          await clearAccountThrottles(tx, tenantId, user.username);
        });
        return signIn(who, true);
      }
      if (!cookie) throw new Error(`fuzz sign-in failed for ${who}: ${r.statusCode} ${r.body}`);
      sessions.set(who, { cookie: `${cookie.name}=${cookie.value}`, csrf: r.json().csrfToken });
    };
    for (const role of ROLES) await signIn(role);

    const procedures = (await t.app.inject(`/api/v1/public/${tenantId}/procedures`)).json() as {
      code: string;
    }[];
    const plausible = [
      ...DOMAIN_STRINGS,
      tenantId,
      ...procedures.map((p) => p.code),
      ...Object.values(users).map((u) => u.userId),
    ];
    const doc = (await t.app.inject("/api/docs/json")).json();
    const operations = operationsOf(doc);
    report.operations = operations.length;

    for (const [index, op] of operations.entries()) {
      // Mostly a role the route admits, so requests get past the guard to the operation.
      const route = t.app.routeTable.find(
        (r) => r.method === op.method && r.url === op.path.replace(/\{(\w+)\}/g, ":$1"),
      );
      const permission =
        route?.access && "permission" in route.access ? route.access.permission : undefined;
      const admitted = ROLES.filter((r) => !permission || can(r, permission));
      const model: Record<string, fc.Arbitrary<unknown>> = {
        who: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom<Who>(...(admitted.length ? admitted : ROLES)) },
          { weight: 1, arbitrary: fc.constantFrom<Who>("none", ...ROLES) },
        ),
        realTenant: fc.boolean(),
        raw: fc.oneof(
          { weight: 9, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
        ),
      };
      for (const p of op.parameters) model[`${p.in}:${p.name}`] = arbitraryFor(p.schema, plausible);
      if (op.body) {
        model.body = fc.oneof(
          arbitraryFor(op.body, plausible),
          arbitraryFor(op.body, plausible, 0, true),
        );
      }
      const samples = fc.sample(fc.record(model), {
        // A staffing plan is seconds of solving: a few samples show it answers hostile input.
        numRuns: COSTLY.has(`${op.method} ${op.path}`) ? Math.min(options.runs, 3) : options.runs,
        seed: options.seed + index,
      });
      for (const sample of samples) {
        const who = sample.who as Who;
        let url = op.path;
        const query = new URLSearchParams();
        for (const p of op.parameters) {
          const value = sample[`${p.in}:${p.name}`];
          if (value === undefined && !p.required) continue;
          const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
          if (p.in === "path") {
            const filled = p.name === "tenant" && sample.realTenant ? tenantId : text;
            url = url.replace(`{${p.name}}`, safeEncode(filled) || "x");
          } else if (p.in === "query") query.set(p.name, text);
        }
        const search = query.toString();
        const session = who === "none" ? undefined : sessions.get(who);
        const hasBody = op.body !== undefined || sample.raw !== undefined;
        const payload =
          sample.raw !== undefined ? (sample.raw as string) : JSON.stringify(sample.body ?? {});
        const response: LightMyRequestResponse = await t.app.inject({
          method: op.method as "GET",
          url: search ? `${url}?${search}` : url,
          remoteAddress: nextAddress(),
          headers: {
            ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
            ...(hasBody && op.method !== "GET" ? { "content-type": "application/json" } : {}),
          },
          ...(hasBody && op.method !== "GET" ? { payload } : {}),
        });
        report.requests++;
        const status = response.statusCode;
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        const label = `${op.method} ${op.path} → ${status}: ${response.body.slice(0, 200)}`;
        if (status >= 500) report.serverErrors.push(`${label} [${url}?${search}]`);
        else if (!op.responses.includes(String(status))) report.undocumented.push(label);
        if (status >= 400 && status < 500) {
          const body = safeJson(response.body);
          if (
            !body ||
            typeof body.code !== "string" ||
            typeof body.message !== "string" ||
            typeof body.messageEn !== "string"
          ) {
            report.badErrorBodies.push(label);
          }
        }
        if (LEAK.test(response.body)) report.leaks.push(`answer of ${label}`);
        // A fuzzed sign-out or password change ends a session: sign in again to keep going deep.
        if (session && status === 401 && who !== "none") await signIn(who);
      }
    }
    for (const line of lines) if (LEAK.test(line)) report.leaks.push(`log: ${line.slice(0, 300)}`);
  } finally {
    await t.close();
  }
  return report;
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A lone surrogate cannot be percent-encoded; it stands for the replacement character. */
function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%EF%BF%BD";
  }
}
