import { DEMO_TERMS } from "../payments/amounts.ts";
import { findTerms, saveTerms } from "../payments/store.ts";
import { auditContext, systemActor } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { generatePassword } from "../platform/auth/accounts.ts";
import { hashPassword } from "../platform/auth/password.ts";
import type { Role } from "../platform/auth/permissions.ts";
import { insertTenantGrant, insertUser, listUsersOf } from "../platform/auth/users.ts";
import { now } from "../platform/clock.ts";
import { type Db, transaction } from "../platform/db/index.ts";
import { countTenants, findTenant } from "../platform/tenancy/store.ts";
import { DEMO_TENANT } from "../platform/tenancy/tenant.ts";
import { DEFAULT_RESERVATION_SETTINGS, DEMO_RESERVATION_PLACE } from "../reservations/slots.ts";
import { saveReservationSettings } from "../reservations/store.ts";
import { setUpTenant } from "../tenantSetup.ts";
import { seedDefaultCourses } from "../training/courses.ts";
import { seedDemoRoster } from "./roster.ts";

/** One user per role, named after it, plus the kiosk and the display board. All fictitious. */
export const DEMO_USERS: { username: string; role: Role; displayName: string }[] = [
  { username: "staff", role: "staff", displayName: "窓口 花子" },
  { username: "deputy", role: "deputy", displayName: "副管理 次郎" },
  { username: "manager", role: "manager", displayName: "管理 一郎" },
  { username: "city", role: "city", displayName: "市民課 三郎" },
  { username: "contractor_admin", role: "contractor_admin", displayName: "本社 四郎" },
  { username: "admin", role: "admin", displayName: "システム 管理者" },
  { username: "kiosk", role: "kiosk", displayName: "発券機 1" },
  { username: "board", role: "board", displayName: "呼出表示盤 1" },
];

/** A second tenant for training (研修用), held by the contractor's head office next to the real one. */
export const TRAINING_TENANT = {
  ...DEMO_TENANT,
  tenantId: "nagaoka-training",
  nameJa: "長岡市 マイナンバーカード専用窓口（研修用）",
  nameEn: "Nagaoka City My Number Card Counter (training)",
};

export interface SeedResult {
  created: boolean;
  /** Set when the password was generated here and must be shown once. */
  generatedPassword?: string;
}

/**
 * On an empty database: the demo tenant, its training twin and the demo users, in one
 * transaction, so a crash during the first start leaves nothing half-made.
 */
export async function seedDemoIfEmpty(db: Db, password: string | undefined): Promise<SeedResult> {
  if ((await countTenants(db)) > 0) return { created: false };
  const secret = password ?? generatePassword();
  const passwordHash = await hashPassword(secret);
  const created = await transaction(db, async (tx) => {
    if ((await countTenants(tx)) > 0) return false;
    for (const tenant of [DEMO_TENANT, TRAINING_TENANT]) {
      await setUpTenant(tx, tenant, "seed");
      await saveReservationSettings(
        tx,
        tenant.tenantId,
        { ...DEFAULT_RESERVATION_SETTINGS, ...DEMO_RESERVATION_PLACE },
        "seed",
        now(),
      );
      const usersByName = new Map<string, string>();
      for (const demo of DEMO_USERS) {
        if (tenant === TRAINING_TENANT && demo.role === "contractor_admin") continue;
        const user = await insertUser(tx, { tenantId: tenant.tenantId, ...demo, passwordHash });
        await recordAudit(tx, auditContext(systemActor(tenant.tenantId, "seed")), {
          action: "user.create",
          entity: "user",
          entityId: user.userId,
          change: { username: demo.username, role: demo.role },
        });
        usersByName.set(demo.username, user.userId);
        if (demo.role === "contractor_admin") {
          await insertTenantGrant(tx, TRAINING_TENANT.tenantId, user);
        }
      }
      await seedDemoRoster(tx, tenant.tenantId, usersByName);
      await saveTerms(tx, {
        tenantId: tenant.tenantId,
        terms: DEMO_TERMS,
        updatedBy: "seed",
        updatedAt: now(),
      });
    }
    return true;
  });
  return created && !password ? { created, generatedPassword: secret } : { created };
}

/**
 * Data made before the roster existed: each demo tenant without a roster gets the demo roster,
 * linked to its demo users, so `staff`, `deputy` and `manager` can still open counters.
 */
export async function seedDemoRosterIfMissing(db: Db): Promise<void> {
  for (const tenant of [DEMO_TENANT, TRAINING_TENANT]) {
    await transaction(db, async (tx) => {
      if (!(await findTenant(tx, tenant.tenantId))) return;
      await seedDefaultCourses(tx, tenant.tenantId);
      const users = await listUsersOf(tx, tenant.tenantId);
      const usersByName = new Map(users.map((u) => [u.username, u.userId]));
      await seedDemoRoster(tx, tenant.tenantId, usersByName);
      // Data made before payments existed: the demo contract's terms.
      if (!(await findTerms(tx, tenant.tenantId)))
        await saveTerms(tx, {
          tenantId: tenant.tenantId,
          terms: DEMO_TERMS,
          updatedBy: "seed",
          updatedAt: now(),
        });
    });
  }
}
