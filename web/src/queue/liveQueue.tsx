import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api.ts";
import { useEventStream } from "../live.ts";
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
  useEventStream<Board>("/api/v1/queue/events", "board", (board) => {
    client.setQueryData(keys.queueBoard, board);
    void client.invalidateQueries({
      queryKey: keys.queue,
      predicate: (query) => query.queryKey[1] !== keys.queueBoard[1],
    });
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
