import {
  type BatchProps,
  handOverCard,
  receiveBatch,
  searchCards,
  setUpCard,
} from "../cards/cards.ts";
import type { Actor } from "../platform/actor.ts";
import { now } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import { type Ctx, inOneTransaction, runOperation } from "../platform/operation.ts";
import {
  callNext,
  closeCounter,
  type OpenCounterProps,
  openCounter,
} from "../queue/counterSessions.ts";
import { type IssuedTicket, type IssueInput, issueTicket, serviceDay } from "../queue/issue.ts";
import { forgetQueueState } from "../queue/live.ts";
import { logPhoneCall, type PhoneCallInput } from "../queue/phoneLog.ts";
import type { Ticket } from "../queue/store.ts";
import { type FinishProps, finishTicket, startTicket } from "../queue/ticketSteps.ts";
import { type BookingInput, bookReservation } from "../reservations/booking.ts";
import { checkInByCode, markNoShow } from "../reservations/staff.ts";

/**
 * What a simulated day of the demo's history does, step by step, and the two ways it is done:
 * in bulk (historyBulk.ts: the domains' replays in memory, a month written in one transaction,
 * what users get) and through the operations themselves (here: one transaction per few steps,
 * the reference the equivalence test compares the bulk rows with, a hundred times slower).
 */
export interface HistoryWorld {
  /** Starts the run on its first day: the cards set up and waiting, as the back office finds them. */
  begin(lead: Actor): Promise<string[]>;
  /** Runs a few steps together (one transaction of operations, or in memory). */
  batch(work: () => Promise<void>): Promise<void>;
  issue(actor: Actor, input: IssueInput): Promise<IssuedTicket>;
  callNext(actor: Actor, counterId: string): Promise<Ticket | undefined>;
  startTicket(actor: Actor, ticketId: string): Promise<void>;
  finish(actor: Actor, input: FinishProps): Promise<void>;
  openCounter(actor: Actor, props: OpenCounterProps): Promise<void>;
  closeCounter(actor: Actor, counterId: string): Promise<void>;
  logPhoneCall(actor: Actor, input: PhoneCallInput): Promise<void>;
  receiveCards(actor: Actor, props: BatchProps): Promise<{ cards: { id: string }[] }>;
  setUpCard(actor: Actor, cardId: string, terminal: string): Promise<void>;
  handOverCard(actor: Actor, cardId: string, identityCheck: string): Promise<void>;
  /** Refused with a DomainError (the slot full, say) before anything is written. */
  book(actor: Actor, input: BookingInput): Promise<{ reservationId: string; code: string }>;
  checkInByCode(actor: Actor, code: string): Promise<void>;
  markNoShow(actor: Actor, reservationId: string): Promise<void>;
}

/** The reference: every step through its operation, a few steps to a transaction. */
export class OperationsWorld implements HistoryWorld {
  private ctxFor: ((actor: Actor) => Ctx) | undefined;

  constructor(private readonly database: Database) {}

  private ctx(actor: Actor): Ctx {
    if (!this.ctxFor) throw new Error("a step outside a batch");
    return this.ctxFor(actor);
  }

  async begin(lead: Actor): Promise<string[]> {
    const ready = await runOperation(this.database.db, lead, (ctx) =>
      searchCards(ctx, { state: "set_up" }),
    );
    return ready.map((c) => c.id);
  }

  async batch(work: () => Promise<void>): Promise<void> {
    await inOneTransaction(
      this.database.db,
      async (ctxFor) => {
        this.ctxFor = ctxFor;
        try {
          await work();
        } finally {
          this.ctxFor = undefined;
        }
      },
      { quiet: true },
    );
  }

  issue(actor: Actor, input: IssueInput) {
    // Every estimate from the queue as it stands, as the replay computes it (not a second old).
    forgetQueueState(actor.tenantId, serviceDay(now()));
    return issueTicket(this.ctx(actor), input);
  }

  callNext(actor: Actor, counterId: string) {
    return callNext(this.ctx(actor), { counterId });
  }

  async startTicket(actor: Actor, ticketId: string) {
    await startTicket(this.ctx(actor), { ticketId });
  }

  async finish(actor: Actor, input: FinishProps) {
    await finishTicket(this.ctx(actor), input);
  }

  async openCounter(actor: Actor, props: OpenCounterProps) {
    await openCounter(this.ctx(actor), props);
  }

  async closeCounter(actor: Actor, counterId: string) {
    await closeCounter(this.ctx(actor), { counterId });
  }

  async logPhoneCall(actor: Actor, input: PhoneCallInput) {
    await logPhoneCall(this.ctx(actor), input);
  }

  receiveCards(actor: Actor, props: BatchProps) {
    return receiveBatch(this.ctx(actor), props);
  }

  async setUpCard(actor: Actor, cardId: string, terminal: string) {
    await setUpCard(this.ctx(actor), { cardId, terminal });
  }

  async handOverCard(actor: Actor, cardId: string, identityCheck: string) {
    await handOverCard(this.ctx(actor), { cardId, identityCheck });
  }

  book(actor: Actor, input: BookingInput) {
    return bookReservation(this.ctx(actor), input);
  }

  async checkInByCode(actor: Actor, code: string) {
    forgetQueueState(actor.tenantId, serviceDay(now()));
    await checkInByCode(this.ctx(actor), { code });
  }

  async markNoShow(actor: Actor, reservationId: string) {
    await markNoShow(this.ctx(actor), { reservationId });
  }
}
