import { and, asc, desc, eq, getTableColumns } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { disclosureFiles, disclosures } from "./schema.ts";

export type Disclosure = typeof disclosures.$inferSelect;
export type DisclosureFile = typeof disclosureFiles.$inferSelect;

export async function insertDisclosure(tx: Tx, row: Disclosure, files: DisclosureFile[]) {
  await tx.insert(disclosures).values(row);
  await tx.insert(disclosureFiles).values(files);
}

const { bytes: _, ...fileColumns } = getTableColumns(disclosureFiles);

/** The records, newest first, with their files described (not their bytes). */
export async function listDisclosures(db: Executor, tenantId: string, disclosureId?: string) {
  const rows = await db
    .select()
    .from(disclosures)
    .where(
      and(
        eq(disclosures.tenantId, tenantId),
        disclosureId ? eq(disclosures.disclosureId, disclosureId) : undefined,
      ),
    )
    .orderBy(desc(disclosures.madeAt))
    .limit(500);
  const files = await db
    .select(fileColumns)
    .from(disclosureFiles)
    .where(
      and(
        eq(disclosureFiles.tenantId, tenantId),
        disclosureId ? eq(disclosureFiles.disclosureId, disclosureId) : undefined,
      ),
    )
    .orderBy(asc(disclosureFiles.seq));
  return { rows, files };
}

export async function filesOf(db: Executor, tenantId: string, disclosureId: string) {
  return db
    .select()
    .from(disclosureFiles)
    .where(
      and(eq(disclosureFiles.tenantId, tenantId), eq(disclosureFiles.disclosureId, disclosureId)),
    )
    .orderBy(asc(disclosureFiles.seq));
}
