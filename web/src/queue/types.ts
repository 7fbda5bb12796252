import type { WaitRange } from "../live.ts";

export interface TicketOut {
  id: string;
  number: string;
  procedures: string[];
  status: string;
  priority: boolean;
  counterId: string | null;
  recallCount: number;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  estimatedWaitMinutes: number | null;
  estimate: WaitRange | null;
  statusUrl: string;
}

export interface GroupStatus {
  groupCode: string;
  nameJa: string;
  nameEn: string;
  prefix: string;
  waiting: number;
  lastCalled: string | null;
  estimate: WaitRange | null;
}

export interface BoardCall {
  displayNumber: string;
  counterId: string;
  counterName: string;
  calledAt: string;
  recall: boolean;
  announcementJa: string;
  announcementEn: string;
}

export interface Board {
  serviceDay: string;
  generatedAt: string;
  calling: BoardCall[];
  history: BoardCall[];
  groups: GroupStatus[];
  openCounters: number;
  alerts: { code: string; value: number; threshold: number; message: string; messageEn: string }[];
}

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
