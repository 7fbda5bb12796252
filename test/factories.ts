import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import type { LightMyRequestResponse } from "fastify";
import { auditContext, systemActor } from "../src/platform/actor.ts";
import { recordAudit } from "../src/platform/audit/store.ts";
import { hashPassword } from "../src/platform/auth/password.ts";
import { ROSTER_ROLES, type Role } from "../src/platform/auth/permissions.ts";
import { insertTenantGrant, insertUser, type User } from "../src/platform/auth/users.ts";
import { type Config, loadConfig } from "../src/platform/config.ts";
import { type Database, type Tx, transaction } from "../src/platform/db/index.ts";
import type { App } from "../src/platform/http/types.ts";
import { createLogger } from "../src/platform/logger.ts";
import { type Ctx, runOperation } from "../src/platform/operation.ts";
import type { Tenant } from "../src/platform/tenancy/store.ts";
import { DEMO_TENANT } from "../src/platform/tenancy/tenant.ts";
import { insertPerson, type Person } from "../src/roster/store.ts";
import { createApp } from "../src/server.ts";
import { setUpTenant } from "../src/tenantSetup.ts";
import { insertTrainingSession, listCourses } from "../src/training/store.ts";
import { createTestDatabase } from "./db.ts";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: "test" }), demoSkipRequiredTotp: true, ...overrides };
}

export async function buildTenant(
  database: Database,
  tenantId = `t-${randomUUID().slice(0, 8)}`,
): Promise<Tenant> {
  return transaction(database.db, (tx) => setUpTenant(tx, { ...DEMO_TENANT, tenantId }, "test"));
}

export async function buildUser(
  database: Database,
  tenantId: string,
  role: Role,
  username = `${role}-${randomUUID().slice(0, 6)}`,
): Promise<User> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  return transaction(database.db, async (tx) => {
    const user = await insertUser(tx, {
      tenantId,
      username,
      displayName: `試験 ${role}`,
      role,
      passwordHash: hash,
    });
    await recordAudit(tx, auditContext(systemActor(tenantId, "test")), {
      action: "user.create",
      entity: "user",
      entityId: user.userId,
    });
    // Staff, deputies and managers are people on the roster, trained, as in real use.
    if (ROSTER_ROLES.has(role)) await buildTrainedPerson(tx, tenantId, { userId: user.userId });
    return user;
  });
}

/** A new user of the role, signed in: each test's manager, city officer or clerk. */
export async function signedInAs(t: TestApp, tenantId: string, role: Role): Promise<Client> {
  return signInAs(t.app, tenantId, (await buildUser(t.database, tenantId, role)).username);
}

/** A person on the roster (from 2026-01-01) who has done every mandatory course. */
export async function buildTrainedPerson(
  tx: Tx,
  tenantId: string,
  overrides: Partial<Person> = {},
): Promise<Person> {
  const at = new Date();
  const person: Person = {
    tenantId,
    personId: randomUUID(),
    nameKanji: "試験 太郎",
    nameKana: "しけん たろう",
    employment: "fixed_term",
    startDate: "2026-01-01",
    endDate: null,
    contact: null,
    cardExperienceMonths: 12,
    municipalExperienceWhere: null,
    municipalExperienceMonths: null,
    certificateGrade: null,
    certificateDate: null,
    workRoles: ["counter", "phone", "back_office"],
    weeklyHourLimit: 40,
    availability: {},
    userId: null,
    designation: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
  await insertPerson(tx, person);
  for (const course of await listCourses(tx, tenantId)) {
    if (!course.mandatory) continue;
    await insertTrainingSession(
      tx,
      {
        tenantId,
        sessionId: randomUUID(),
        courseId: course.courseId,
        heldOn: "2026-01-01",
        materialVersion: course.materialVersion,
        instructor: "試験",
        recordedBy: "test",
        recordedAt: at,
      },
      [person.personId],
    );
  }
  return person;
}

export async function grantTenant(database: Database, tenantId: string, user: User) {
  await transaction(database.db, (tx) => insertTenantGrant(tx, tenantId, user));
}

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function buildTestApp(
  config: Partial<Config> = {},
  logs?: NodeJS.WritableStream,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const fullConfig = testConfig(config);
  const app = await createApp(database, fullConfig, createLogger(logs ? "info" : "silent", logs));
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in API client: keeps the cookie and sends the CSRF token on writes. */
export interface Client {
  csrfToken: string;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function signInAs(
  app: App,
  tenantId: string,
  username: string,
  totp?: string,
): Promise<Client> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { tenant: tenantId, username, password: TEST_PASSWORD, ...(totp ? { totp } : {}) },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "madoguchi_session")!;
  const csrfToken = response.json().csrfToken as string;
  return {
    csrfToken,
    cookie: `${cookie.name}=${cookie.value}`,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as "GET",
        url,
        headers: {
          cookie: `${cookie.name}=${cookie.value}`,
          "x-csrf-token": csrfToken,
          ...headers,
        },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** Runs an operation as a citizen on the public pages of a tenant. */
export function asCitizen<T>(database: Database, tenantId: string, op: (ctx: Ctx) => Promise<T>) {
  return runOperation(database.db, { tenantId, userId: "citizen", role: "citizen" }, op);
}

/** A log destination that keeps every line, for tests that read what was logged. */
export function logSink(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, sink };
}
