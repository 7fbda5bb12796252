import { DEMO_MANUAL } from "../src/manual/demoManual.ts";
import { indexManual } from "../src/manual/search.ts";

/**
 * `npm run bench:manual`: the manual's search on the demo manual and on one 20 times its size:
 * the index build, and each query's time (p50, p99 over many runs). The aim is under 50 ms a search.
 */
const QUERIES = [
  "交付",
  "暗証番号",
  "ぱすわーど",
  "受け取り",
  "問合せ",
  "保険証",
  "緊急呼出",
  "本人確認書類",
  "QR",
];
const RUNS = Number(process.env.RUNS ?? 2000);

function measure(label: string, manual: string) {
  const t0 = performance.now();
  const index = indexManual(manual);
  const build = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++)
    for (const q of QUERIES) {
      const s = performance.now();
      index.search(q);
      times.push(performance.now() - s);
    }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!;
  console.log(
    `${label}: ${manual.length.toLocaleString()} chars; index ${build.toFixed(1)} ms; search p50 ${p(0.5).toFixed(3)} ms, p99 ${p(0.99).toFixed(3)} ms, max ${times.at(-1)!.toFixed(3)} ms (${times.length} searches)`,
  );
}

measure("demo manual", DEMO_MANUAL);
measure("20× the demo manual", Array.from({ length: 20 }, () => DEMO_MANUAL).join("\n"));
