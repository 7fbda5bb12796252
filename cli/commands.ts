import os from "node:os";
import { parseArgs } from "node:util";
import { type Actor, systemActor } from "../src/platform/actor.ts";
import type { VerifyResult } from "../src/platform/audit/chain.ts";
import { auditedTenants, verifyAuditChain } from "../src/platform/audit/store.ts";
import {
  createUser,
  generatePassword,
  listUsers,
  publicUser,
  resetPassword,
} from "../src/platform/auth/accounts.ts";
import type { Role } from "../src/platform/auth/permissions.ts";
import { findUserByName } from "../src/platform/auth/users.ts";
import { restoreBackup, writeBackup } from "../src/platform/db/backup.ts";
import type { Database } from "../src/platform/db/index.ts";
import { type Ctx, runOperation } from "../src/platform/operation.ts";
import { findTenant } from "../src/platform/tenancy/store.ts";
import { createAccountFor } from "../src/roster/accounts.ts";

/** What a command prints and its exit code; commands never call process.exit themselves. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export const cliActor = (tenantId: string): Actor =>
  systemActor(tenantId, `cli:${os.userInfo().username}`);

type Flags = Record<string, string | boolean | undefined>;

function optional(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
}

function need(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

export function parse(argv: string[], options: Record<string, { type: "string" | "boolean" }>) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

async function requireTenant(database: Database, tenantId: string) {
  if (!(await findTenant(database.db, tenantId)))
    throw new UsageError(`no such tenant: ${tenantId}`);
}

export async function userCommand(database: Database, argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    username: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    person: { type: "string" },
    json: { type: "boolean" },
  });
  const sub = positionals[0];
  const tenantId = need(values, "tenant");
  await requireTenant(database, tenantId);
  const run = <T>(op: (ctx: Ctx) => Promise<T>) =>
    runOperation(database.db, cliActor(tenantId), op);
  if (sub === "list") {
    // Names are personal data: the CLI's read is audited like the API's.
    const users = (await run(listUsers)).map(publicUser);
    if (values.json) io.out(JSON.stringify(users, null, 2));
    else
      for (const u of users)
        io.out(
          `${u.username.padEnd(20)} ${u.role.padEnd(17)} ${u.displayName}${u.locked ? "  (locked)" : ""}`,
        );
    return 0;
  }
  if (sub === "create") {
    const password = optional(values, "password") ?? generatePassword();
    const person = optional(values, "person");
    const role = need(values, "role");
    const username = need(values, "username");
    const user = await run((ctx) =>
      person
        ? createAccountFor(ctx, { personId: person, username, role: role as Role, password })
        : createUser(ctx, {
            username,
            role,
            displayName: optional(values, "name") ?? username,
            password,
          }),
    );
    io.out(`created ${user.username} (${user.role}) in ${tenantId}`);
    if (!values.password) io.out(`password: ${password}`);
    return 0;
  }
  if (sub === "passwd") {
    const user = await findUserByName(database.db, tenantId, need(values, "username"));
    if (!user) throw new UsageError(`no such user in ${tenantId}`);
    const password = optional(values, "password") ?? generatePassword();
    await run((ctx) => resetPassword(ctx, { userId: user.userId, password }));
    io.out(`password of ${user.username} set; their sessions are signed out`);
    if (!values.password) io.out(`password: ${password}`);
    return 0;
  }
  throw new UsageError("usage: madoguchi user create|passwd|list --tenant T ...");
}

export async function auditCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals[0] !== "verify")
    throw new UsageError("usage: madoguchi audit verify [--tenant X] [--json]");
  const tenant = optional(values, "tenant");
  const tenants = tenant ? [tenant] : await auditedTenants(database.db);
  const results: VerifyResult[] = [];
  for (const tenantId of tenants) results.push(await verifyAuditChain(database.db, tenantId));
  const ok = results.every((r) => r.ok);
  if (values.json) {
    io.out(
      JSON.stringify(
        { ok, count: results.reduce((n, r) => n + r.count, 0), tenants: results },
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      io.out(
        r.ok
          ? `${r.tenantId}: intact, ${r.count} events`
          : `${r.tenantId}: BROKEN at event ${r.brokenAtSeq} (${r.reason}), ${r.count} events read`,
      );
    }
  }
  return ok ? 0 : 1;
}

export async function backupCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values } = parse(argv, { out: { type: "string" } });
  const file = need(values, "out");
  const { tables, rows } = await writeBackup(database, file, cliActor("-").userId);
  io.out(`backup written to ${file}: ${tables} tables, ${rows} rows`);
  return 0;
}

export async function restoreCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { positionals } = parse(argv, {});
  const file = positionals[0];
  if (!file) throw new UsageError("usage: madoguchi restore FILE");
  const { rows } = await restoreBackup(database, file, cliActor("-").userId);
  io.out(`restored ${rows} rows from ${file}; audit chains verified`);
  return 0;
}
