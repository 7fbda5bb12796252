import path from "node:path";

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
  logLevel: string;
  /** Secure cookies need HTTPS; off for plain-HTTP localhost demos. */
  secureCookies: boolean;
  /** Sign-in attempts allowed per client address per minute. */
  signInAttemptsPerMinute: number;
  /** Where citizens reach the public pages; links in e-mails start with it. */
  publicUrl: string;
  /** SMTP server for notices (smtp://user:pass@host:port); unset: notices wait in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function flag(value: string | undefined): boolean {
  return value === "1" || value === "true" || value === "yes";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);
  }
  let clockStart: Date | undefined;
  if (env.MADOGUCHI_CLOCK) {
    if (production) throw new ConfigError("MADOGUCHI_CLOCK is refused when NODE_ENV=production");
    clockStart = new Date(env.MADOGUCHI_CLOCK);
    if (Number.isNaN(clockStart.getTime())) {
      throw new ConfigError(`MADOGUCHI_CLOCK is not an ISO date-time: ${env.MADOGUCHI_CLOCK}`);
    }
  }
  const demoSkipRequiredTotp = flag(env.MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP);
  if (demoSkipRequiredTotp && production) {
    throw new ConfigError("MADOGUCHI_DEMO_SKIP_REQUIRED_TOTP is refused when NODE_ENV=production");
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir: path.resolve(env.MADOGUCHI_DATA ?? "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    clockStart,
    production,
    demoPassword: env.MADOGUCHI_DEMO_PASSWORD || undefined,
    demoSkipRequiredTotp,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    secureCookies: flag(env.MADOGUCHI_SECURE_COOKIES) || production,
    signInAttemptsPerMinute: Number(env.MADOGUCHI_SIGN_IN_PER_MINUTE ?? 30),
    publicUrl: (env.MADOGUCHI_PUBLIC_URL ?? `http://${env.HOST ?? "127.0.0.1"}:${port}`).replace(
      /\/$/,
      "",
    ),
    smtpUrl: env.MADOGUCHI_SMTP_URL || undefined,
    mailFrom: env.MADOGUCHI_MAIL_FROM ?? "madoguchi@localhost",
  };
}
