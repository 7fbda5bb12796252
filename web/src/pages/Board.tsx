import { useEffect, useRef, useState } from "react";
import { api } from "../api.ts";
import { useEventStream, waitText } from "../live.ts";
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

/** 呼出表示盤 (1920×1080): numbers being called, a short history, waits; chime and voice on each call. */
export function Board() {
  const [board, setBoard] = useState<BoardData | null>(null);
  const [sound, setSound] = useState(false);
  const [english, setEnglish] = useState(false);
  const [clock, setClock] = useState(new Date());
  // The server's clock may be a training clock (MADOGUCHI_CLOCK): show its time, not the screen's.
  const offset = useRef(0);
  const seen = useRef<Set<string> | null>(null);
  const audio = useRef<AudioContext | null>(null);

  useEffect(() => {
    void api<BoardData>("GET", "/api/v1/queue/board").then((first) => {
      offset.current = Date.parse(first.generatedAt) - Date.now();
      setBoard(first);
    });
    const timer = setInterval(() => setClock(new Date(Date.now() + offset.current)), 1000);
    return () => clearInterval(timer);
  }, []);

  useEventStream<BoardData>("/api/v1/queue/events", "board", (next) => {
    const fresh = next.calling.filter((c) => !seen.current?.has(key(c)));
    if (seen.current && sound && fresh.length > 0) {
      if (audio.current) chime(audio.current);
      for (const call of fresh) speak(call, english);
    }
    seen.current = new Set(next.calling.map(key));
    setBoard(next);
  });

  const enableSound = () => {
    audio.current ??= new AudioContext();
    void audio.current.resume();
    setSound(true);
  };

  return (
    <main className="board" id="main">
      <header className="board-head">
        <h1>呼出番号 / Now calling</h1>
        <time className="board-clock" dateTime={clock.toISOString()}>
          {clock.toLocaleTimeString("ja-JP", {
            timeZone: "Asia/Tokyo",
            hour: "2-digit",
            minute: "2-digit",
          })}
        </time>
      </header>
      <div className="board-body">
        <section className="board-calling" aria-label="呼出中" aria-live="assertive">
          <div className="call-row call-head">
            <span>受付番号</span>
            <span>窓口</span>
          </div>
          {board?.calling.length ? (
            board.calling.slice(0, 6).map((c) => (
              <div
                className={`call-row${c.recall ? " recall" : ""}`}
                key={key(c)}
                data-number={c.displayNumber}
              >
                <span className="call-number">{c.displayNumber}</span>
                <span className="call-counter">{c.counterName}</span>
              </div>
            ))
          ) : (
            <p className="board-empty">ただいま呼出中の番号はありません</p>
          )}
        </section>
        <aside className="board-side">
          <section aria-label="待ち状況">
            <h2>お待ちの方 / Waiting</h2>
            {board?.groups.map((g) => (
              <div className="board-group" key={g.groupCode}>
                <span className="group-prefix">{g.prefix}</span>
                <span className="group-name">
                  {g.nameJa}
                  <small>{g.nameEn}</small>
                </span>
                <span className="group-waiting">{g.waiting}人</span>
                <span className="group-wait">{waitText(g.estimate, "ja")}</span>
              </div>
            ))}
          </section>
          <section aria-label="呼出履歴">
            <h2>呼出済み / Called</h2>
            <p className="board-history">
              {board?.history.map((c) => c.displayNumber).join("　") || "—"}
            </p>
          </section>
        </aside>
      </div>
      <footer className="board-foot">
        {!sound ? (
          <button type="button" className="primary" onClick={enableSound}>
            ♪ 音声案内を有効にする / Enable sound
          </button>
        ) : (
          <label className="board-english">
            <input
              type="checkbox"
              checked={english}
              onChange={(e) => setEnglish(e.target.checked)}
            />{" "}
            English announcements
          </label>
        )}
      </footer>
    </main>
  );
}
