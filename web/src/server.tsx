import { type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorText } from "./api.ts";
import { useLang } from "./i18n.ts";
import { keys } from "./queryClient.ts";
import type { Catalogue } from "./queue/types.ts";

/**
 * Server reads and writes for the pages: every read is a cached query under a resource key,
 * every write a mutation that marks the keys it changed stale. Pages never fetch on their own.
 */
export function useGet<T>(key: QueryKey, url: string | null, options: { staleTime?: number } = {}) {
  return useQuery({
    queryKey: key,
    queryFn: () => api<T>("GET", url as string),
    enabled: url !== null,
    ...options,
  });
}

/** The tenant's catalogue (procedures, groups, counters, reason labels): shared by every page. */
export function useCatalogue() {
  return useGet<Catalogue>(keys.catalogue, "/api/v1/queue/catalogue", { staleTime: 60_000 });
}

export interface Outcome {
  kind: "ok" | "error";
  text: string;
}

/**
 * A page's writes. `run` performs one command, shows what it said (or the server's refusal in
 * the reader's language), and invalidates the keys given; `pending` is true while it runs, so a
 * second tap does not send the command twice.
 */
export function useCommand(invalidate: readonly QueryKey[]) {
  const client = useQueryClient();
  const lang = useLang();
  const [message, setMessage] = useState<Outcome | null>(null);
  const mutation = useMutation({
    mutationFn: (work: () => Promise<string | undefined>) => work(),
    onSuccess: (text) => setMessage(text ? { kind: "ok", text } : null),
    onError: (error) => setMessage({ kind: "error", text: errorText(error, lang) }),
    // Not awaited: the command is done when the server answered; the screens refetch behind it,
    // and a clerk's next key press is not swallowed while they do.
    onSettled: () => {
      for (const queryKey of invalidate) void client.invalidateQueries({ queryKey });
    },
  });
  const run = async (work: () => Promise<string | undefined>): Promise<boolean> => {
    if (mutation.isPending) return false;
    try {
      await mutation.mutateAsync(work);
      return true;
    } catch {
      return false;
    }
  };
  return { run, pending: mutation.isPending, message, setMessage };
}

/** The outcome line under a form: a status for success, an alert for a refusal. */
export function OutcomeLine({ message }: { message: Outcome | null }) {
  if (!message) return null;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
      {message.text}
    </p>
  );
}
