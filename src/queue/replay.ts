import { addDays } from "../calendar/dates.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import type { Actor } from "../platform/actor.ts";
import { can } from "../platform/auth/permissions.ts";
import { now } from "../platform/clock.ts";
import { notFound } from "../platform/errors.ts";
import type { ReplayLog } from "../platform/replay.ts";
import {
  alreadyAtCounter,
  calledAudit,
  calledPatch,
  closedAudit,
  counterBusy,
  counterClosed,
  counterInUse,
  newSession,
  notOpen,
  type OpenCounterProps,
  openedAudit,
  sessionTerminal,
} from "./counterSessions.ts";
import {
  admitTicket,
  type IssuedTicket,
  type IssueInput,
  issuedAudit,
  newTicket,
  serviceDay,
} from "./issue.ts";
import {
  calibrationSince,
  codesServedAt,
  estimateIn,
  learnedTimes,
  queueStateFrom,
} from "./live.ts";
import { type PhoneCallInput, phoneCallAudit, phoneCallRecord } from "./phoneLog.ts";
import { loadQueueReplay, type QueueReplayInputs, SAMPLES } from "./replayInputs.ts";
import { HISTORY_DAYS, type ServiceSample } from "./serviceProfile.ts";
import type { CounterSession, ServiceRecord, Ticket } from "./store.ts";
import {
  checkFinish,
  type FinishProps,
  finishDetails,
  finishedRecords,
  requireOwnCounter,
  stepAudit,
} from "./ticketSteps.ts";
import { callOrder, nextStatus, type TicketAction } from "./tickets.ts";

export { loadQueueReplay, type QueueReplayInputs };

/**
 * The counter's past days replayed in memory, for the demo's history written in bulk: each step
 * applies the queue operation's own rules (admitTicket, the estimate on queueStateFrom, the call
 * order, calledPatch, finishedRecords, phoneCallRecord, the session rules) to the rows kept here,
 * and leaves in the shared log the audit event the operation writes. `rows` hands the month's
 * rows to `writeQueueRows`. The history's equivalence test compares every row with the ones the
 * operations themselves write.
 */
/** Newest first; the procedures of one visit in code order (as `recentServiceMinutes`). */
const newestFirst = (a: ServiceSample, b: ServiceSample) =>
  b.finishedAt.getTime() - a.finishedAt.getTime() ||
  (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Kept in order as they come (each newer than nearly all before it): found from the front. */
function insertNewestFirst(list: ServiceSample[], sample: ServiceSample): void {
  let i = 0;
  while (i < list.length && newestFirst(list[i]!, sample) < 0) i++;
  list.splice(i, 0, sample);
}

export interface QueueRows {
  tickets: Ticket[];
  numbers: { tenantId: string; serviceDay: string; groupCode: string; lastNumber: number }[];
  sessions: CounterSession[];
  records: ServiceRecord[];
}

export class QueueReplay {
  private day = "";
  private calendar: BusinessDay | undefined;
  /** Today's tickets in issue order, by id. */
  private today = new Map<string, Ticket>();
  private numbers = new Map<string, number>();
  private sessions: CounterSession[];
  /** Sessions this replay opened: each must be closed by the end of its day's write. */
  private opened = new Set<string>();
  /** Every counter procedure known, newest first after `enter`; today's kept apart. */
  private samples: ServiceSample[];
  private todaySamples: ServiceSample[] = [];
  private pastOfDay: ServiceSample[] = [];
  /** What the estimates learn from today's and the past records, until one is added. */
  private learned: ReturnType<typeof learnedTimes> | undefined;
  private out: QueueRows = { tickets: [], numbers: [], sessions: [], records: [] };

  constructor(
    private readonly log: ReplayLog,
    private readonly inputs: QueueReplayInputs,
  ) {
    this.sessions = [...inputs.open];
    this.samples = [...inputs.past];
  }

  private get tenantId() {
    return this.log.tenantId;
  }

  /** The service day of now: a new one starts with no tickets and the predictor's past moved on. */
  private enter(): { at: Date; day: string } {
    const at = now();
    const day = serviceDay(at);
    if (day === this.day) return { at, day };
    this.closeDay();
    this.day = day;
    const calendar = this.inputs.calendar.get(day);
    if (!calendar) throw new Error(`the replay has no calendar for ${day}`);
    this.calendar = calendar;
    this.samples.sort(newestFirst);
    const since = addDays(day, -HISTORY_DAYS);
    this.samples = this.samples.filter((s) => s.serviceDay >= since);
    this.pastOfDay = this.samples.filter((s) => s.serviceDay < day).slice(0, SAMPLES);
    this.learned = undefined;
    return { at, day };
  }

  private closeDay(): void {
    this.out.tickets.push(...this.today.values());
    for (const [groupCode, lastNumber] of this.numbers)
      this.out.numbers.push({
        tenantId: this.tenantId,
        serviceDay: this.day,
        groupCode,
        lastNumber,
      });
    this.samples.push(...this.todaySamples);
    this.today = new Map();
    this.numbers = new Map();
    this.todaySamples = [];
  }

  /** The queue as the estimate of a new ticket sees it now (loadQueueState's parts). */
  private state(at: Date, day: string) {
    const since = calibrationSince(at).getTime();
    const inPlay = [...this.today.values()].filter(
      (t) =>
        t.status === "waiting" ||
        t.status === "called" ||
        t.status === "serving" ||
        (t.calledAt !== null && t.calledAt.getTime() >= since),
    );
    this.learned ??= learnedTimes(
      this.todaySamples,
      this.pastOfDay,
      this.inputs.catalogue.procedures,
    );
    return queueStateFrom({
      tenantId: this.tenantId,
      serviceDay: day,
      at,
      catalogue: this.inputs.catalogue,
      calendar: this.calendar!,
      openSessions: this.sessions,
      tickets: inPlay,
      today: this.todaySamples,
      past: this.pastOfDay,
      learned: this.learned,
    });
  }

  issue(actor: Actor, input: IssueInput): IssuedTicket {
    this.log.requireAccess(actor, "queue.issue");
    const { at, day } = this.enter();
    const catalogue = this.inputs.catalogue;
    const overridden =
      Boolean(input.overrideReason?.trim()) && can(actor.role, "queue.override_hours");
    const { group, codes } = admitTicket({
      catalogue,
      calendar: this.calendar!,
      input,
      at,
      overridden,
    });
    const estimate = estimateIn(this.state(at, day), {
      procedureCodes: codes,
      priority: Boolean(input.priority),
    });
    const number = (this.numbers.get(group.groupCode) ?? 0) + 1;
    this.numbers.set(group.groupCode, number);
    const ticket = newTicket({
      tenantId: this.tenantId,
      serviceDay: day,
      group,
      codes,
      number,
      input,
      at,
      issuedBy: actor.userId,
      overridden,
      estimate,
    });
    this.today.set(ticket.ticketId, ticket);
    this.log.audit(actor, issuedAudit(ticket));
    return { ...ticket, ahead: estimate.position - 1 };
  }

  private counter(counterId: string) {
    const counter = this.inputs.catalogue.counters.find((c) => c.counterId === counterId);
    if (!counter) throw notFound("窓口", "Counter");
    return counter;
  }

  open(actor: Actor, props: OpenCounterProps): CounterSession {
    this.log.requireAccess(actor, "queue.serve");
    const { at, day } = this.enter();
    const counter = this.counter(props.counterId);
    const ready = this.inputs.readiness.get(actor.userId);
    if (!ready) throw new Error(`the replay has no roster record of ${actor.userId}`);
    ready(day);
    const terminal = sessionTerminal(counter, props, this.inputs.catalogue.terminals);
    const mine = this.sessions.find((s) => s.userId === actor.userId);
    if (mine) {
      if (mine.counterId === props.counterId && mine.terminalId === terminal) return mine;
      throw alreadyAtCounter(mine.counterId);
    }
    // The partial unique indexes of counter_sessions, as the database would decide them.
    if (
      this.sessions.some(
        (s) => s.counterId === props.counterId || (terminal !== null && s.terminalId === terminal),
      )
    )
      throw counterInUse();
    const session = newSession(this.tenantId, actor.userId, props, terminal, at);
    this.opened.add(session.sessionId);
    this.sessions.push(session);
    this.sessions.sort(
      (a, b) =>
        a.openedAt.getTime() - b.openedAt.getTime() ||
        (a.counterId < b.counterId ? -1 : a.counterId > b.counterId ? 1 : 0),
    );
    this.log.audit(actor, openedAudit(session));
    return session;
  }

  close(actor: Actor, props: { counterId: string }): void {
    this.log.requireAccess(actor, "queue.serve");
    const { at } = this.enter();
    const session = this.sessions.find((s) => s.counterId === props.counterId);
    if (!session) throw counterClosed();
    this.log.requireAccess(actor, "queue.serve", {
      ownerId: session.userId,
      otherwise: "queue.intervene",
    });
    const busy = [...this.today.values()].find(
      (t) => t.sessionId === session.sessionId && (t.status === "called" || t.status === "serving"),
    );
    if (busy) throw counterBusy(busy);
    this.sessions = this.sessions.filter((s) => s !== session);
    this.opened.delete(session.sessionId);
    this.out.sessions.push({ ...session, closedAt: at });
    this.log.audit(actor, closedAudit(session));
  }

  callNext(actor: Actor, props: { counterId: string }): Ticket | undefined {
    this.log.requireAccess(actor, "queue.serve");
    const { at } = this.enter();
    const session = this.sessions.find((s) => s.counterId === props.counterId);
    if (!session || session.userId !== actor.userId) throw notOpen(props.counterId);
    const { procedures, terminals } = this.inputs.catalogue;
    const served = codesServedAt(
      this.counter(props.counterId),
      procedures,
      terminals.find((t) => t.terminalId === session.terminalId),
    );
    // pickNextTicket's rule: waiting, for this counter or any, only what it serves; callOrder.
    const next = [...this.today.values()]
      .filter(
        (t) =>
          t.status === "waiting" &&
          (t.targetCounterId === null || t.targetCounterId === props.counterId) &&
          t.procedureCodes.every((c) => served.includes(c)),
      )
      .sort((a, b) => callOrder(a, b, at))[0];
    if (!next) return undefined;
    const called = { ...next, ...calledPatch(next, session, actor.userId, at) };
    this.today.set(next.ticketId, called);
    this.log.audit(actor, calledAudit(next, session, "next"));
    return called;
  }

  /** ticketSteps' `step`: the ticket found, the counter's owner checked, the transition, the audit. */
  private step(
    actor: Actor,
    ticketId: string,
    action: TicketAction,
    change: (t: Ticket, at: Date) => Partial<Ticket>,
    details?: unknown,
  ): Ticket {
    this.log.requireAccess(actor, "queue.serve");
    const { at } = this.enter();
    const ticket = this.today.get(ticketId);
    if (!ticket) throw notFound("受付番号", "Ticket");
    if (ticket.counterId)
      requireOwnCounter(ticket, this.sessions, actor.userId, () =>
        can(actor.role, "queue.intervene"),
      );
    const status = nextStatus(action, ticket.status as never);
    const updated = { ...ticket, ...change(ticket, at), status };
    this.today.set(ticketId, updated);
    this.log.audit(actor, stepAudit(ticketId, action, details));
    return updated;
  }

  start(actor: Actor, props: { ticketId: string }): Ticket {
    return this.step(actor, props.ticketId, "start", (_t, at) => ({ startedAt: at }));
  }

  finish(actor: Actor, input: FinishProps): Ticket {
    checkFinish(input);
    return this.step(
      actor,
      input.ticketId,
      "finish",
      (t, at) => {
        const session = t.sessionId
          ? this.sessions.find((s) => s.sessionId === t.sessionId)
          : undefined;
        const records = finishedRecords(t, input, session, actor.userId, at);
        this.learned = undefined;
        this.out.records.push(...records);
        for (const r of records)
          insertNewestFirst(this.todaySamples, {
            code: r.procedureCode,
            serviceDay: r.serviceDay,
            startedAt: r.startedAt,
            finishedAt: r.finishedAt,
            ticketId: r.ticketId,
          });
        return { finishedAt: at, note: input.note?.trim() || t.note };
      },
      finishDetails(input),
    );
  }

  logPhoneCall(actor: Actor, input: PhoneCallInput): ServiceRecord {
    this.log.requireAccess(actor, "phone.log");
    const day = serviceDay(input.startedAt);
    const calendar = this.inputs.calendar.get(day);
    if (!calendar) throw new Error(`the replay has no calendar for ${day}`);
    const record = phoneCallRecord({
      tenantId: this.tenantId,
      userId: actor.userId,
      input,
      calendar,
      at: now(),
    });
    this.out.records.push(record);
    this.log.audit(actor, phoneCallAudit(record));
    return record;
  }

  /** Sessions still open (a replayed day ends with every counter closed). */
  get openSessions(): readonly CounterSession[] {
    return this.sessions;
  }

  /** The rows made since the last call (the day in hand ended), for one write. */
  rows(): QueueRows {
    const left = this.sessions.find((s) => this.opened.has(s.sessionId));
    if (left) throw new Error(`the replay left counter ${left.counterId} open`);
    this.closeDay();
    this.day = "";
    const rows = this.out;
    this.out = { tickets: [], numbers: [], sessions: [], records: [] };
    return rows;
  }
}
