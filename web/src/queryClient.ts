import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api.ts";

/**
 * The one cache of server data. Live screens do not poll: the event stream marks queries stale
 * (`invalidateQueries`) and they refetch. A refusal (4xx) is an answer, not a network hiccup,
 * so it is not retried.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

/** Query keys per resource, so a write invalidates exactly what it changed. */
export const keys = {
  queueTickets: (statuses: readonly string[]) => ["queue", "tickets", ...statuses] as const,
  queue: ["queue"] as const,
  queueBoard: ["queue", "board"] as const,
  queueMyDay: ["queue", "my-day"] as const,
  catalogue: ["catalogue"] as const,
  commitments: ["commitments"] as const,
  reservations: ["reservations"] as const,
  reservationsOf: (date: string) => ["reservations", date] as const,
  publicReservation: (tenant: string) => ["public", tenant] as const,
  serviceRecords: ["service-records"] as const,
  queueSettings: ["queue-settings"] as const,
  calendar: ["calendar"] as const,
  roster: ["roster"] as const,
  training: ["training"] as const,
  staffingPlan: (month: string) => ["staffing", "plan", month] as const,
  staffingTargets: ["staffing", "targets"] as const,
  tenant: ["tenant"] as const,
  report: (kind: "daily" | "monthly", period: string) => ["reports", kind, period] as const,
  reportList: ["reports", "list"] as const,
  payments: ["payments"] as const,
  investigations: ["investigations"] as const,
  ledger: (month: string) => ["ledger", month] as const,
  emergencies: ["emergencies"] as const,
  incidents: ["incidents"] as const,
  equipment: ["equipment"] as const,
  continuity: ["continuity"] as const,
  cards: ["cards"] as const,
  cardSummary: ["cards", "summary"] as const,
  cardQueues: ["cards", "queues"] as const,
  cardSearch: (q: string) => ["cards", "search", q] as const,
  dashboard: (from: string, to: string) => ["dashboard", from, to] as const,
};
