import { useState } from "react";
import { api, type Me } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import type { TicketOut } from "../../queue/types.ts";
import { useCatalogue, useCommand, useGet } from "../../server.tsx";

const AT_COUNTER = ["called", "serving"] as const;

/**
 * The counter desk's server state and commands: the clerk's open session (from the catalogue),
 * the person at the counter (from the called/serving tickets, kept live by the shell's stream),
 * and every step as a command that invalidates the queue — nothing is copied into local state.
 */
export function useCounterDesk(me: Me) {
  const lang = useLang();
  const t = useT();
  const catalogue = useCatalogue().data;
  const session = catalogue?.openSessions.find((s) => s.userId === me.user.userId);
  const atCounters =
    useGet<TicketOut[]>(
      keys.queueTickets(AT_COUNTER),
      session ? `/api/v1/queue/tickets?${AT_COUNTER.map((s) => `status=${s}`).join("&")}` : null,
    ).data ?? [];
  const current = session
    ? (atCounters.find((t) => t.counterId === session.counterId) ?? null)
    : null;
  const command = useCommand([keys.queue, keys.catalogue]);

  // The next person starts with a clean form: no note, checks or transfer target carried over.
  const [formFor, setFormFor] = useState<string | null>(null);
  const [reason, setReason] = useState("documents");
  const [note, setNote] = useState("");
  const [transferTo, setTransferTo] = useState("");
  const [checks, setChecks] = useState<Record<string, Record<string, string>>>({});
  if ((current?.id ?? null) !== formFor) {
    setFormFor(current?.id ?? null);
    setNote("");
    setChecks({});
    setTransferTo("");
  }

  const open = (counterId: string, terminalId: string) =>
    command.run(async () => {
      await api(
        "POST",
        `/api/v1/queue/counters/${counterId}/open`,
        terminalId ? { terminal: terminalId } : {},
      );
      return undefined;
    });
  const close = () =>
    command.run(async () => {
      await api("POST", `/api/v1/queue/counters/${session!.counterId}/close`);
      return undefined;
    });
  const callNext = () =>
    command.run(async () => {
      // Through the API client, so a refusal shows the server's reason, not a network error.
      const called = await api<TicketOut | undefined>(
        "POST",
        `/api/v1/queue/counters/${session!.counterId}/call-next`,
      );
      return called ? undefined : t("desk.nobodyIsWaiting");
    });
  const step = (path: string, body?: unknown) =>
    command.run(async () => {
      if (!current) return undefined;
      await api<TicketOut>("POST", `/api/v1/queue/tickets/${current.id}/${path}`, body ?? {});
      return undefined;
    });
  const guided = current ? current.procedures.filter((code) => catalogue?.checklists[code]) : [];
  const withChecks = guided.length
    ? { checklists: Object.fromEntries(guided.map((code) => [code, checks[code] ?? {}])) }
    : {};
  const finish = (completed: boolean) =>
    step(
      "finish",
      completed
        ? { outcome: "completed", ...withChecks, ...(note ? { note } : {}) }
        : { outcome: "not_completed", reason, ...withChecks, ...(note ? { note } : {}) },
    );
  const transfer = () =>
    transferTo
      ? step(
          "transfer",
          transferTo.startsWith("counter:")
            ? { counterId: transferTo.slice(8) }
            : { procedures: [transferTo] },
        )
      : Promise.resolve(false);
  const name = (code: string) => {
    const p = catalogue?.procedures.find((x) => x.code === code);
    return p ? (lang === "ja" ? p.nameJa : p.nameEn) : code;
  };

  return {
    catalogue,
    session,
    current,
    guided,
    form: { reason, setReason, note, setNote, transferTo, setTransferTo, checks, setChecks },
    pending: command.pending,
    message: command.message,
    setMessage: command.setMessage,
    open,
    close,
    callNext,
    step,
    finish,
    transfer,
    name,
  };
}
