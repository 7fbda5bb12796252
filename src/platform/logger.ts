import pino, { type DestinationStream, type Logger } from "pino";
import { redactMyNumbers } from "./mynumber.ts";

/**
 * JSON logs whose every line passes the My Number guard on its way out: whatever a request, an
 * error or a stack trace carried, a My Number never reaches the log.
 */
export function redactingStream(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return { write: (line: string) => out.write(redactMyNumbers(line)) };
}

export function createLogger(level: string, out?: NodeJS.WritableStream): Logger {
  return pino({ level, base: { service: "madoguchi" } }, redactingStream(out));
}
