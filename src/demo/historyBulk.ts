import type { BatchProps } from "../cards/cards.ts";
import { CardReplay, loadCardReplay } from "../cards/replay.ts";
import { type CardRows, writeCardRows } from "../cards/store.ts";
import type { Actor } from "../platform/actor.ts";
import { appendAuditEvents, type PendingAudit } from "../platform/audit/store.ts";
import type { Database, Tx } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { ReplayLog } from "../platform/replay.ts";
import type { OpenCounterProps } from "../queue/counterSessions.ts";
import type { IssueInput } from "../queue/issue.ts";
import type { PhoneCallInput } from "../queue/phoneLog.ts";
import { loadQueueReplay, QueueReplay, type QueueRows } from "../queue/replay.ts";
import { writeQueueRows } from "../queue/store.ts";
import type { FinishProps } from "../queue/ticketSteps.ts";
import type { BookingInput } from "../reservations/booking.ts";
import { loadReservationReplay, ReservationReplay } from "../reservations/replay.ts";
import { type ReservationRows, writeReservationRows } from "../reservations/store.ts";
import type { HistoryWorld } from "./historyWorld.ts";

export interface HistoryRows {
  queue?: QueueRows;
  cards?: CardRows;
  bookings?: ReservationRows;
  audit: PendingAudit[];
}

/**
 * The history in bulk: each step is the domain replay's (the operation's own rules on rows in
 * memory, its audit event kept in order), and a month's rows go in with one transaction
 * (`write`), a multi-row insert per table and the audit chain appended at once.
 */
export class BulkWorld implements HistoryWorld {
  private log: ReplayLog;
  private queue: QueueReplay | undefined;
  private cards: CardReplay | undefined;
  private bookings: ReservationReplay | undefined;

  constructor(
    private readonly database: Database,
    tenantId: string,
    /** The days the run may touch, and who serves in them. */
    private readonly range: { from: string; to: string; staff: Actor[] },
  ) {
    this.log = new ReplayLog(tenantId);
  }

  async begin(lead: Actor): Promise<string[]> {
    const { queue, cards, bookings } = await runOperation(this.database.db, lead, async (ctx) => {
      const queue = await loadQueueReplay(ctx, this.range);
      const cards = await loadCardReplay(ctx);
      const bookings = await loadReservationReplay(ctx, {
        calendar: queue.calendar,
        procedures: ["handover"],
      });
      return { queue, cards, bookings };
    });
    this.queue = new QueueReplay(this.log, queue);
    this.cards = new CardReplay(this.log, cards);
    this.bookings = new ReservationReplay(this.log, bookings);
    return cards.ready;
  }

  private get q() {
    if (!this.queue) throw new Error("the history has not begun");
    return this.queue;
  }

  async batch(work: () => Promise<void>): Promise<void> {
    await work();
  }

  async issue(actor: Actor, input: IssueInput) {
    return this.q.issue(actor, input);
  }

  async callNext(actor: Actor, counterId: string) {
    return this.q.callNext(actor, { counterId });
  }

  async startTicket(actor: Actor, ticketId: string) {
    this.q.start(actor, { ticketId });
  }

  async finish(actor: Actor, input: FinishProps) {
    this.q.finish(actor, input);
  }

  async openCounter(actor: Actor, props: OpenCounterProps) {
    this.q.open(actor, props);
  }

  async closeCounter(actor: Actor, counterId: string) {
    this.q.close(actor, { counterId });
  }

  async logPhoneCall(actor: Actor, input: PhoneCallInput) {
    this.q.logPhoneCall(actor, input);
  }

  async receiveCards(actor: Actor, props: BatchProps) {
    return this.cards!.receive(actor, props);
  }

  async setUpCard(actor: Actor, cardId: string, terminal: string) {
    this.cards!.setUp(actor, { cardId, terminal });
  }

  async handOverCard(actor: Actor, cardId: string, identityCheck: string) {
    this.cards!.handOver(actor, { cardId, identityCheck });
  }

  async book(actor: Actor, input: BookingInput) {
    return this.bookings!.book(actor, input);
  }

  async checkInByCode(actor: Actor, code: string) {
    this.bookings!.checkInByCode(actor, code, (a, input) => this.q.issue(a, input));
  }

  async markNoShow(actor: Actor, reservationId: string) {
    this.bookings!.markNoShow(actor, { reservationId });
  }

  /** Events kept so far (the month in hand). */
  get pendingEvents(): number {
    return this.log.pending;
  }

  /**
   * What was made since the last call, as it stands: every domain's rows and the audit events,
   * to be written later (`write`), while the world goes on.
   */
  take(): HistoryRows {
    if (!this.queue) return { audit: this.log.take() };
    return {
      queue: this.q.rows(),
      cards: this.cards!.take(),
      bookings: this.bookings!.take(),
      audit: this.log.take(),
    };
  }

  /** Rows taken, in the caller's transaction: every domain's, then the audit chain. */
  async write(tx: Tx, rows: HistoryRows): Promise<number> {
    let written = 0;
    if (rows.queue) written += await writeQueueRows(tx, rows.queue);
    if (rows.cards) written += await writeCardRows(tx, rows.cards);
    if (rows.bookings) written += await writeReservationRows(tx, rows.bookings);
    await appendAuditEvents(tx, this.log.tenantId, rows.audit);
    return written + rows.audit.length;
  }
}
