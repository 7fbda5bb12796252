/**
 * Domain errors carry a stable machine code and a message in Japanese and English. The HTTP
 * layer maps them to 4xx; anything else that escapes is a bug and becomes a 500.
 */
export type ErrorKind =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "locked"
  | "too_many_requests";

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  locked: 423,
  too_many_requests: 429,
};

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly messageJa: string,
    readonly messageEn: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(messageEn);
  }

  get status(): number {
    return STATUS[this.kind];
  }

  toBody(): Record<string, unknown> {
    return { code: this.code, message: this.messageJa, messageEn: this.messageEn, ...this.details };
  }
}

export const notFound = (entityJa: string, entityEn: string) =>
  new DomainError(
    "not_found",
    "not_found",
    `${entityJa}が見つかりません。`,
    `${entityEn} not found.`,
  );

export const forbidden = (why = "この操作の権限がありません。", whyEn = "You may not do this.") =>
  new DomainError("forbidden", "forbidden", why, whyEn);

/** The request contradicts the current state (409), e.g. a counter already in use. */
export const conflict = (code: string, ja: string, en: string, details?: Record<string, unknown>) =>
  new DomainError("conflict", code, ja, en, details);

/** The input breaks a domain rule (422), e.g. a manager without the certificate. */
export const unprocessable = (
  code: string,
  ja: string,
  en: string,
  details?: Record<string, unknown>,
) => new DomainError("unprocessable", code, ja, en, details);
