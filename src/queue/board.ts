import { now } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { isServable } from "./catalogue.ts";
import { type Crowding, crowdingOf } from "./crowding.ts";
import { subscribe } from "./events.ts";
import { currentState, estimateIn, type QueueState, STATE_TTL_MS } from "./live.ts";
import { waitRange } from "./predictor.ts";
import type { Ticket } from "./store.ts";
import { recentCalls } from "./ticketStore.ts";
import { announcement } from "./tickets.ts";

/** What the display board (呼出表示盤) shows: numbers called, groups waiting, alerts for the staff. */
export interface GroupStatus {
  groupCode: string;
  nameJa: string;
  nameEn: string;
  prefix: string;
  waiting: number;
  lastCalled: string | null;
  /**
   * Minutes a person taking a ticket for this group now would wait, as shown: 「約15〜25分」; null
   * when no counter serving the group is open.
   */
  estimate: { low: number; high: number } | null;
  /** 混雑度 from that estimate; null with no counter open. */
  crowding: Crowding | null;
}

export interface BoardCall {
  displayNumber: string;
  counterId: string;
  counterName: string;
  calledAt: string;
  recall: boolean;
  /** 「受付番号 A12番の方、3番窓口へお越しください。」 and its English. */
  announcementJa: string;
  announcementEn: string;
}

export interface QueueAlert {
  code: "long_wait" | "long_queue";
  value: number;
  threshold: number;
  message: string;
  messageEn: string;
}

/** The manager's thresholds: passed, they show on the manager's and the workstations' screens at once. */
export function alertsOf(state: QueueState): QueueAlert[] {
  const alerts: QueueAlert[] = [];
  const longest = Math.max(
    0,
    ...state.waiting.map((t) => (state.at.getTime() - t.issuedAt.getTime()) / 60_000),
  );
  const { alertLongestWaitMinutes: maxWait, alertQueueLength: maxQueue } = state.settings;
  if (longest > maxWait) {
    const value = Math.round(longest);
    alerts.push({
      code: "long_wait",
      value,
      threshold: maxWait,
      message: `最長の待ち時間が${value}分です（基準 ${maxWait}分）。`,
      messageEn: `The longest wait is ${value} min (threshold ${maxWait} min).`,
    });
  }
  if (state.waiting.length > maxQueue) {
    const value = state.waiting.length;
    alerts.push({
      code: "long_queue",
      value,
      threshold: maxQueue,
      message: `お待ちの方が${value}人です（基準 ${maxQueue}人）。`,
      messageEn: `${value} people are waiting (threshold ${maxQueue}).`,
    });
  }
  return alerts;
}

export interface Board {
  serviceDay: string;
  generatedAt: string;
  calling: BoardCall[];
  history: BoardCall[];
  groups: GroupStatus[];
  openCounters: number;
  alerts: QueueAlert[];
}

/** What the display board and the public congestion page show: numbers and counts, never names. */
export function boardOf(state: QueueState, recent: Ticket[]): Board {
  const counterName = (id: string | null) =>
    state.counters.find((c) => c.counterId === id)?.nameJa ?? `${id}番窓口`;
  const call = (t: Ticket): BoardCall => {
    const said = announcement(t.displayNumber, counterName(t.counterId));
    return {
      displayNumber: t.displayNumber,
      counterId: t.counterId ?? "",
      counterName: counterName(t.counterId),
      calledAt: (t.lastCalledAt ?? t.calledAt)!.toISOString(),
      recall: t.recallCount > 0,
      announcementJa: said.ja,
      announcementEn: said.en,
    };
  };
  const groups = state.groups.map((g) => {
    const first = state.procedures.find((p) => p.groupCode === g.groupCode && isServable(p));
    const estimate = first
      ? estimateIn(state, { procedureCodes: [first.code], priority: false })
      : undefined;
    const lastCalled = recent.find((t) => t.groupCode === g.groupCode);
    return {
      groupCode: g.groupCode,
      nameJa: g.nameJa,
      nameEn: g.nameEn,
      prefix: g.prefix,
      waiting: state.waiting.filter((t) => t.groupCode === g.groupCode).length,
      lastCalled: lastCalled?.displayNumber ?? null,
      estimate: estimate ? waitRange(estimate) : null,
      crowding: crowdingOf(estimate ? waitRange(estimate) : null),
    };
  });
  return {
    serviceDay: state.serviceDay,
    generatedAt: state.at.toISOString(),
    calling: recent.filter((t) => t.status === "called").map(call),
    history: recent
      .filter((t) => t.status !== "called")
      .slice(0, 8)
      .map(call),
    groups,
    openCounters: state.sessions.length,
    alerts: alertsOf(state),
  };
}

const boards = new Map<string, { board: Promise<Board>; expires: number }>();
const dropping = new Set<string>();

/** The board, computed at most once a second per tenant however many screens and pages read it. */
export async function currentBoard(
  db: Executor,
  tenantId: string,
  serviceDay: string,
): Promise<Board> {
  // Any change to the queue drops the tenant's board at once (live views must not show it late).
  if (!dropping.has(tenantId)) {
    dropping.add(tenantId);
    subscribe(tenantId, () => boards.delete(tenantId));
  }
  const hit = boards.get(tenantId);
  if (hit && hit.expires > now().getTime()) return hit.board;
  const board = (async () =>
    boardOf(
      await currentState(db, tenantId, serviceDay),
      await recentCalls(db, tenantId, serviceDay, 20),
    ))();
  boards.set(tenantId, { board, expires: now().getTime() + STATE_TTL_MS });
  board.catch(() => boards.delete(tenantId));
  return board;
}
