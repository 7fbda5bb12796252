import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorText, serverNow } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import type { TicketOut } from "../../queue/types.ts";

const STATUSES = ["waiting", "held"] as const;

/**
 * 待ち一覧: who is waiting and who is on hold, with 呼出 (call this number to my counter, out of
 * turn) and 再開 (a held ticket back into the queue). Nobody put on hold is stranded.
 * The counter page's event stream invalidates the query, so the list follows the queue live.
 */
export function WaitingList(props: {
  counterId: string | null;
  /** Calling is offered only while this counter has nobody at it. */
  canCall: boolean;
  name: (code: string) => string;
  onCalled: (ticket: TicketOut) => void;
  onError: (text: string) => void;
}) {
  const lang = useLang();
  const t = useT();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: keys.queueTickets(STATUSES),
    queryFn: () =>
      api<TicketOut[]>(
        "GET",
        `/api/v1/queue/tickets?${STATUSES.map((s) => `status=${s}`).join("&")}`,
      ),
  });
  const call = useMutation({
    mutationFn: (ticket: TicketOut) =>
      api<TicketOut>("POST", `/api/v1/queue/counters/${props.counterId}/call`, {
        ticketId: ticket.id,
      }),
    onSuccess: (ticket) => props.onCalled(ticket),
    onError: (error) => props.onError(errorText(error, lang)),
    onSettled: () => client.invalidateQueries({ queryKey: keys.queue }),
  });
  const resume = useMutation({
    mutationFn: (ticket: TicketOut) =>
      api<TicketOut>("POST", `/api/v1/queue/tickets/${ticket.id}/resume`, {}),
    onError: (error) => props.onError(errorText(error, lang)),
    onSettled: () => client.invalidateQueries({ queryKey: keys.queue }),
  });
  const busy = call.isPending || resume.isPending;
  const tickets = [...(query.data ?? [])].sort(
    (a, b) =>
      Number(b.status === "held") - Number(a.status === "held") ||
      a.issuedAt.localeCompare(b.issuedAt),
  );
  const minutes = (since: string) =>
    Math.max(0, Math.floor((serverNow().getTime() - Date.parse(since)) / 60_000));

  return (
    <section className="panel wide-panel waiting-list" aria-labelledby="waiting-list-title">
      <h2 id="waiting-list-title">
        {t("waitingList.waitingAndOnHold")}{" "}
        <span className="count">{t("waitingList.text", { ticketsCount: tickets.length })}</span>
      </h2>
      {query.isError && (
        <p role="alert" className="error">
          {errorText(query.error, lang)}
        </p>
      )}
      {tickets.length === 0 && query.isSuccess ? (
        <p>{t("waitingList.nobodyIsWaiting")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("waitingList.number")}</th>
                <th scope="col">{t("waitingList.procedures")}</th>
                <th scope="col">{t("waitingList.waited")}</th>
                <th scope="col">{t("waitingList.status")}</th>
                <th scope="col">{t("waitingList.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => (
                <tr key={ticket.id} className={ticket.status === "held" ? "held" : undefined}>
                  <th scope="row" className="ticket-number">
                    {ticket.number}
                    {ticket.priority && (
                      <span className="priority-flag">{t("waitingList.priority")}</span>
                    )}
                  </th>
                  <td>{ticket.procedures.map(props.name).join(" / ")}</td>
                  <td>{t("waitingList.min", { value: minutes(ticket.issuedAt) })}</td>
                  <td>
                    {ticket.status === "held" ? t("waitingList.onHold") : t("waitingList.waiting")}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        disabled={!props.canCall || busy}
                        onClick={() => call.mutate(ticket)}
                        aria-label={t("waitingList.call", { number: ticket.number })}
                      >
                        {t("waitingList.call2")}
                      </button>
                      {ticket.status === "held" && (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => resume.mutate(ticket)}
                          aria-label={t("waitingList.returnToTheQueue", { number: ticket.number })}
                        >
                          {t("waitingList.backToQueue")}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
