import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/** 受領: a delivery of finished cards from the city. */
export const cardBatches = pgTable(
  "card_batches",
  {
    tenantId: text("tenant_id").notNull(),
    batchId: text("batch_id").notNull(),
    deliveredOn: date("delivered_on").notNull(),
    receivedAt: timestamptz("received_at").notNull(),
    receivedBy: text("received_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.batchId] })],
);

/**
 * A card in the office's keeping: found by its notice's reference or by the holder's name in
 * kana and date of birth, stored in a locker slot, in one state of its life (rules.ts). No My
 * Number is ever stored (the input guard refuses one in every field).
 */
export const cards = pgTable(
  "cards",
  {
    tenantId: text("tenant_id").notNull(),
    cardId: text("card_id").notNull(),
    batchId: text("batch_id").notNull(),
    noticeRef: text("notice_ref").notNull(),
    nameKana: text("name_kana").notNull(),
    birthDate: date("birth_date").notNull(),
    express: boolean("express").notNull(),
    /**
     * The last day the card may be set up (交付前設定): the day before its holder's booked handover,
     * or an express card's (特急発行) deadline; null while nobody waits for it.
     */
    setupDueOn: date("setup_due_on"),
    state: text("state").notNull(),
    locker: text("locker"),
    slot: text("slot"),
    setupTerminalId: text("setup_terminal_id"),
    setupBy: text("setup_by"),
    setupAt: timestamptz("setup_at"),
    noticeSentAt: timestamptz("notice_sent_at"),
    reservationId: text("reservation_id"),
    handedOverAt: timestamptz("handed_over_at"),
    handedOverBy: text("handed_over_by"),
    /** The kind of identity check at handover (IDENTITY_CHECKS), never a document's number. */
    identityCheck: text("identity_check"),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.cardId] }),
    // One live card per notice: a defective card's reference may come again with its re-issue.
    uniqueIndex("cards_notice_ref").on(t.tenantId, t.noticeRef).where(sql`state <> 'defective'`),
    index("cards_state").on(t.tenantId, t.state),
    index("cards_holder").on(t.tenantId, t.nameKana, t.birthDate),
  ],
);

/** Every step of every card: who, when, from which state to which, and why. */
export const cardEvents = pgTable(
  "card_events",
  {
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id").notNull(),
    cardId: text("card_id").notNull(),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    reason: text("reason"),
    actorId: text("actor_id").notNull(),
    at: timestamptz("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventId] }),
    index("card_events_card").on(t.tenantId, t.cardId),
  ],
);

/** The city's period (days after the notice) before an unclaimed card is returned for disposal. */
export const cardSettings = pgTable("card_settings", {
  tenantId: text("tenant_id").primaryKey(),
  disposalAfterDays: integer("disposal_after_days").notNull(),
  /** 特急発行: days after delivery by which an express card must be set up. */
  expressSetupDays: integer("express_setup_days").notNull().default(1),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});

/**
 * 棚卸: a count of one locker (or all) by scanning, and what it found wrong — cards missing from
 * where they should be, cards found where they should not be, references not in stock. Kept as
 * a record for the manager and the city.
 */
export const cardStocktakes = pgTable(
  "card_stocktakes",
  {
    tenantId: text("tenant_id").notNull(),
    stocktakeId: text("stocktake_id").notNull(),
    /** The locker counted; null for all of them. */
    locker: text("locker"),
    scanned: integer("scanned").notNull(),
    missing: jsonb("missing")
      .$type<{ noticeRef: string; locker: string | null; slot: string | null }[]>()
      .notNull(),
    misplaced: jsonb("misplaced")
      .$type<{ noticeRef: string; locker: string | null; foundIn: string | null }[]>()
      .notNull(),
    unknown: jsonb("unknown").$type<string[]>().notNull(),
    takenAt: timestamptz("taken_at").notNull(),
    takenBy: text("taken_by").notNull(),
    takenByName: text("taken_by_name").notNull(),
    retainUntil: date("retain_until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.stocktakeId] })],
);
