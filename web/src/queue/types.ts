// The board's shapes are the server's own (type-only: nothing of the server reaches the bundle).
export type { Board, BoardCall, GroupStatus } from "../../../src/queue/board.ts";

/** A ticket as the API gives it: the server's own contract type. */
export type { TicketOut } from "../../../src/queue/contract.ts";

export interface Procedure {
  code: string;
  nameJa: string;
  nameEn: string;
  groupCode: string;
  atCounter: boolean;
  retiredAt: string | null;
  standardMinutes: number;
}

export interface Catalogue {
  noShowAfterRecalls: number;
  groups: { groupCode: string; nameJa: string; nameEn: string; prefix: string }[];
  procedures: Procedure[];
  counters: { counterId: string; nameJa: string; defaultTerminalId: string | null }[];
  terminals: { terminalId: string; kind: string; nameJa: string }[];
  openSessions: { counterId: string; terminalId: string | null; userId: string }[];
  notCompletedReasons: Record<string, { ja: string; en: string }>;
  checklists: Record<string, { code: string; ja: string; en: string; required: boolean }[]>;
  callCategories: Record<string, { ja: string; en: string }>;
  callOutcomes: Record<string, { ja: string; en: string }>;
  priorityReasons: Record<string, { ja: string; en: string }>;
}
