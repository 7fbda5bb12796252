import { businessDayOf } from "../calendar/operations.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import { type Actor, auditContext } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { localDate, localTime, now } from "../platform/clock.ts";
import {
  type Db,
  type Executor,
  isUniqueViolation,
  type Tx,
  transaction,
} from "../platform/db/index.ts";
import { conflict, DomainError, notFound } from "../platform/errors.ts";
import { newId, newToken } from "../platform/ids.ts";
import { requireReadyToServe } from "../roster/operations.ts";
import { calendarDayOf, catalogueChanged, catalogueOf } from "./catalogueCache.ts";
import { CALL_CATEGORIES, type CALL_OUTCOMES, checkChecklist } from "./checklist.ts";
import { publish } from "./events.ts";
import { codesServedAt, estimateForNewTicket } from "./live.ts";
import {
  type Counter,
  type CounterSession,
  closeCounterSession,
  findQueueSettings,
  findTicket,
  insertCounter,
  insertCounterSession,
  insertProcedure,
  insertServiceRecords,
  insertTicket,
  listGroups,
  listProcedures,
  listTerminals,
  nextTicketNumber,
  openSessionsOf,
  type Procedure,
  pickNextTicket,
  type QueueSettings,
  type ServiceRecord,
  saveQueueSettings,
  type Ticket,
  updateProcedure,
  updateTicket,
} from "./store.ts";
import {
  displayNumber,
  NOT_COMPLETED_REASONS,
  nextStatus,
  PRIORITY_REASONS,
  type TicketAction,
} from "./tickets.ts";

const STAFF_ROLES = new Set(["staff", "deputy", "manager"]);
const LEADS = new Set(["deputy", "manager"]);

export function serviceDay(at = now()): string {
  return localDate(at);
}

/** Whether the counter is open at a time of day, by the calendar (main hours or an extra session). */
export function counterOpenAt(day: BusinessDay, hm: string): boolean {
  return [day.counter, ...(day.extraSessions ?? [])].some(
    (w) => w !== null && w.open <= hm && hm < w.close,
  );
}

export interface IssueInput {
  procedures: string[];
  priority?: boolean | undefined;
  priorityReason?: string | undefined;
  /** Staff may issue while the calendar says closed, giving the reason. */
  overrideReason?: string | undefined;
  /** A checked-in reservation's time (reservations rank these once their time has come). */
  reservedFor?: Date | undefined;
}

function checkProcedures(all: Procedure[], codes: string[]): Procedure[] {
  const unique = [...new Set(codes)];
  if (unique.length === 0)
    throw new DomainError(
      "unprocessable",
      "procedure_required",
      "手続を選んでください。",
      "Choose at least one procedure.",
    );
  return unique.map((code) => {
    const found = all.find((p) => p.code === code);
    if (!found || found.retiredAt || !found.atCounter) {
      throw new DomainError(
        "unprocessable",
        "unknown_procedure",
        "窓口で受け付けていない手続です。",
        `Procedure not served at the counter: ${code}`,
      );
    }
    return found;
  });
}

/** 発券: a number for today, an estimate kept for later measurement, and a status-page token. */
export async function issueTicket(db: Db, actor: Actor, input: IssueInput): Promise<Ticket> {
  const at = now();
  const day = serviceDay(at);
  const [{ procedures: allProcedures, groups }, calendar] = await Promise.all([
    catalogueOf(db, actor.tenantId),
    calendarDayOf(db, actor.tenantId, day),
  ]);
  const chosen = checkProcedures(allProcedures, input.procedures);
  if (
    calendar.reservationOnly &&
    !input.reservedFor &&
    !(input.overrideReason?.trim() && STAFF_ROLES.has(actor.role))
  ) {
    throw conflict(
      "reservation_only",
      "本日の休日開庁はご予約の方のみの受付です。",
      "Today's weekend opening is for reservations only.",
    );
  }
  if (!counterOpenAt(calendar, localTime(at))) {
    if (!input.overrideReason?.trim() || !STAFF_ROLES.has(actor.role)) {
      const hours = calendar.counter
        ? `${calendar.counter.open}〜${calendar.counter.close}`
        : "本日は閉庁";
      throw conflict(
        "counter_closed",
        `窓口の受付時間外です（${hours}）。`,
        `The counter is closed now (${calendar.counter ? `${calendar.counter.open}–${calendar.counter.close}` : "closed today"}).`,
      );
    }
  }
  if (input.priority && input.priorityReason && !PRIORITY_REASONS[input.priorityReason]) {
    throw new DomainError(
      "unprocessable",
      "unknown_priority_reason",
      "優先理由が正しくありません。",
      "Unknown priority reason.",
    );
  }
  const group = groups.find((g) => g.groupCode === chosen[0]!.groupCode)!;
  const codes = chosen.map((p) => p.code);
  const estimate = await estimateForNewTicket(db, actor.tenantId, day, {
    procedureCodes: codes,
    priority: Boolean(input.priority),
  });
  const number = await nextTicketNumber(db, actor.tenantId, day, group.groupCode);
  const ticket = await transaction(db, async (tx) => {
    const row: Ticket = {
      tenantId: actor.tenantId,
      ticketId: newId(),
      serviceDay: day,
      groupCode: group.groupCode,
      number,
      displayNumber: displayNumber(group.prefix, number),
      procedureCodes: codes,
      priority: Boolean(input.priority),
      priorityReason: input.priority ? (input.priorityReason ?? null) : null,
      status: "waiting",
      reservedFor: input.reservedFor ?? null,
      targetCounterId: null,
      counterId: null,
      sessionId: null,
      staffUserId: null,
      recallCount: 0,
      issuedAt: at,
      calledAt: null,
      lastCalledAt: null,
      startedAt: null,
      finishedAt: null,
      statusToken: newToken(18),
      issuedBy: actor.userId,
      overrideReason: input.overrideReason?.trim() || null,
      note: null,
      estimateMedian: estimate.available ? estimate.median : null,
      estimateP90: estimate.available ? estimate.p90 : null,
      estimateNaive: estimate.available ? estimate.naive : null,
      estimateRaw: estimate.available ? estimate.raw : null,
    };
    await insertTicket(tx, row);
    await recordAudit(tx, auditContext(actor), {
      action: "ticket.issue",
      entity: "ticket",
      entityId: row.ticketId,
      change: { procedures: codes, priority: row.priority, override: row.overrideReason },
    });
    return row;
  });
  publish(actor.tenantId, {
    type: "ticket",
    action: "issue",
    ticketId: ticket.ticketId,
    displayNumber: ticket.displayNumber,
  });
  return ticket;
}

/** "12:00" today, Tokyo time, as an instant: when a person means to leave the counter. */
function plannedClose(until: string): Date {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(until)) {
    throw new DomainError(
      "unprocessable",
      "invalid_time",
      "時刻は HH:MM で指定してください。",
      "Give the time as HH:MM.",
    );
  }
  return new Date(`${serviceDay()}T${until}:00+09:00`);
}

async function requireCounter(db: Executor, tenantId: string, counterId: string) {
  const counter = (await catalogueOf(db, tenantId)).counters.find((c) => c.counterId === counterId);
  if (!counter) throw notFound("窓口", "Counter");
  return counter;
}

/** 窓口を開く: a staff member takes a counter and a terminal; no terminal or counter is held twice. */
export async function openCounter(
  db: Db,
  actor: Actor,
  counterId: string,
  terminalId?: string,
  until?: string,
): Promise<CounterSession> {
  const counter = await requireCounter(db, actor.tenantId, counterId);
  // Nobody off the roster or without the mandatory training serves at a counter (仕様 8(4), 12).
  await requireReadyToServe(db, actor.tenantId, actor.userId);
  const terminal = terminalId ?? counter.defaultTerminalId ?? null;
  if (terminal && !(await listTerminals(db, actor.tenantId)).some((t) => t.terminalId === terminal))
    throw notFound("端末", "Terminal");
  const mine = (await openSessionsOf(db, actor.tenantId)).find((s) => s.userId === actor.userId);
  if (mine) {
    if (mine.counterId === counterId && mine.terminalId === terminal) return mine;
    throw conflict(
      "already_at_counter",
      `既に${mine.counterId}番窓口を開いています。先に閉じてください。`,
      `You already have counter ${mine.counterId} open; close it first.`,
    );
  }
  const session: CounterSession = {
    tenantId: actor.tenantId,
    sessionId: newId(),
    counterId,
    terminalId: terminal,
    userId: actor.userId,
    openedAt: now(),
    plannedCloseAt: until ? plannedClose(until) : null,
    closedAt: null,
  };
  try {
    await transaction(db, async (tx) => {
      await insertCounterSession(tx, session);
      await recordAudit(tx, auditContext(actor), {
        action: "counter.open",
        entity: "counter_session",
        entityId: session.sessionId,
        change: { counterId, terminalId: terminal },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        "counter_or_terminal_in_use",
        "この窓口または端末は他の職員が使用中です。",
        "This counter or terminal is already in use.",
      );
    }
    throw error;
  }
  publish(actor.tenantId, { type: "counter", action: "open", counterId });
  return session;
}

export async function closeCounter(db: Db, actor: Actor, counterId: string): Promise<void> {
  const session = (await openSessionsOf(db, actor.tenantId)).find((s) => s.counterId === counterId);
  if (!session)
    throw conflict("counter_not_open", "この窓口は開いていません。", "This counter is not open.");
  if (session.userId !== actor.userId && !LEADS.has(actor.role)) {
    throw new DomainError(
      "forbidden",
      "forbidden",
      "他の職員の窓口は閉じられません。",
      "You cannot close another person's counter.",
    );
  }
  await transaction(db, async (tx) => {
    const busy = await tx.query.tickets.findFirst({
      where: (t, { and, eq, inArray }) =>
        and(
          eq(t.tenantId, actor.tenantId),
          eq(t.sessionId, session.sessionId),
          inArray(t.status, ["called", "serving"]),
        ),
    });
    if (busy)
      throw conflict(
        "counter_busy",
        `${busy.displayNumber}番の対応中です。完了または移管してから閉じてください。`,
        `Ticket ${busy.displayNumber} is still at this counter; finish or transfer it first.`,
      );
    await closeCounterSession(tx, session, now());
    await recordAudit(tx, auditContext(actor), {
      action: "counter.close",
      entity: "counter_session",
      entityId: session.sessionId,
    });
  });
  publish(actor.tenantId, { type: "counter", action: "close", counterId });
}

async function sessionOfActor(
  db: Executor,
  actor: Actor,
  counterId: string,
): Promise<CounterSession> {
  const session = (await openSessionsOf(db, actor.tenantId)).find((s) => s.counterId === counterId);
  if (!session || session.userId !== actor.userId) {
    throw conflict(
      "counter_not_open",
      `${counterId}番窓口を開いていません。先に窓口を開いてください。`,
      `You do not have counter ${counterId} open.`,
    );
  }
  return session;
}

async function servedCodes(
  db: Executor,
  tenantId: string,
  session: CounterSession,
): Promise<string[]> {
  const counter = await requireCounter(db, tenantId, session.counterId);
  const { procedures: allProcedures, terminals } = await catalogueOf(db, tenantId);
  return codesServedAt(
    counter,
    allProcedures,
    terminals.find((t) => t.terminalId === session.terminalId),
  );
}

/** 呼出: the next ticket this counter can serve, fairly ordered, never handed to two counters. */
export async function callNext(
  db: Db,
  actor: Actor,
  counterId: string,
): Promise<Ticket | undefined> {
  const session = await sessionOfActor(db, actor, counterId);
  const served = await servedCodes(db, actor.tenantId, session);
  const at = now();
  const ticket = await transaction(db, async (tx) => {
    const next = await pickNextTicket(tx, actor.tenantId, serviceDay(at), counterId, served, at);
    if (!next) return undefined;
    const called = await updateTicket(tx, next, {
      status: nextStatus("call", next.status as never),
      counterId,
      sessionId: session.sessionId,
      staffUserId: actor.userId,
      calledAt: next.calledAt ?? at,
      lastCalledAt: at,
      targetCounterId: null,
    });
    await recordAudit(tx, auditContext(actor), {
      action: "ticket.call",
      entity: "ticket",
      entityId: next.ticketId,
      change: { counterId },
    });
    return called;
  });
  if (ticket)
    publish(actor.tenantId, {
      type: "ticket",
      action: "call",
      ticketId: ticket.ticketId,
      displayNumber: ticket.displayNumber,
      counterId,
    });
  return ticket;
}

type Patch = Partial<Ticket>;

/**
 * Every other step of a ticket, in one shape: lock the row, check the transition, write the
 * change and its audit event together, then tell the live views.
 */
async function act(
  db: Db,
  actor: Actor,
  ticketId: string,
  action: TicketAction,
  change: (ticket: Ticket, tx: Tx) => Promise<Patch> | Patch,
  details?: unknown,
): Promise<Ticket> {
  const result = await transaction(db, async (tx) => {
    const ticket = await findTicket(tx, actor.tenantId, ticketId, true);
    if (!ticket) throw notFound("受付番号", "Ticket");
    const status = nextStatus(action, ticket.status as never);
    const updated = await updateTicket(tx, ticket, { ...(await change(ticket, tx)), status });
    await recordAudit(tx, auditContext(actor), {
      action: `ticket.${action}`,
      entity: "ticket",
      entityId: ticketId,
      change: details,
    });
    return updated;
  });
  publish(actor.tenantId, {
    type: "ticket",
    action,
    ticketId,
    displayNumber: result.displayNumber,
    counterId: result.counterId ?? undefined,
  });
  return result;
}

/** Staff act on tickets at their own counter; the manager and deputy may step in anywhere. */
async function checkAtOwnCounter(tx: Executor, actor: Actor, ticket: Ticket) {
  if (LEADS.has(actor.role) || !ticket.counterId) return;
  const session = (await openSessionsOf(tx, actor.tenantId)).find(
    (s) => s.counterId === ticket.counterId,
  );
  if (session?.userId !== actor.userId) {
    throw new DomainError(
      "forbidden",
      "not_your_counter",
      "他の窓口で対応中の受付番号です。",
      "This ticket is at another counter.",
    );
  }
}

export const recallTicket = (db: Db, actor: Actor, ticketId: string) =>
  act(db, actor, ticketId, "recall", async (t, tx) => {
    await checkAtOwnCounter(tx, actor, t);
    return { recallCount: t.recallCount + 1, lastCalledAt: now() };
  });

export const startTicket = (db: Db, actor: Actor, ticketId: string) =>
  act(db, actor, ticketId, "start", async (t, tx) => {
    await checkAtOwnCounter(tx, actor, t);
    return { startedAt: now() };
  });

export const noShowTicket = (db: Db, actor: Actor, ticketId: string) =>
  act(db, actor, ticketId, "no_show", async (t, tx) => {
    await checkAtOwnCounter(tx, actor, t);
    const needed = (await findQueueSettings(tx, actor.tenantId)).noShowAfterRecalls;
    if (t.recallCount < needed) {
      throw conflict(
        "recall_first",
        `不在にする前に${needed}回呼び直してください（現在${t.recallCount}回）。`,
        `Recall ${needed} times before marking no-show (so far ${t.recallCount}).`,
      );
    }
    return { finishedAt: now() };
  });

export const holdTicket = (db: Db, actor: Actor, ticketId: string) =>
  act(db, actor, ticketId, "hold", () => ({ counterId: null, sessionId: null }));
export const resumeTicket = (db: Db, actor: Actor, ticketId: string) =>
  act(db, actor, ticketId, "resume", () => ({}));
export const cancelTicket = (db: Db, actor: Actor, ticketId: string, reason?: string) =>
  act(db, actor, ticketId, "cancel", () => ({ finishedAt: now(), note: reason?.trim() || null }), {
    reason,
  });

export interface TransferInput {
  procedures?: string[] | undefined;
  counterId?: string | undefined;
}

/** 移管: back to the queue for other procedures or another counter, keeping the place by arrival. */
export async function transferTicket(
  db: Db,
  actor: Actor,
  ticketId: string,
  input: TransferInput,
): Promise<Ticket> {
  const all = await listProcedures(db, actor.tenantId);
  const codes = input.procedures
    ? checkProcedures(all, input.procedures).map((p) => p.code)
    : undefined;
  if (input.counterId) await requireCounter(db, actor.tenantId, input.counterId);
  if (!codes && !input.counterId)
    throw new DomainError(
      "unprocessable",
      "transfer_target_required",
      "移管先の手続または窓口を指定してください。",
      "Give the procedures or the counter to transfer to.",
    );
  return act(
    db,
    actor,
    ticketId,
    "transfer",
    async (t, tx) => {
      await checkAtOwnCounter(tx, actor, t);
      return {
        ...(codes ? { procedureCodes: codes } : {}),
        targetCounterId: input.counterId ?? null,
        counterId: null,
        sessionId: null,
        startedAt: null,
      };
    },
    input,
  );
}

export interface FinishInput {
  outcome: "completed" | "not_completed";
  reason?: string | undefined;
  /** Per procedure, when a visit's procedures ended differently. */
  procedureOutcomes?:
    | Record<string, { outcome: "completed" | "not_completed"; reason?: string | undefined }>
    | undefined;
  /** Guided procedures (§4(3)): step → done | skipped | failed, per procedure code. */
  checklists?: Record<string, Record<string, string>> | undefined;
  note?: string | undefined;
}

function checkOutcome(outcome: string, reason: string | undefined) {
  if (outcome === "not_completed" && (!reason || !NOT_COMPLETED_REASONS[reason])) {
    throw new DomainError(
      "unprocessable",
      "reason_required",
      "未完了の理由を選んでください。",
      "Choose why it could not be completed.",
    );
  }
}

/** 完了: the ticket ends and each of its procedures becomes a service record. */
export async function finishTicket(
  db: Db,
  actor: Actor,
  ticketId: string,
  input: FinishInput,
): Promise<Ticket> {
  checkOutcome(input.outcome, input.reason);
  for (const o of Object.values(input.procedureOutcomes ?? {})) checkOutcome(o.outcome, o.reason);
  return act(
    db,
    actor,
    ticketId,
    "finish",
    async (t, tx) => {
      await checkAtOwnCounter(tx, actor, t);
      const at = now();
      const session = t.sessionId
        ? (await openSessionsOf(tx, actor.tenantId)).find((s) => s.sessionId === t.sessionId)
        : undefined;
      const records: ServiceRecord[] = t.procedureCodes.map((code) => {
        const own = input.procedureOutcomes?.[code];
        const outcome = own?.outcome ?? input.outcome;
        return {
          tenantId: t.tenantId,
          recordId: newId(),
          serviceDay: t.serviceDay,
          procedureCode: code,
          channel: "counter",
          outcome,
          outcomeReason: outcome === "completed" ? null : (own?.reason ?? input.reason ?? null),
          category: null,
          checklist: checkChecklist(code, input.checklists?.[code], outcome),
          staffUserId: actor.userId,
          counterId: t.counterId,
          terminalId: session?.terminalId ?? null,
          ticketId: t.ticketId,
          issuedAt: t.issuedAt,
          calledAt: t.calledAt,
          startedAt: t.startedAt ?? at,
          finishedAt: at,
        };
      });
      await insertServiceRecords(tx, records);
      return { finishedAt: at, note: input.note?.trim() || t.note };
    },
    { outcome: input.outcome, reason: input.reason },
  );
}

export async function ticketById(
  db: Executor,
  tenantId: string,
  ticketId: string,
): Promise<Ticket> {
  const ticket = await findTicket(db, tenantId, ticketId);
  if (!ticket) throw notFound("受付番号", "Ticket");
  return ticket;
}

export interface PhoneCallInput {
  startedAt: Date;
  endedAt: Date;
  category: string;
  outcome: (typeof CALL_OUTCOMES)[number];
  /** Calls outside the phone hours the calendar gives are recorded only with a reason. */
  overrideReason?: string | undefined;
}

/** 電話対応の記録: each call becomes a service record of the phone channel. */
export async function logPhoneCall(
  db: Db,
  actor: Actor,
  input: PhoneCallInput,
): Promise<ServiceRecord> {
  if (!CALL_CATEGORIES[input.category]) {
    throw new DomainError(
      "unprocessable",
      "unknown_category",
      "問い合わせ区分が正しくありません。",
      "Unknown call category.",
    );
  }
  if (
    input.endedAt < input.startedAt ||
    input.endedAt.getTime() - input.startedAt.getTime() > 4 * 3_600_000 ||
    input.endedAt > new Date(now().getTime() + 60_000)
  ) {
    throw new DomainError(
      "unprocessable",
      "invalid_call_times",
      "通話の開始・終了時刻が正しくありません。",
      "The call's start and end times are not valid.",
    );
  }
  const day = serviceDay(input.startedAt);
  const calendar = await businessDayOf(db, actor.tenantId, day);
  const hm = localTime(input.startedAt);
  const inHours = calendar.phone !== null && calendar.phone.open <= hm && hm < calendar.phone.close;
  if (!inHours && !input.overrideReason?.trim()) {
    throw conflict(
      "phone_closed",
      "電話受付時間外の通話です。理由を入力してください。",
      "The call is outside the phone hours; give a reason.",
    );
  }
  const record: ServiceRecord = {
    tenantId: actor.tenantId,
    recordId: newId(),
    serviceDay: day,
    procedureCode: "phone",
    channel: "phone",
    outcome: input.outcome,
    outcomeReason: inHours ? null : (input.overrideReason?.trim() ?? null),
    category: input.category,
    checklist: null,
    staffUserId: actor.userId,
    counterId: null,
    terminalId: null,
    ticketId: null,
    issuedAt: null,
    calledAt: null,
    startedAt: input.startedAt,
    finishedAt: input.endedAt,
  };
  await transaction(db, async (tx) => {
    await insertServiceRecords(tx, [record]);
    await recordAudit(tx, auditContext(actor), {
      action: "phone.call_log",
      entity: "service_record",
      entityId: record.recordId,
      change: { category: input.category, outcome: input.outcome },
    });
  });
  return record;
}

export async function queueSettingsOf(db: Executor, tenantId: string): Promise<QueueSettings> {
  return findQueueSettings(db, tenantId);
}

/** The manager sets the alert thresholds and the recalls before a no-show. */
export async function updateQueueSettings(
  db: Db,
  actor: Actor,
  settings: QueueSettings,
): Promise<QueueSettings> {
  await transaction(db, async (tx) => {
    await saveQueueSettings(tx, actor.tenantId, settings, actor.userId, now());
    await recordAudit(tx, auditContext(actor), {
      action: "queue.settings_update",
      entity: "queue_settings",
      entityId: actor.tenantId,
      change: settings,
    });
  });
  publish(actor.tenantId, { type: "counter", action: "settings" });
  return settings;
}

export interface NewCounter {
  counterId: string;
  nameJa: string;
  defaultTerminalId?: string | undefined;
  procedureCodes?: string[] | undefined;
}

/** Counters (窓口) are configuration (§5): a new one for a new desk, or a temporary one for a busy day. */
export async function addCounter(db: Db, actor: Actor, input: NewCounter): Promise<Counter> {
  const terminals = await listTerminals(db, actor.tenantId);
  if (input.defaultTerminalId && !terminals.some((t) => t.terminalId === input.defaultTerminalId))
    throw notFound("端末", "Terminal");
  if (input.procedureCodes?.length)
    checkProcedures(await listProcedures(db, actor.tenantId), input.procedureCodes);
  const row: Counter = {
    tenantId: actor.tenantId,
    counterId: input.counterId,
    nameJa: input.nameJa,
    defaultTerminalId: input.defaultTerminalId ?? null,
    procedureCodes: input.procedureCodes ?? [],
  };
  try {
    await transaction(db, async (tx) => {
      await insertCounter(tx, row);
      await recordAudit(tx, auditContext(actor), {
        action: "counter.create",
        entity: "counter",
        entityId: row.counterId,
        change: row,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        "counter_exists",
        "この窓口番号は既にあります。",
        "This counter already exists.",
      );
    throw error;
  }
  catalogueChanged(actor.tenantId);
  return row;
}

export interface NewProcedure {
  code: string;
  nameJa: string;
  nameEn: string;
  standardMinutes: number;
  groupCode: string;
  needsIntegratedTerminal: boolean;
  reportCategory?: string | undefined;
}

/** Managers add procedures; they are served at the counter and counted under their report category. */
export async function addProcedure(db: Db, actor: Actor, input: NewProcedure): Promise<Procedure> {
  const [all, groups] = await Promise.all([
    listProcedures(db, actor.tenantId),
    listGroups(db, actor.tenantId),
  ]);
  if (!groups.some((g) => g.groupCode === input.groupCode))
    throw notFound("手続グループ", "Procedure group");
  const row: Procedure = {
    tenantId: actor.tenantId,
    code: input.code,
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    standardMinutes: input.standardMinutes,
    needsIntegratedTerminal: input.needsIntegratedTerminal,
    reportCategory: input.reportCategory ?? input.code,
    atCounter: true,
    groupCode: input.groupCode,
    sort: Math.max(0, ...all.map((p) => p.sort)) + 1,
    retiredAt: null,
  };
  try {
    await transaction(db, async (tx) => {
      await insertProcedure(tx, row);
      await recordAudit(tx, auditContext(actor), {
        action: "procedure.create",
        entity: "procedure",
        entityId: row.code,
        change: row,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        "procedure_exists",
        "この手続コードは既にあります。",
        "This procedure code already exists.",
      );
    throw error;
  }
  catalogueChanged(actor.tenantId);
  return row;
}

/** Rename, re-time or retire a procedure; a retired one stays in history and in past records. */
export async function changeProcedure(
  db: Db,
  actor: Actor,
  code: string,
  patch: {
    nameJa?: string | undefined;
    nameEn?: string | undefined;
    standardMinutes?: number | undefined;
    retired?: boolean | undefined;
  },
): Promise<Procedure> {
  const changed = await transaction(db, async (tx) => {
    const { retired, ...rest } = patch;
    const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const row = await updateProcedure(tx, actor.tenantId, code, {
      ...changes,
      ...(retired === undefined ? {} : { retiredAt: retired ? now() : null }),
    });
    if (!row) throw notFound("手続", "Procedure");
    await recordAudit(tx, auditContext(actor), {
      action: retired ? "procedure.retire" : "procedure.update",
      entity: "procedure",
      entityId: code,
      change: patch,
    });
    return row;
  });
  // After the commit: dropped earlier, a concurrent read could cache the old catalogue again.
  catalogueChanged(actor.tenantId);
  return changed;
}
