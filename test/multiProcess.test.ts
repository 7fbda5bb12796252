import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerDatabase } from "./db.ts";
import { type SpawnedServer, spawnServer } from "./server.ts";

/**
 * Two server processes on one PostgreSQL, as `MADOGUCHI_WORKERS` or two `npm start`s behind a
 * proxy run them: events, caches, limits and jobs hold across them, and losing one loses nothing.
 */
const PG = process.env.TEST_DATABASE_URL;
const PASSWORD = "two-processes-pass-1234";
const SIGN_INS_PER_MINUTE = 8;

interface Session {
  cookie: string;
  csrf: string;
}
const signIn = async (base: string, username: string) => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "nagaoka", username, password: PASSWORD }),
  });
  if (!res.ok) return res.status;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("madoguchi_session="))!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
};
const call = (base: string, who: Session, method: string, route: string, body?: unknown) =>
  fetch(`${base}${route}`, {
    method,
    headers: {
      cookie: who.cookie,
      "x-csrf-token": who.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

interface Board {
  calling: { number: string; counter: string }[];
  alerts: { code: string }[];
}
/** A board screen: its SSE stream, every `board` event kept with when it came. */
const watchBoard = async (base: string, who: Session) => {
  const seen: { at: number; board: Board }[] = [];
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/queue/events`, {
    headers: { cookie: who.cookie },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (block.includes("event: board") && data)
            seen.push({ at: performance.now(), board: JSON.parse(data.slice(6)) });
          cut = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // the stream ended: closed here, or its process died
    }
  })();
  return { seen, ended, close: () => controller.abort() };
};
const until = async (check: () => boolean, ms: number) => {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
};

describe.skipIf(!PG)("two server processes on one PostgreSQL", () => {
  let a: SpawnedServer;
  let b: SpawnedServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createServerDatabase(PG!);
    drop = database.drop;
    const env = {
      DATABASE_URL: database.url,
      MADOGUCHI_DEMO_PASSWORD: PASSWORD,
      MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: "1",
      MADOGUCHI_CLOCK: "2026-08-04T10:00:00+09:00",
      MADOGUCHI_SIGN_IN_PER_MINUTE: String(SIGN_INS_PER_MINUTE),
    };
    // Started together on an empty database: they take turns to migrate and seed it.
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await a?.stop("SIGKILL");
    await b?.stop("SIGTERM");
    await drop?.();
  });

  it("share events, caches, limits and jobs, and go on when one is killed", async () => {
    const staff = (await signIn(a.url, "staff")) as Session;
    const manager = (await signIn(b.url, "manager")) as Session;
    const kiosk = (await signIn(a.url, "kiosk")) as Session;
    const board = (await signIn(a.url, "board")) as Session;
    expect([staff, manager, kiosk, board].every((s) => typeof s === "object")).toBe(true);

    // A ticket issued on A is called on B; the board on A shows the call within a second.
    const onA = await watchBoard(a.url, board);
    await until(() => onA.seen.length > 0, 5_000);
    const issued = await call(a.url, kiosk, "POST", "/api/v1/queue/tickets", {
      procedures: ["handover"],
      priority: false,
    });
    expect(issued.status).toBe(201);
    const ticket = (await issued.json()) as { displayNumber: string };
    expect((await call(b.url, staff, "POST", "/api/v1/queue/counters/1/open", {})).status).toBe(
      200,
    );
    const calledAt = performance.now();
    expect(
      (await call(b.url, staff, "POST", "/api/v1/queue/counters/1/call-next", {})).status,
    ).toBe(200);
    const shown = await until(
      () => onA.seen.some((s) => s.board.calling.some((c) => c.number === ticket.displayNumber)),
      1_000,
    );
    expect(shown).toBe(true);
    const lag = onA.seen.find((s) =>
      s.board.calling.some((c) => c.number === ticket.displayNumber),
    )!.at;
    expect(lag - calledAt).toBeLessThan(1_000);

    // A setting changed on B applies on A at once, not when A's cache would have aged out.
    for (let i = 0; i < 2; i++)
      await call(a.url, kiosk, "POST", "/api/v1/queue/tickets", { procedures: ["handover"] });
    const settings = await (await call(b.url, manager, "GET", "/api/v1/queue/settings")).json();
    expect(
      (
        await call(b.url, manager, "PUT", "/api/v1/queue/settings", {
          ...settings,
          alertQueueLength: 1,
        })
      ).status,
    ).toBe(200);
    const alerted = await until(
      () => onA.seen.at(-1)?.board.alerts.some((x) => x.code === "long_queue") ?? false,
      1_000,
    );
    expect(alerted).toBe(true);
    onA.close();

    // Sign-in attempts from one address count together on A and B.
    let attempts = 4; // the four sign-ins above
    let refused: number | undefined;
    while (attempts < SIGN_INS_PER_MINUTE + 3 && refused === undefined) {
      const outcome = await signIn(attempts % 2 ? a.url : b.url, "staff");
      attempts++;
      if (typeof outcome === "number") refused = attempts;
    }
    expect(refused).toBe(SIGN_INS_PER_MINUTE + 1);

    // A is killed while tickets are being issued on it: every ticket it acknowledged stays.
    const acknowledged: string[] = [];
    const issuing = (async () => {
      for (let i = 0; i < 200; i++) {
        try {
          const res = await call(a.url, kiosk, "POST", "/api/v1/queue/tickets", {
            procedures: ["handover"],
          });
          if (res.status === 201)
            acknowledged.push(((await res.json()) as { displayNumber: string }).displayNumber);
        } catch {
          return;
        }
      }
    })();
    await until(() => acknowledged.length >= 5, 10_000);
    expect(await a.stop("SIGKILL")).toBeNull();
    await issuing;
    const waiting = (await (
      await call(b.url, staff, "GET", "/api/v1/queue/tickets?status=waiting")
    ).json()) as { displayNumber: string }[];
    const kept = new Set(waiting.map((t) => t.displayNumber));
    expect(acknowledged.filter((n) => !kept.has(n))).toEqual([]);

    // A board reconnected to B shows the current state.
    const onB = await watchBoard(b.url, board);
    await until(() => onB.seen.length > 0, 5_000);
    expect(onB.seen[0]!.board.calling.map((c) => c.number)).toContain(ticket.displayNumber);
    onB.close();
  }, 120_000);
});
