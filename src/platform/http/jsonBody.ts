import type { FastifyInstance } from "fastify";
import { DomainError } from "../errors.ts";

/**
 * The JSON body parser. It refuses nesting deeper than any form of ours needs before parsing,
 * so no later walk over the body (the My Number screen, validation) can exhaust the stack, and
 * it refuses the keys that would poison prototypes, as Fastify's own parser does.
 */
export const MAX_JSON_DEPTH = 32;

const invalidJson = () =>
  new DomainError(
    "bad_request",
    "invalid_json",
    "JSONの形式が正しくありません。",
    "The body is not valid JSON.",
  );

/** True when brackets outside strings nest deeper than `max`; a linear scan, no recursion. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function refusePoison(key: string, value: unknown): unknown {
  if (key === "__proto__" || (key === "constructor" && value && typeof value === "object")) {
    throw invalidJson();
  }
  return value;
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") {
    throw new DomainError(
      "bad_request",
      "invalid_json",
      "本文が空です。",
      "The JSON body is empty.",
    );
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new DomainError(
      "bad_request",
      "json_too_deep",
      `JSONの入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）。`,
      `The JSON nests too deep (at most ${MAX_JSON_DEPTH} levels).`,
    );
  }
  try {
    return /__proto__|constructor/.test(text) ? JSON.parse(text, refusePoison) : JSON.parse(text);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalidJson();
  }
}

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
