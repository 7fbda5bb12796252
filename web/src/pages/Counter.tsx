import { useEffect, useState } from "react";
import type { Me } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLang, useT } from "../i18n.ts";
import { waitText } from "../live.ts";
import { useQueueBoard } from "../queue/liveQueue.tsx";
import { OutcomeLine } from "../server.tsx";
import { Checklist } from "./counter/Checklist.tsx";
import { MyDay, ServiceTimer } from "./counter/CounterStatus.tsx";
import { useCounterDesk } from "./counter/desk.ts";
import { OpenCounter } from "./counter/OpenCounter.tsx";
import { ServiceForm } from "./counter/ServiceForm.tsx";
import { WaitingList } from "./counter/WaitingList.tsx";

/** Keyboard shortcuts: one key per action, shown on each button. */
const KEYS = {
  call: "n",
  recall: "r",
  start: "s",
  finish: "f",
  notCompleted: "u",
  noShow: "a",
  hold: "h",
  transfer: "t",
} as const;

/** 窓口端末: open a counter, then call, serve and finish people with large buttons or single keys. */
export function Counter({ me }: { me: Me }) {
  const lang = useLang();
  const t = useT();
  const desk = useCounterDesk(me);
  const { catalogue, session, current, guided, name, callNext, step, finish, transfer } = desk;
  const { reason, setReason, note, setNote, transferTo, setTransferTo, checks, setChecks } =
    desk.form;
  const [counterId, setCounterId] = useState("1");
  const [terminalId, setTerminalId] = useState("");
  /** An action that ends or hands over the person waits for a yes in the dialog. */
  const [dialog, confirm, confirming] = useDialog();
  // The shell's one live connection keeps the board (and the lists) current.
  const board = useQueueBoard().data ?? null;

  const ask = (title: string, label: string, work: () => Promise<unknown>, tone?: "danger") =>
    void confirm({ title, confirmLabel: label, tone }).then((sure) => sure && work());

  const actions: {
    key: string;
    label: string;
    run: () => void;
    enabled: boolean;
    primary?: boolean;
  }[] = [
    {
      key: KEYS.call,
      label: t("counter.callNext"),
      run: () => void callNext(),
      enabled: Boolean(session) && !current && !desk.pending,
      primary: true,
    },
    {
      key: KEYS.recall,
      label: t("counter.recall"),
      run: () => void step("recall"),
      enabled: current?.status === "called",
    },
    {
      key: KEYS.start,
      label: t("counter.start"),
      run: () => void step("start"),
      enabled: current?.status === "called",
      primary: true,
    },
    {
      key: KEYS.finish,
      label: t("counter.completed"),
      run: () =>
        ask(t("counter.complete", { number: current?.number }), t("counter.complete2"), () =>
          finish(true),
        ),
      enabled: current?.status === "serving",
      primary: true,
    },
    {
      key: KEYS.notCompleted,
      label: t("counter.endNotCompleted"),
      run: () =>
        ask(
          t("counter.endAsNotCompleted", { number: current?.number }),
          t("counter.endNotCompleted"),
          () => finish(false),
          "danger",
        ),
      enabled: current?.status === "serving",
    },
    {
      key: KEYS.noShow,
      label: t("counter.noShow"),
      run: () =>
        ask(
          t("counter.markAsAbsent", { number: current?.number }),
          t("counter.noShow"),
          () => step("no-show"),
          "danger",
        ),
      // Allowed only after the recalls the manager requires.
      enabled:
        current?.status === "called" && current.recallCount >= (catalogue?.noShowAfterRecalls ?? 0),
    },
    {
      key: KEYS.hold,
      label: t("counter.hold"),
      run: () =>
        ask(t("counter.putOnHold", { number: current?.number }), t("counter.hold"), () =>
          step("hold"),
        ),
      enabled: current?.status === "called",
    },
    {
      key: KEYS.transfer,
      label: t("counter.transfer"),
      run: () =>
        ask(t("counter.transfer2", { number: current?.number }), t("counter.transfer"), () =>
          transfer(),
        ),
      enabled: Boolean(current) && Boolean(transferTo),
    },
  ];

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        confirming ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)
      )
        return;
      const action = actions.find((a) => a.key === event.key.toLowerCase() && a.enabled);
      if (action) {
        event.preventDefault();
        action.run();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <section aria-labelledby="counter-title" className="workstation">
      <div className="title-row">
        <h1 id="counter-title">{t("counter.counter")}</h1>
        {session && (
          <p className="session-badge">
            {t("counter.counterTerminal", {
              counterId: session.counterId,
              value: session.terminalId ?? "—",
            })}{" "}
            <MyDay />{" "}
            <button type="button" disabled={desk.pending} onClick={() => void desk.close()}>
              {t("counter.closeCounter")}
            </button>
          </p>
        )}
      </div>
      {!session && catalogue && (
        <OpenCounter
          catalogue={catalogue}
          counterId={counterId}
          terminalId={terminalId}
          onCounter={setCounterId}
          onTerminal={setTerminalId}
          onOpen={() => void desk.open(counterId, terminalId)}
        />
      )}
      <OutcomeLine message={desk.message} />
      {session && (
        <div className="workstation-body">
          <div className="current-ticket" aria-live="polite">
            {current ? (
              <>
                <p className="current-label">
                  {current.status === "called" ? t("counter.calling") : t("counter.serving")}
                </p>
                <p className="current-number">{current.number}</p>
                <p className="current-procedures">{current.procedures.map(name).join(" / ")}</p>
                {current.priority && <p className="priority-flag">{t("counter.priority")}</p>}
                <ServiceTimer
                  since={
                    (current.status === "serving" ? current.startedAt : null) ??
                    current.calledAt ??
                    current.issuedAt
                  }
                  serving={current.status === "serving"}
                />
                {current.recallCount > 0 && (
                  <p>{t("counter.recalled", { recallCount: current.recallCount })}</p>
                )}
              </>
            ) : (
              <p className="current-empty">{t("counter.noTicketAtThisCounter")}</p>
            )}
          </div>
          {current?.status === "serving" &&
            guided.map((code) => (
              <Checklist
                key={code}
                procedure={code}
                title={name(code)}
                steps={catalogue?.checklists[code] ?? []}
                results={checks[code] ?? {}}
                onChange={(results) => setChecks({ ...checks, [code]: results })}
              />
            ))}
          <div className="action-grid">
            {actions.map((a) => (
              <button
                type="button"
                key={a.key}
                className={`action${a.primary ? " primary" : ""}`}
                disabled={!a.enabled}
                onClick={a.run}
                aria-keyshortcuts={a.key}
              >
                {a.label}
                <kbd>{a.key.toUpperCase()}</kbd>
              </button>
            ))}
          </div>
          <ServiceForm
            catalogue={catalogue ?? null}
            name={name}
            reason={reason}
            transferTo={transferTo}
            note={note}
            onReason={setReason}
            onTransferTo={setTransferTo}
            onNote={setNote}
          />
        </div>
      )}
      {dialog}
      {session && (
        <WaitingList
          counterId={session.counterId}
          canCall={!current}
          name={name}
          onCalled={() => desk.setMessage(null)}
          onError={(text) => desk.setMessage({ kind: "error", text })}
        />
      )}
      <section className="panel wide-panel" aria-label={t("counter.waiting")}>
        <h2>{t("counter.waiting")}</h2>
        <div className="waiting-row">
          {board?.groups.map((g) => (
            <div key={g.groupCode} className="waiting-chip">
              <strong>{g.prefix}</strong> {lang === "ja" ? g.nameJa : g.nameEn}: {g.waiting}
              {t("counter.text")} · {waitText(g.estimate, lang)}
            </div>
          ))}
        </div>
      </section>
    </section>
  );
}
