import { systemActor } from "../platform/actor.ts";
import type { Db } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { DEMO_MANUAL, DEMO_MANUAL_TITLE } from "./demoManual.ts";
import { confirmVersion, writeVersion } from "./manual.ts";
import { newestConfirmed } from "./store.ts";

/** A demo tenant without a manual gets the demo manual, written and confirmed through the operations. */
export async function seedDemoManual(db: Db, tenantId: string): Promise<void> {
  if (await newestConfirmed(db, tenantId)) return;
  const seed = systemActor(tenantId, "seed");
  const { id } = await runOperation(db, seed, (ctx) =>
    writeVersion(ctx, { title: DEMO_MANUAL_TITLE, body: DEMO_MANUAL }),
  );
  await runOperation(db, seed, (ctx) => confirmVersion(ctx, { versionId: id }));
}
