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

function send(method: string, url: string, body: unknown, headers: Record<string, string>) {
  return fetch(url, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function failure(status: number, data: ApiErrorBody | undefined) {
  return new ApiError(
    status,
    data ?? { code: "http_error", message: `HTTP ${status}`, messageEn: `HTTP ${status}` },
  );
}

export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await send(method, url, body, headers);
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw failure(response.status, data);
  return data as T;
}

/** A request that answers with a file made for it (a masked PDF): the file, or the API's error. */
export async function apiFile(method: string, url: string, body?: unknown): Promise<Blob> {
  const response = await send(method, url, body, {});
  if (!response.ok) {
    const text = await response.text();
    throw failure(response.status, text ? JSON.parse(text) : undefined);
  }
  return response.blob();
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
