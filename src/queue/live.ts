import { minutes } from "../calendar/dates.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import { localTime, now } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { isServable } from "./catalogue.ts";
import { calendarDayOf, catalogueOf } from "./catalogueCache.ts";
import { subscribe } from "./events.ts";
import { learnedTimes } from "./learnedTimes.ts";
import {
  type Calibration,
  calibrate,
  type Prediction,
  predictWait,
  waitRange,
} from "./predictor.ts";
import { pastServiceMinutes, type ServiceSample } from "./serviceProfile.ts";
import {
  type Counter,
  type CounterSession,
  openSessionsOf,
  type Procedure,
  type ProcedureGroup,
  type QueueSettings,
  type Terminal,
  type Ticket,
} from "./store.ts";
import { recentServiceMinutes, ticketsInPlay } from "./ticketStore.ts";
import { callOrder } from "./tickets.ts";

export { learnedTimes };

/** Procedures a counter session can serve: the counter's list, what its terminal allows, none retired. */
export function codesServedAt(
  counter: Counter,
  procedures: Procedure[],
  terminal: Terminal | undefined,
): string[] {
  return (
    procedures
      .filter(isServable)
      .filter((p) => counter.procedureCodes.length === 0 || counter.procedureCodes.includes(p.code))
      // A terminal out of service (仕様 7) serves nothing that needs one: capacity follows the ledger.
      .filter(
        (p) =>
          (terminal?.kind === "integrated" && terminal.inService) || !p.needsIntegratedTerminal,
      )
      .map((p) => p.code)
  );
}

/** Everything the live views and the predictor need about one tenant's day, read together. */
export interface QueueState {
  tenantId: string;
  serviceDay: string;
  at: Date;
  groups: ProcedureGroup[];
  procedures: Procedure[];
  counters: Counter[];
  sessions: { session: CounterSession; served: string[] }[];
  /** Waiting tickets in call order. */
  waiting: Ticket[];
  active: Ticket[];
  observed: Map<string, number[]>;
  standard: Map<string, number>;
  minutesToClose: number | undefined;
  calibration: Calibration;
  settings: QueueSettings;
  /** Mean minutes a person spends at the counter: the naive estimate's service time. */
  meanServiceMinutes: number;
}

/** Today's estimates from the last hour and a half, up to 30 of them, set the calibration. */
const CALIBRATION_WINDOW_MS = 90 * 60_000;
const CALIBRATION_SAMPLES = 30;

/** What a queue state is made of, as read from the database (or kept by a replay of past days). */
export interface QueueStateParts {
  tenantId: string;
  serviceDay: string;
  at: Date;
  catalogue: Awaited<ReturnType<typeof catalogueOf>>;
  calendar: BusinessDay;
  /** Open sessions in `openSessionsOf` order. */
  openSessions: CounterSession[];
  /** Today's tickets in play, in issue order (`ticketsInPlay`). */
  tickets: Ticket[];
  /** Completed counter procedures, newest first: today's, and the 60 days before. */
  today: ServiceSample[];
  past: ServiceSample[];
  /** `learnedTimes(today, past)`, when the caller has it already. */
  learned?: ReturnType<typeof learnedTimes> | undefined;
}

export async function loadQueueState(
  db: Executor,
  tenantId: string,
  serviceDay: string,
): Promise<QueueState> {
  const at = now();
  // In turn: a caller's transaction is one connection that runs one query at a time.
  const catalogue = await catalogueOf(db, tenantId);
  const calendar = await calendarDayOf(db, tenantId, serviceDay);
  const openSessions = await openSessionsOf(db, tenantId);
  const tickets = await ticketsInPlay(db, tenantId, serviceDay, calibrationSince(at));
  const past = await pastServiceMinutes(db, tenantId, serviceDay);
  const today = await recentServiceMinutes(db, tenantId, serviceDay);
  return queueStateFrom({
    tenantId,
    serviceDay,
    at,
    catalogue,
    calendar,
    openSessions,
    tickets,
    today,
    past,
  });
}

/** Tickets called since this instant set the calibration (and so stay in play). */
export const calibrationSince = (at: Date) => new Date(at.getTime() - CALIBRATION_WINDOW_MS);

/**
 * What a session serves and the catalogue's standard minutes, kept with the very objects they
 * come from: a replay asks for a new state at every ticket with the same sessions and catalogue
 * (a load from the database brings new objects, so nothing outlives what it was read with).
 */
const servedBySession = new WeakMap<CounterSession, string[]>();
const standards = new WeakMap<Procedure[], Map<string, number>>();
const standardOf = (procedures: Procedure[]) => {
  let standard = standards.get(procedures);
  if (!standard) {
    standard = new Map(procedures.map((p) => [p.code, p.standardMinutes]));
    standards.set(procedures, standard);
  }
  return standard;
};

/** The queue state from its parts: the one rule behind every estimate, live or replayed. Pure. */
export function queueStateFrom(parts: QueueStateParts): QueueState {
  const { at, tickets } = parts;
  const { groups, procedures, counters, terminals, settings } = parts.catalogue;
  const { observed, meanServiceMinutes } =
    parts.learned ?? learnedTimes(parts.today, parts.past, procedures);
  const sessions = parts.openSessions.map((session) => {
    let served = servedBySession.get(session);
    if (!served) {
      const counter = counters.find((c) => c.counterId === session.counterId);
      const terminal = terminals.find((t) => t.terminalId === session.terminalId);
      served = counter ? codesServedAt(counter, procedures, terminal) : [];
      servedBySession.set(session, served);
    }
    return { session, served };
  });
  const called = tickets
    .filter((t) => t.calledAt)
    .sort((a, b) => a.calledAt!.getTime() - b.calledAt!.getTime());
  const closes = [parts.calendar.counter, ...(parts.calendar.extraSessions ?? [])]
    .filter((w) => w !== null)
    .map((w) => minutes(w.close));
  return {
    tenantId: parts.tenantId,
    serviceDay: parts.serviceDay,
    at,
    groups,
    procedures,
    counters,
    sessions,
    waiting: tickets.filter((t) => t.status === "waiting").sort((a, b) => callOrder(a, b, at)),
    active: tickets.filter((t) => t.status === "called" || t.status === "serving"),
    observed,
    standard: standardOf(procedures),
    minutesToClose: closes.length ? Math.max(...closes) - minutes(localTime(at)) : undefined,
    calibration: calibrate(
      called
        .filter(
          (t) =>
            t.calledAt &&
            t.estimateRaw !== null &&
            at.getTime() - t.calledAt.getTime() < CALIBRATION_WINDOW_MS,
        )
        .slice(-CALIBRATION_SAMPLES)
        .map((t) => ({
          actual: (t.calledAt!.getTime() - t.issuedAt.getTime()) / 60_000,
          raw: t.estimateRaw!,
        })),
    ),
    meanServiceMinutes,
    settings,
  };
}

const canServe = (served: string[], codes: string[]) => codes.every((c) => served.includes(c));
const overlaps = (served: string[], codes: string[]) => codes.some((c) => served.includes(c));

/** The wait of a ticket (or of one issued now) given who is ahead of it and who can serve it. */
export function estimateIn(
  state: QueueState,
  ticket: { procedureCodes: string[]; ticketId?: string; priority: boolean },
): Prediction & { position: number } {
  const eligible = state.sessions.filter((s) => canServe(s.served, ticket.procedureCodes));
  const servedByEligible = eligible.flatMap((s) => s.served);
  const index = ticket.ticketId
    ? state.waiting.findIndex((t) => t.ticketId === ticket.ticketId)
    : -1;
  const before =
    index >= 0
      ? state.waiting.slice(0, index)
      : state.waiting.filter((t) => !ticket.priority || t.priority);
  // With no counter open yet, those ahead are the ones waiting for the same procedures.
  const ahead = before.filter((t) =>
    t.targetCounterId
      ? eligible.some((s) => s.session.counterId === t.targetCounterId)
      : overlaps(eligible.length > 0 ? servedByEligible : ticket.procedureCodes, t.procedureCodes),
  );
  const servers = eligible.map((s) => {
    const current = state.active.find((t) => t.sessionId === s.session.sessionId);
    return {
      current: current && {
        procedureCodes: current.procedureCodes,
        elapsedMinutes:
          (state.at.getTime() - (current.startedAt ?? current.lastCalledAt ?? state.at).getTime()) /
          60_000,
      },
      availableFor: s.session.plannedCloseAt
        ? (s.session.plannedCloseAt.getTime() - state.at.getTime()) / 60_000
        : state.minutesToClose,
    };
  });
  const everyoneAhead =
    index >= 0 ? index : state.waiting.filter((t) => !ticket.priority || t.priority).length;
  const prediction = predictWait({
    ahead,
    servers,
    ticket,
    observed: state.observed,
    standardMinutes: state.standard,
    calibration: state.calibration,
    naive: {
      ahead: everyoneAhead,
      meanMinutes: state.meanServiceMinutes,
      openCounters: state.sessions.length,
    },
    seed: ahead.length * 31 + servers.length * 7 + index,
  });
  return { ...prediction, position: ahead.length + 1 };
}

// ---- a per-tenant cache, refreshed after each queue event, so readers never cost one query each ----

export const STATE_TTL_MS = 1000;
/** Keyed by tenant and day: a replay of a past day must not evict today's live state. */
const cache = new Map<string, { state: Promise<QueueState>; loadedAt: number; dirty: boolean }>();
const CACHED_DAYS = 64;
const watched = new Set<string>();

/**
 * Drops the cached state of a day: a replay that moves its own clock through a past day wants
 * every estimate from the queue as it stands, not from one a (simulated) second old.
 */
export function forgetQueueState(tenantId: string, serviceDay: string): void {
  cache.delete(`${tenantId}/${serviceDay}`);
}

/** After a change the cached state is stale: live views reload it, estimates may use it for a second. */
export function invalidate(tenantId: string): void {
  for (const [key, hit] of cache) if (key.startsWith(`${tenantId}/`)) hit.dirty = true;
}

/**
 * The tenant's queue state. `fresh` (live views) reloads after any change; without it (the estimate
 * printed on a new ticket) a state up to a second old serves, so a rush of tickets does not reload
 * the whole queue once per ticket.
 */
export async function currentState(
  db: Executor,
  tenantId: string,
  serviceDay: string,
  fresh = true,
): Promise<QueueState> {
  if (!watched.has(tenantId)) {
    watched.add(tenantId);
    subscribe(tenantId, () => invalidate(tenantId));
  }
  const key = `${tenantId}/${serviceDay}`;
  const hit = cache.get(key);
  // Ages follow the clock module, so a simulated or training clock ages the cache too.
  const young = hit && Math.abs(now().getTime() - hit.loadedAt) < STATE_TTL_MS;
  if (hit && young && (!hit.dirty || !fresh)) return hit.state;
  const state = loadQueueState(db, tenantId, serviceDay);
  cache.delete(key);
  cache.set(key, { state, loadedAt: now().getTime(), dirty: false });
  if (cache.size > CACHED_DAYS) cache.delete(cache.keys().next().value!);
  state.catch(() => cache.delete(key));
  return state;
}

/** Estimates for a new ticket, once per state and kind of ticket: a rush does not re-predict each. */
const newTicketEstimates = new WeakMap<QueueState, Map<string, ReturnType<typeof estimateIn>>>();

export async function estimateForNewTicket(
  db: Executor,
  tenantId: string,
  serviceDay: string,
  ticket: { procedureCodes: string[]; priority: boolean },
) {
  const state = await currentState(db, tenantId, serviceDay, false);
  let byKind = newTicketEstimates.get(state);
  if (!byKind) {
    byKind = new Map();
    newTicketEstimates.set(state, byKind);
  }
  const kind = `${ticket.priority ? "priority" : "normal"}|${[...ticket.procedureCodes].sort().join(",")}`;
  let estimate = byKind.get(kind);
  if (!estimate) {
    estimate = estimateIn(state, ticket);
    byKind.set(kind, estimate);
  }
  return estimate;
}

export interface TicketView {
  number: string;
  status: string;
  procedures: string[];
  position: number | null;
  estimate: { low: number; high: number } | null;
  /** Set when no open counter can serve this ticket right now. */
  noCounterOpen: boolean;
  counterName: string | null;
  serviceDay: string;
}

/** What the person waiting sees on the status page: their number, place and wait; nothing else. */
export function ticketView(state: QueueState, ticket: Ticket): TicketView {
  const waiting = ticket.status === "waiting";
  const estimate = waiting ? estimateIn(state, ticket) : undefined;
  return {
    number: ticket.displayNumber,
    status: ticket.status,
    procedures: ticket.procedureCodes,
    position: estimate ? estimate.position : null,
    estimate: estimate ? waitRange(estimate) : null,
    noCounterOpen: estimate ? !estimate.available : false,
    counterName: ticket.counterId
      ? (state.counters.find((c) => c.counterId === ticket.counterId)?.nameJa ?? null)
      : null,
    serviceDay: ticket.serviceDay,
  };
}
