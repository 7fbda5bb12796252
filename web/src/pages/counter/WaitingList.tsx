import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorText, serverNow } from "../../api.ts";
import { useLang } from "../../i18n.ts";
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
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
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
        {L("お待ちの方・保留中", "Waiting and on hold")}{" "}
        <span className="count">{L(`${tickets.length}人`, `${tickets.length}`)}</span>
      </h2>
      {query.isError && (
        <p role="alert" className="error">
          {errorText(query.error, lang)}
        </p>
      )}
      {tickets.length === 0 && query.isSuccess ? (
        <p>{L("お待ちの方はいません。", "Nobody is waiting.")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{L("番号", "Number")}</th>
                <th scope="col">{L("手続", "Procedures")}</th>
                <th scope="col">{L("待ち時間", "Waited")}</th>
                <th scope="col">{L("状態", "Status")}</th>
                <th scope="col">{L("操作", "Actions")}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((t) => (
                <tr key={t.id} className={t.status === "held" ? "held" : undefined}>
                  <th scope="row" className="ticket-number">
                    {t.number}
                    {t.priority && <span className="priority-flag">{L("優先", "Priority")}</span>}
                  </th>
                  <td>{t.procedures.map(props.name).join(" / ")}</td>
                  <td>{L(`${minutes(t.issuedAt)}分`, `${minutes(t.issuedAt)} min`)}</td>
                  <td>{t.status === "held" ? L("保留中", "On hold") : L("お待ち", "Waiting")}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        disabled={!props.canCall || busy}
                        onClick={() => call.mutate(t)}
                        aria-label={L(`${t.number}を呼出`, `Call ${t.number}`)}
                      >
                        {L("呼出", "Call")}
                      </button>
                      {t.status === "held" && (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => resume.mutate(t)}
                          aria-label={L(
                            `${t.number}を順番待ちに戻す`,
                            `Return ${t.number} to the queue`,
                          )}
                        >
                          {L("順番待ちに戻す", "Back to queue")}
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
