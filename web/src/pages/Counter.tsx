import { useEffect, useState } from "react";
import type { Me } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLang } from "../i18n.ts";
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
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
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
      label: L("次の方を呼出", "Call next"),
      run: () => void callNext(),
      enabled: Boolean(session) && !current && !desk.pending,
      primary: true,
    },
    {
      key: KEYS.recall,
      label: L("再呼出", "Recall"),
      run: () => void step("recall"),
      enabled: current?.status === "called",
    },
    {
      key: KEYS.start,
      label: L("受付開始", "Start"),
      run: () => void step("start"),
      enabled: current?.status === "called",
      primary: true,
    },
    {
      key: KEYS.finish,
      label: L("完了", "Completed"),
      run: () =>
        ask(
          L(`${current?.number} を完了にします`, `Complete ${current?.number}?`),
          L("完了", "Complete"),
          () => finish(true),
        ),
      enabled: current?.status === "serving",
      primary: true,
    },
    {
      key: KEYS.notCompleted,
      label: L("未完了で終了", "End: not completed"),
      run: () =>
        ask(
          L(`${current?.number} を未完了で終了します`, `End ${current?.number} as not completed?`),
          L("未完了で終了", "End: not completed"),
          () => finish(false),
          "danger",
        ),
      enabled: current?.status === "serving",
    },
    {
      key: KEYS.noShow,
      label: L("不在", "No-show"),
      run: () =>
        ask(
          L(`${current?.number} を不在にします`, `Mark ${current?.number} as absent?`),
          L("不在", "No-show"),
          () => step("no-show"),
          "danger",
        ),
      // Allowed only after the recalls the manager requires.
      enabled:
        current?.status === "called" && current.recallCount >= (catalogue?.noShowAfterRecalls ?? 0),
    },
    {
      key: KEYS.hold,
      label: L("保留", "Hold"),
      run: () =>
        ask(
          L(`${current?.number} を保留にします`, `Put ${current?.number} on hold?`),
          L("保留", "Hold"),
          () => step("hold"),
        ),
      enabled: current?.status === "called",
    },
    {
      key: KEYS.transfer,
      label: L("移管", "Transfer"),
      run: () =>
        ask(
          L(`${current?.number} を移管します`, `Transfer ${current?.number}?`),
          L("移管", "Transfer"),
          () => transfer(),
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
        <h1 id="counter-title">{L("窓口業務", "Counter")}</h1>
        {session && (
          <p className="session-badge">
            {L(
              `${session.counterId}番窓口・端末 ${session.terminalId ?? "—"}`,
              `Counter ${session.counterId} · terminal ${session.terminalId ?? "—"}`,
            )}{" "}
            <MyDay />{" "}
            <button type="button" disabled={desk.pending} onClick={() => void desk.close()}>
              {L("窓口を閉じる", "Close counter")}
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
                  {current.status === "called" ? L("呼出中", "Calling") : L("受付中", "Serving")}
                </p>
                <p className="current-number">{current.number}</p>
                <p className="current-procedures">{current.procedures.map(name).join(" / ")}</p>
                {current.priority && <p className="priority-flag">{L("優先受付", "Priority")}</p>}
                <ServiceTimer
                  since={
                    (current.status === "serving" ? current.startedAt : null) ??
                    current.calledAt ??
                    current.issuedAt
                  }
                  serving={current.status === "serving"}
                />
                {current.recallCount > 0 && (
                  <p>{L(`再呼出 ${current.recallCount}回`, `Recalled ${current.recallCount}×`)}</p>
                )}
              </>
            ) : (
              <p className="current-empty">
                {L("対応中の番号はありません", "No ticket at this counter")}
              </p>
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
      <section className="panel wide-panel" aria-label={L("待ち状況", "Waiting")}>
        <h2>{L("待ち状況", "Waiting")}</h2>
        <div className="waiting-row">
          {board?.groups.map((g) => (
            <div key={g.groupCode} className="waiting-chip">
              <strong>{g.prefix}</strong> {lang === "ja" ? g.nameJa : g.nameEn}: {g.waiting}
              {L("人", "")} · {waitText(g.estimate, lang)}
            </div>
          ))}
        </div>
      </section>
    </section>
  );
}
