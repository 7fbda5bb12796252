import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ESTIMATE_LABEL } from "../../../src/queue/crowding.ts";
import { serverNow } from "../api.ts";
import { useEventStream, waitText } from "../live.ts";
import { Phrases } from "../Phrases.tsx";
import { keys } from "../queryClient.ts";
import { CrowdingBadge } from "../queue/Crowding.tsx";
import { useQueueBoard } from "../queue/liveQueue.tsx";
import type { BoardCall, Board as BoardData } from "../queue/types.ts";

/** A two-tone chime from the Web Audio API: no sound file to ship. */
function chime(context: AudioContext) {
  const at = context.currentTime;
  [880, 660].forEach((frequency, i) => {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at + i * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.4, at + i * 0.45 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + i * 0.45 + 0.9);
    osc.connect(gain).connect(context.destination);
    osc.start(at + i * 0.45);
    osc.stop(at + i * 0.45 + 1);
  });
}

function speak(call: BoardCall, english: boolean) {
  if (!("speechSynthesis" in window)) return;
  const ja = new SpeechSynthesisUtterance(call.announcementJa);
  ja.lang = "ja-JP";
  ja.rate = 0.9;
  window.speechSynthesis.speak(ja);
  if (english) {
    const en = new SpeechSynthesisUtterance(call.announcementEn);
    en.lang = "en-US";
    window.speechSynthesis.speak(en);
  }
}

const key = (c: BoardCall) => `${c.displayNumber}@${c.calledAt}`;

/** How long the newest call stays highlighted (and pulses) after it is made. */
const HIGHLIGHT_MS = 15_000;

/**
 * 呼出表示盤 for a 50-inch screen read from 5–8 m (1920×1080): the newest call large and
 * highlighted, the other current calls, waits per group, recent history. The chime and voice
 * start on their own when the board device allows autoplay (Chromium
 * `--autoplay-policy=no-user-gesture-required`, see the README); otherwise a quiet note asks for
 * one touch. Announcements are Japanese then English; `?voice=ja` makes them Japanese only.
 * Nothing on the public face is a control.
 */
export function Board({ english }: { english: boolean }) {
  const client = useQueryClient();
  const board = useQueueBoard().data;
  const [soundBlocked, setSoundBlocked] = useState(false);
  // The server's clock (synchronised at sign-in) may be a training clock: show its time.
  const [clock, setClock] = useState(serverNow);
  const seen = useRef<Set<string> | null>(null);
  const audio = useRef<AudioContext | null>(null);
  /** The call that arrived last, highlighted for a while from its arrival on this screen. */
  const [freshKey, setFreshKey] = useState<string | null>(null);
  const freshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const timer = setInterval(() => setClock(serverNow()), 1000);
    // Sound on from the start; after a power cut the board speaks again without anyone present.
    audio.current = new AudioContext();
    const unlock = () => {
      void audio.current?.resume().then(() => setSoundBlocked(audio.current?.state !== "running"));
    };
    unlock();
    setSoundBlocked(audio.current.state !== "running");
    window.addEventListener("pointerdown", unlock);
    window.addEventListener("keydown", unlock);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
      void audio.current?.close();
    };
  }, []);

  useEventStream<BoardData>("/api/v1/queue/events", "board", (next) => {
    const fresh = next.calling.filter((c) => !seen.current?.has(key(c)));
    if (seen.current && fresh.length > 0 && audio.current?.state === "running") {
      chime(audio.current);
      // Each new call is said twice, as a counter clerk would.
      for (const call of fresh) {
        speak(call, english);
        speak(call, false);
      }
    }
    if (seen.current && fresh.length > 0) {
      setFreshKey(key(fresh.reduce((a, b) => (a.calledAt > b.calledAt ? a : b))));
      clearTimeout(freshTimer.current);
      freshTimer.current = setTimeout(() => setFreshKey(null), HIGHLIGHT_MS);
    }
    seen.current = new Set(next.calling.map(key));
    // The board is a screen of its own (no shell): its one stream writes into the cache.
    client.setQueryData(keys.queueBoard, next);
  });

  const calling = [...(board?.calling ?? [])].sort((a, b) => b.calledAt.localeCompare(a.calledAt));
  const newest = calling[0];
  const others = calling.slice(1, 7);
  const fresh = newest !== undefined && freshKey === key(newest);

  return (
    <main className="board" id="main">
      <header className="board-head">
        <h1>
          呼出番号 <span lang="en">Now calling</span>
        </h1>
        <time className="board-clock" dateTime={clock.toISOString()}>
          {board
            ? clock.toLocaleTimeString("ja-JP", {
                timeZone: "Asia/Tokyo",
                hour: "2-digit",
                minute: "2-digit",
              })
            : ""}
        </time>
      </header>
      <div className="board-body">
        <section className="board-calling" aria-label="呼出中" aria-live="assertive">
          {newest ? (
            <>
              <div
                className={`call-row call-newest${fresh ? " fresh" : ""}${newest.recall ? " recall" : ""}`}
                data-number={newest.displayNumber}
              >
                <span className="call-number">{newest.displayNumber}</span>
                <span className="call-arrow" aria-hidden="true">
                  ▶
                </span>
                <span className="call-counter">{newest.counterName}</span>
              </div>
              <div className="call-others">
                {others.map((c) => (
                  <div
                    className={`call-row${c.recall ? " recall" : ""}`}
                    key={key(c)}
                    data-number={c.displayNumber}
                  >
                    <span className="call-number">{c.displayNumber}</span>
                    <span className="call-counter">{c.counterName}</span>
                  </div>
                ))}
              </div>
            </>
          ) : (
            <p className="board-empty">
              ただいま呼出中の番号はありません
              <span lang="en">No number is being called</span>
            </p>
          )}
        </section>
        <aside className="board-side">
          <section aria-label="待ち状況">
            <h2>
              お待ちの方 <span lang="en">Waiting</span>
            </h2>
            <p className="board-estimate-note">
              {ESTIMATE_LABEL.ja} <span lang="en">{ESTIMATE_LABEL.en}</span>
            </p>
            {board?.groups.map((g) => (
              <div className="board-group" key={g.groupCode}>
                <span className="group-prefix">{g.prefix}</span>
                <span className="group-name">
                  <Phrases>{g.nameJa}</Phrases>
                  <small lang="en">{g.nameEn}</small>
                </span>
                <span className="group-waiting">{g.waiting}人</span>
                <span className="group-wait">
                  <CrowdingBadge crowding={g.crowding} lang="ja" /> {waitText(g.estimate, "ja")}
                </span>
              </div>
            ))}
          </section>
          <section aria-label="呼出履歴">
            <h2>
              呼出済み <span lang="en">Called</span>
            </h2>
            <p className="board-history">
              {board?.history
                .slice(0, 12)
                .map((c) => c.displayNumber)
                .join("　") || "—"}
            </p>
          </section>
        </aside>
      </div>
      {soundBlocked && (
        <p className="board-sound-note">♪ 音声案内を開始するには画面に一度触れてください</p>
      )}
    </main>
  );
}
