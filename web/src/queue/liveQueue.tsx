import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { EmergencyOut } from "../../../src/incidents/contract.ts";
import { api } from "../api.ts";
import { useEventStreams } from "../live.ts";
import { keys } from "../queryClient.ts";
import type { Board } from "./types.ts";

/**
 * The one live connection of a staff tab to the queue. Mounted once by the shell: every change
 * arrives as the whole board, which is written into the cache, and every other queue query is
 * marked stale so the screens showing it refetch. Pages read the board with `useQueueBoard`
 * instead of opening streams of their own.
 */
export function LiveQueue() {
  const client = useQueryClient();
  useEventStreams("/api/v1/queue/events", {
    board: (board) => {
      client.setQueryData(keys.queueBoard, board as Board);
      void client.invalidateQueries({
        queryKey: keys.queue,
        predicate: (query) => query.queryKey[1] !== keys.queueBoard[1],
      });
    },
    // 緊急呼出: merged into the open calls at once (a closed one leaves them).
    emergency: (data) => {
      const call = data as EmergencyOut;
      client.setQueryData<EmergencyOut[]>(keys.emergencies, (calls = []) =>
        call.closedAt
          ? calls.filter((c) => c.id !== call.id)
          : [call, ...calls.filter((c) => c.id !== call.id)],
      );
    },
    incident: () => void client.invalidateQueries({ queryKey: keys.incidents }),
  });
  return null;
}

export function useQueueBoard() {
  return useQuery({
    queryKey: keys.queueBoard,
    queryFn: () => api<Board>("GET", "/api/v1/queue/board"),
    // The stream keeps it current; a refetch only when the page is opened afresh.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
