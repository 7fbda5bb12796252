import { describe, expect, it } from "vitest";
import { type ActorRole, can, PERMISSIONS, type Permission, ROLES } from "./auth/permissions.ts";
import type { Ctx } from "./operation.ts";
import { mayAct, requireAccess } from "./operation.ts";

const ACTOR_ROLES: ActorRole[] = [...ROLES, "system", "citizen"];

/** requireAccess reads only the actor and the tenant: a context without a transaction will do. */
const ctxOf = (role: ActorRole, userId = "me"): Ctx =>
  ({ actor: { tenantId: "t1", userId, role }, tenantId: "t1" }) as unknown as Ctx;

describe("requireAccess: the permission table, for every operation whoever calls it", () => {
  it("allows exactly the roles the table names, for every permission and every actor role", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      for (const role of ACTOR_ROLES) {
        const allowed = (PERMISSIONS[permission] as readonly string[]).includes(role);
        const run = () => requireAccess(ctxOf(role), permission);
        if (allowed) expect(run, `${role} ${permission}`).not.toThrow();
        else
          expect(run, `${role} ${permission}`).toThrow(
            expect.objectContaining({ code: "forbidden" }),
          );
        expect(mayAct(ctxOf(role), permission)).toBe(allowed);
        expect(can(role, permission)).toBe(allowed);
      }
    }
  });

  it("refuses another tenant's resource whatever the role", () => {
    for (const role of ACTOR_ROLES)
      for (const permission of Object.keys(PERMISSIONS) as Permission[])
        if (can(role, permission))
          expect(() => requireAccess(ctxOf(role), permission, { tenantId: "t2" })).toThrow();
  });

  it("lets the owner act, and others only with the `otherwise` permission (the resource rules)", () => {
    const rules: [Permission, Permission][] = [
      ["queue.serve", "queue.intervene"],
      ["calendar.request", "calendar.withdraw_any"],
    ];
    for (const [permission, otherwise] of rules) {
      for (const role of ACTOR_ROLES) {
        if (!can(role, permission)) continue;
        expect(() =>
          requireAccess(ctxOf(role, "me"), permission, { ownerId: "me", otherwise }),
        ).not.toThrow();
        const other = () =>
          requireAccess(ctxOf(role, "me"), permission, { ownerId: "someone", otherwise });
        if (can(role, otherwise)) expect(other, `${role} ${otherwise}`).not.toThrow();
        else expect(other, `${role} ${otherwise}`).toThrow();
      }
    }
    // The leads step in at another counter; staff do not. The manager withdraws anyone's request.
    expect(can("deputy", "queue.intervene") && can("manager", "queue.intervene")).toBe(true);
    expect(can("staff", "queue.intervene")).toBe(false);
    expect(can("manager", "calendar.withdraw_any")).toBe(true);
    expect(can("deputy", "calendar.withdraw_any")).toBe(false);
  });

  it("never lets a role hand out a role above its own", () => {
    expect(can("contractor_admin", "role.assign_contractor")).toBe(true);
    expect(can("contractor_admin", "role.assign_admin")).toBe(false);
    expect(can("contractor_admin", "role.assign_city")).toBe(false);
    expect(can("admin", "role.assign_admin")).toBe(true);
    for (const role of ["staff", "deputy", "manager", "city", "kiosk", "board", "citizen"] as const)
      for (const p of ["role.assign_contractor", "role.assign_city", "role.assign_admin"] as const)
        expect(can(role, p), `${role} ${p}`).toBe(false);
  });
});
