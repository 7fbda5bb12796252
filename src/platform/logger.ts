import pino, { type DestinationStream, type Logger, type SerializedError } from "pino";
import { containsMyNumber, decodeUrlText, REDACTED, redactMyNumbers } from "./mynumber.ts";

/**
 * JSON logs that cannot leak. Three layers, each on the structured object so none can break a
 * line's JSON:
 * - serializers decide what a request and an error may say: a route pattern and a screened query,
 *   never a raw URL; a database error's code and constraint, never its query or parameters (a
 *   failed insert would otherwise log the citizen's name and e-mail);
 * - pino `redact` drops credentials by field name;
 * - every string value of the finished line passes the My Number screen, URL-decoded too, so a
 *   number that arrived as `5260%201815%209084` in a message is caught as well.
 */

const SECRET_FIELDS = [
  "password",
  "current",
  "next",
  "totp",
  "token",
  "secret",
  "cookie",
  "authorization",
];

/** A string as the log may keep it: unchanged, or with every My Number replaced. */
export function screenLogText(text: string): string {
  if (containsMyNumber(text)) return redactMyNumbers(text);
  if (/[%+]/.test(text)) {
    const decoded = decodeUrlText(text);
    if (containsMyNumber(decoded)) return redactMyNumbers(decoded);
  }
  return text;
}

/** Screens every string and number of a parsed log line in place (iteratively: no depth limit). */
function screenValues(root: Record<string, unknown>): void {
  const stack: Array<Record<string, unknown> | unknown[]> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of Object.keys(node)) {
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === "string") (node as Record<string, unknown>)[key] = screenLogText(value);
      else if (typeof value === "number" && containsMyNumber(String(value))) {
        (node as Record<string, unknown>)[key] = REDACTED;
      } else if (value && typeof value === "object") stack.push(value as Record<string, unknown>);
    }
  }
}

export function screenLogLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return redactMyNumbers(line);
  }
  if (!parsed || typeof parsed !== "object") return redactMyNumbers(line);
  const keys = JSON.stringify(Object.keys(parsed));
  if (containsMyNumber(keys)) return `${JSON.stringify({ msg: REDACTED })}\n`;
  screenValues(parsed as Record<string, unknown>);
  return `${JSON.stringify(parsed)}\n`;
}

export function redactingStream(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return { write: (line: string) => out.write(screenLogLine(line)) };
}

interface LoggedRequest {
  method: string;
  ip?: string;
  query?: unknown;
  routeOptions?: { url?: string | undefined };
}

function screenedQuery(query: unknown): Record<string, unknown> | undefined {
  if (!query || typeof query !== "object") return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const text = Array.isArray(value) ? value.join(",") : String(value);
    out[screenLogText(key)] = containsMyNumber(decodeUrlText(text)) ? REDACTED : text.slice(0, 200);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** What a request may say in the log: its method, the route it matched and a screened query. */
export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    route: request.routeOptions?.url ?? "(no route)",
    query: screenedQuery(request.query),
    remoteAddress: request.ip,
  };
}

const DATABASE_FIELDS = ["code", "constraint", "table", "column", "schema", "routine", "severity"];

/** The database error under a driver's or the ORM's wrapper, if this is one. */
function databaseErrorOf(error: Record<string, unknown>): Record<string, unknown> | undefined {
  const cause = error.cause as Record<string, unknown> | undefined;
  if ("query" in error && "params" in error) return cause ?? {};
  const isDatabase = (e: Record<string, unknown> | undefined) =>
    !!e && typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && "severity" in e;
  if (isDatabase(error)) return error;
  if (isDatabase(cause)) return cause;
  return undefined;
}

/**
 * Errors keep their type, code and stack frames; a database error keeps only the fields that
 * name what failed (SQLSTATE, constraint, table), because its message, detail and parameters
 * repeat the values of the row.
 */
export function serializeError(error: unknown): SerializedError | Record<string, unknown> {
  if (!error || typeof error !== "object") return { message: String(error) };
  const record = error as Record<string, unknown>;
  const database = databaseErrorOf(record);
  const type = (error as Error).name ?? "Error";
  const frames = String((error as Error).stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
  if (database) {
    const fields: Record<string, unknown> = { type, message: "database error", stack: frames };
    for (const key of DATABASE_FIELDS) {
      if (typeof database[key] === "string") fields[key] = database[key];
    }
    return fields;
  }
  const { params: _p, query: _q, detail: _d, ...rest } = pino.stdSerializers.err(error as Error);
  return rest;
}

export function createLogger(level: string, out?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: "madoguchi" },
      serializers: { req: serializeRequest, err: serializeError, error: serializeError },
      redact: {
        paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
        censor: "[redacted]",
      },
    },
    redactingStream(out),
  );
}
