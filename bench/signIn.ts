import { buildTenant, buildTestApp, buildUser } from "../test/factories.ts";

/**
 * `npm run bench:sign-in`: how long a wrong sign-in takes for a known and an unknown username
 * (they must not be told apart by timing), and for an attempt the limits already hold up.
 *   ATTEMPTS=40 npm run bench:sign-in
 */
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 40);
process.env.NODE_ENV ??= "test";

const t = await buildTestApp({ signInAttemptsPerMinute: 100_000 });
const tenantId = (await buildTenant(t.database)).tenantId;
const knownNames: string[] = [];
for (let i = 0; i < ATTEMPTS; i++) {
  knownNames.push((await buildUser(t.database, tenantId, "staff")).username);
}
const unknownNames = knownNames.map((_, i) => `nobody-${i}`);

/** One wrong attempt per username and address, so each is a real password check. */
async function timeAttempts(usernames: string[], fixedAddress: boolean) {
  const times: number[] = [];
  const statuses = new Set<number>();
  for (const [i, username] of usernames.entries()) {
    const started = performance.now();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: fixedAddress ? "192.0.2.1" : `198.18.${i >> 8}.${i & 255}`,
      payload: { tenant: tenantId, username, password: `wrong ${i}` },
    });
    times.push(performance.now() - started);
    statuses.add(response.statusCode);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return {
    mean: mean.toFixed(1),
    p50: p(0.5).toFixed(1),
    p90: p(0.9).toFixed(1),
    statuses: [...statuses].join("/"),
  };
}

// Alternate the two kinds so a warming process favours neither.
const known = await timeAttempts(knownNames, false);
const unknown = await timeAttempts(unknownNames, false);
const knownAgain = await timeAttempts(knownNames, false);
console.info("wrong password, known username  (ms):", known, knownAgain);
console.info("wrong password, unknown username (ms):", unknown);
const held = await timeAttempts(
  Array.from({ length: ATTEMPTS }, () => "someone"),
  true,
);
console.info("one username from one address, held after 5 (ms):", held);
await t.close();
