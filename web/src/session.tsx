import { useQuery } from "@tanstack/react-query";
import { ApiError, api, type Me, setCsrfToken, syncServerClock } from "./api.ts";
import { queryClient } from "./queryClient.ts";

const meKey = ["me"] as const;

/**
 * Who is signed in, as a query like any other server read. Signed out (or the session ended),
 * every other cached answer is dropped: none may outlive the person it was for.
 */
export function useMeQuery() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>("GET", "/api/v1/auth/me");
        setCsrfToken(me.csrfToken);
        syncServerClock(me.serverTime);
        return me;
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
        return null;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * After signing out or switching tenant: every cached answer belonged to the person or tenant
 * before, so all are dropped, and who is signed in is asked again.
 */
export async function startOver(): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  await refreshMe();
}

/** After signing in or out, a tenant switch or a change to one's own account. */
export async function refreshMe(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: meKey });
}

/** The signed-in person, inside the staff area (which renders only once it is known). */
export function useMe(): Me {
  const me = useMeQuery().data;
  if (!me) throw new Error("useMe outside the signed-in area");
  return me;
}
