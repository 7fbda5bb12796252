import type { z } from "zod";
import type { meSchema } from "../../src/platform/auth/contract.ts";
import { i18next } from "./i18n.ts";

/** The API client: same-origin cookie session, CSRF token on every write, typed errors. */
export interface ApiErrorBody {
  code: string;
  message: string;
  messageEn: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.messageEn);
  }
}

let csrfToken = "";
export function setCsrfToken(token: string) {
  csrfToken = token;
}

export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data ?? {
        code: "http_error",
        message: `HTTP ${response.status}`,
        messageEn: `HTTP ${response.status}`,
      },
    );
  }
  return data as T;
}

/** Who is signed in, as the API gives it: the server's own contract type. */
export type Me = z.infer<typeof meSchema>;

let serverOffsetMs = 0;
/** Aligns the app's clock with the server's (which may be a training clock). */
export function syncServerClock(serverTime: string) {
  serverOffsetMs = Date.parse(serverTime) - Date.now();
}
export function serverNow(): Date {
  return new Date(Date.now() + serverOffsetMs);
}

export function errorText(error: unknown, lang: "ja" | "en"): string {
  if (error instanceof ApiError) return lang === "ja" ? error.body.message : error.body.messageEn;
  return i18next.getFixedT(lang)("common.networkError");
}
