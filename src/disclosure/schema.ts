import { customType, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * 情報公開 (仕様 14): what was disclosed, to whom, when and by whom, with the masked files exactly
 * as handed over. Kept as made: a trigger refuses any change.
 */
export const disclosures = pgTable(
  "disclosures",
  {
    tenantId: text("tenant_id").notNull(),
    disclosureId: text("disclosure_id").notNull(),
    requestNo: text("request_no").notNull(),
    requester: text("requester").notNull(),
    receivedOn: text("received_on").notNull(),
    disclosedOn: text("disclosed_on").notNull(),
    /** The masking chosen; the extra terms themselves are personal data and are not kept. */
    mask: jsonb("mask")
      .$type<{ staffNames: boolean; officerNames: boolean; extraTerms: number }>()
      .notNull(),
    madeBy: text("made_by").notNull(),
    madeByName: text("made_by_name").notNull(),
    madeAt: timestamptz("made_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.disclosureId] }),
    index("disclosures_made").on(t.tenantId, t.madeAt),
  ],
);

export const disclosureFiles = pgTable(
  "disclosure_files",
  {
    tenantId: text("tenant_id").notNull(),
    disclosureId: text("disclosure_id").notNull(),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    ref: text("ref").notNull(),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    masked: integer("masked").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.disclosureId, t.seq] })],
);
