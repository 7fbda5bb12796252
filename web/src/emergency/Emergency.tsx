import { useEffect, useRef } from "react";
import { EMERGENCY_REASON_LABELS, type EmergencyOut } from "../../../src/incidents/contract.ts";
import { api, type Me } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLabel, useT } from "../i18n.ts";
import { keys } from "../queryClient.ts";
import { OutcomeLine, useCatalogue, useCommand, useGet } from "../server.tsx";
import { tokyoTime } from "../time.ts";

const REASONS = ["sudden_illness", "aggressive_visitor", "other"] as const;

/**
 * 緊急呼出: the button on every workstation (and Ctrl+Shift+E). One choice, then the alarm is on
 * the manager's and every other counter's screen with this counter and the time.
 */
export function EmergencyButton({ me }: { me: Me }) {
  const t = useT();
  const label = useLabel();
  const [dialog, ask] = useDialog();
  const command = useCommand([keys.emergencies]);
  const session = useCatalogue().data?.openSessions.find((s) => s.userId === me.user.userId);
  const raise = async () => {
    const values = await ask({
      title: t("emergency.ask"),
      body: t("emergency.askBody"),
      confirmLabel: t("emergency.send"),
      tone: "danger",
      fields: [
        {
          name: "reason",
          label: t("emergency.reason"),
          type: "select",
          options: REASONS.map((r) => ({ value: r, label: label(EMERGENCY_REASON_LABELS[r]) })),
        },
      ],
    });
    if (!values) return;
    await command.run(async () => {
      await api("POST", "/api/v1/emergency-calls", {
        counter: session?.counterId ?? "-",
        reason: values.reason,
      });
      return t("emergency.sent");
    });
  };
  const raiseRef = useRef(raise);
  raiseRef.current = raise;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.shiftKey && e.key.toLowerCase() === "e") {
        e.preventDefault();
        void raiseRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="emergency-button"
        aria-keyshortcuts="Control+Shift+E"
        title={t("emergency.shortcut")}
        onClick={() => void raise()}
      >
        {t("emergency.button")}
      </button>
      {dialog}
      {command.message?.kind === "error" && <OutcomeLine message={command.message} />}
    </>
  );
}

/** A short tone where the browser allows it: an alarm is also heard, not only seen. */
function beep() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch {
    // No sound on this device: the banner is still there.
  }
}

/** Every open emergency call, on top of every staff screen until a lead closes it. */
export function EmergencyAlarms({ me }: { me: Me }) {
  const t = useT();
  const label = useLabel();
  const calls = useGet<EmergencyOut[]>(keys.emergencies, "/api/v1/emergency-calls").data ?? [];
  const command = useCommand([keys.emergencies]);
  const [dialog, ask] = useDialog();
  const heard = useRef(new Set<string>());
  useEffect(() => {
    for (const call of calls)
      if (!heard.current.has(call.id)) {
        heard.current.add(call.id);
        if (!call.acknowledgedAt) beep();
      }
  }, [calls]);
  if (calls.length === 0) return dialog;
  const mayClose = me.permissions.includes("emergency.close");
  const close = async (call: EmergencyOut) => {
    const values = await ask({
      title: t("emergency.closeTitle"),
      confirmLabel: t("emergency.close"),
      fields: [{ name: "note", label: t("emergency.note"), required: true, maxLength: 2000 }],
    });
    if (values)
      await command.run(async () => {
        await api("POST", `/api/v1/emergency-calls/${call.id}/close`, { note: values.note });
        return undefined;
      });
  };
  return (
    <section className="emergency-alarms" role="alert" aria-label={t("emergency.alarm")}>
      {calls.map((call) => (
        <div key={call.id} className="emergency-alarm" data-call={call.id}>
          <strong>
            {t("emergency.alarm")}{" "}
            {call.counter === "-"
              ? t("emergency.noCounter")
              : t("emergency.counter", { counter: call.counter })}
          </strong>{" "}
          <span>
            {tokyoTime(call.raisedAt)} {label(EMERGENCY_REASON_LABELS[call.reason])}{" "}
            {t("emergency.by", { name: call.raisedByName })}
          </span>
          {call.acknowledgedByName ? (
            <span className="emergency-ack">
              {t("emergency.acknowledgedBy", { name: call.acknowledgedByName })}
            </span>
          ) : (
            <button
              type="button"
              disabled={command.pending}
              onClick={() =>
                void command.run(async () => {
                  await api("POST", `/api/v1/emergency-calls/${call.id}/acknowledge`);
                  return undefined;
                })
              }
            >
              {t("emergency.acknowledge")}
            </button>
          )}
          {mayClose && (
            <button type="button" disabled={command.pending} onClick={() => void close(call)}>
              {t("emergency.close")}
            </button>
          )}
        </div>
      ))}
      <OutcomeLine message={command.message} />
      {dialog}
    </section>
  );
}
