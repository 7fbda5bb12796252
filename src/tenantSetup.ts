import { seedEquipment } from "./equipment/store.ts";
import { auditContext, systemActor } from "./platform/actor.ts";
import { recordAudit } from "./platform/audit/store.ts";
import type { Tx } from "./platform/db/index.ts";
import { insertTenant, type NewTenant, type Tenant } from "./platform/tenancy/store.ts";
import { seedCatalogue } from "./queue/store.ts";
import { seedDefaultCourses } from "./training/courses.ts";

/** A new tenant with what each domain starts it with (the equipment the city lends with its terminals, the procedure catalogue and counters, the default training courses). */
export async function setUpTenant(tx: Tx, input: NewTenant, by = "system"): Promise<Tenant> {
  const tenant = await insertTenant(tx, input);
  await seedEquipment(tx, tenant.tenantId);
  await seedCatalogue(tx, tenant.tenantId);
  await seedDefaultCourses(tx, tenant.tenantId);
  await recordAudit(tx, auditContext(systemActor(tenant.tenantId, by)), {
    action: "tenant.create",
    entity: "tenant",
    entityId: tenant.tenantId,
    change: input,
  });
  return tenant;
}
