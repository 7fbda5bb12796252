import path from "node:path";
import { z } from "zod";

/** Everything the process reads from its environment, read once and validated here. */
export interface Config {
  port: number;
  host: string;
  /** PGlite data folder; unused when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Start instant of the demo/training clock (MADOGUCHI_CLOCK). */
  clockStart: Date | undefined;
  production: boolean;
  demoPassword: string | undefined;
  /** Demo-only: lets roles that must use TOTP sign in without it. Refused in production. */
  demoSkipRequiredTotp: boolean;
  /** Demo-only: make the demo tenant's past service (2026-02 to 07) in the background at start. */
  demoHistory: boolean;
  /** Server processes sharing the port (MADOGUCHI_WORKERS); above 1 only with PostgreSQL. */
  workers: number;
  /** Proxies whose X-Forwarded-For names the client (MADOGUCHI_TRUST_PROXY); false: none. */
  trustProxy: string[] | false;
  logLevel: string;
  /** Secure cookies need HTTPS; off for plain-HTTP localhost demos. */
  secureCookies: boolean;
  /** Sign-in attempts allowed per client address per minute. */
  signInAttemptsPerMinute: number;
  /** Live event streams one client address may hold open, and this process in all. */
  eventStreamsPerAddress: number;
  eventStreamsPerProcess: number;
  /** Where citizens reach the public pages; links in e-mails start with it. */
  publicUrl: string;
  /** SMTP server for notices (smtp://user:pass@host:port); unset: notices wait in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Channels a person waiting may choose for the turn-near notice (e-mail by default). */
  noticeChannels: string[];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const FLAG = z
  .enum(["", "0", "1", "true", "false", "yes", "no"])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");
const optionalText = z
  .string()
  .optional()
  .transform((v) => v || undefined);
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * Every variable the process reads, in one schema: a bad value stops the server at start with a
 * message naming the variable, instead of becoming NaN and failing later in a stranger way.
 */
const ENV = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  MADOGUCHI_DATA: z.string().min(1).default("data"),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must start with postgres:// or postgresql://",
  }),
  MADOGUCHI_CLOCK: optionalText.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), {
    message: "must be an ISO date-time, e.g. 2026-08-04T09:00:00+09:00",
  }),
  MADOGUCHI_DEMO_PASSWORD: optionalText,
  MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP: FLAG,
  MADOGUCHI_DEMO_HISTORY: z.enum(["0", "1", "true", "false", "yes", "no"]).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  MADOGUCHI_SECURE_COOKIES: FLAG,
  // Behind a reverse proxy: the proxies whose X-Forwarded-For is believed (addresses or CIDRs,
  // comma-separated), so limits count the client's address and not the proxy's.
  MADOGUCHI_TRUST_PROXY: optionalText,
  // Server processes on this machine sharing the port (Node's cluster): PostgreSQL only.
  MADOGUCHI_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  MADOGUCHI_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  // A city hall's counters, board and kiosks may share one NAT address: 50 is several floors.
  MADOGUCHI_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  MADOGUCHI_STREAMS_PER_PROCESS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  MADOGUCHI_PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: "must start with http:// or https://",
  }),
  MADOGUCHI_SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\//.test(v), {
    message: "must start with smtp:// or smtps://",
  }),
  MADOGUCHI_MAIL_FROM: z.string().min(3).default("madoguchi@localhost"),
  MADOGUCHI_NOTICE_CHANNELS: z
    .string()
    .regex(/^[a-z]+(,[a-z]+)*$/, "a comma-separated list such as email,sms")
    .default("email"),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as shells and service files often leave them.
  const given = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in ENV.shape && value !== ""),
  );
  const parsed = ENV.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name} is not valid (${issue.message}): ${JSON.stringify(env[name])}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  if (e.MADOGUCHI_CLOCK && production)
    throw new ConfigError("MADOGUCHI_CLOCK is refused when NODE_ENV=production");
  if (e.MADOGUCHI_WORKERS > 1 && !e.DATABASE_URL)
    throw new ConfigError(
      "MADOGUCHI_WORKERS above 1 needs DATABASE_URL: the embedded database belongs to one process",
    );
  if (e.MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP && production)
    throw new ConfigError("MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP is refused when NODE_ENV=production");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.MADOGUCHI_DATA),
    databaseUrl: e.DATABASE_URL,
    clockStart: e.MADOGUCHI_CLOCK ? new Date(e.MADOGUCHI_CLOCK) : undefined,
    production,
    demoPassword: e.MADOGUCHI_DEMO_PASSWORD,
    demoSkipRequiredTotp: e.MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP,
    // On for a demo unless switched off; never in production or in the test runner.
    demoHistory:
      !production &&
      e.NODE_ENV !== "test" &&
      !["0", "false", "no"].includes(e.MADOGUCHI_DEMO_HISTORY ?? ""),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    secureCookies: e.MADOGUCHI_SECURE_COOKIES || production,
    workers: e.MADOGUCHI_WORKERS,
    trustProxy: e.MADOGUCHI_TRUST_PROXY
      ? e.MADOGUCHI_TRUST_PROXY.split(",").map((a) => a.trim())
      : false,
    signInAttemptsPerMinute: e.MADOGUCHI_SIGN_IN_PER_MINUTE,
    eventStreamsPerAddress: e.MADOGUCHI_STREAMS_PER_ADDRESS,
    eventStreamsPerProcess: e.MADOGUCHI_STREAMS_PER_PROCESS,
    publicUrl: (e.MADOGUCHI_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.MADOGUCHI_SMTP_URL,
    mailFrom: e.MADOGUCHI_MAIL_FROM,
    noticeChannels: e.MADOGUCHI_NOTICE_CHANNELS.split(","),
  };
}
