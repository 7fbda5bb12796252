import { zodResolver } from "@hookform/resolvers/zod";
import { cloneElement, type ReactElement, type ReactNode, useId } from "react";
import type { FieldError as RhfFieldError } from "react-hook-form";
import type { z } from "zod";
import type { Lang } from "./i18n.ts";

type Issue = { code?: string; minimum?: unknown; maximum?: unknown; origin?: string };

/** A field's problem in the reader's language, from the server schema's own rule. */
export function issueText(issue: Issue, lang: Lang): string {
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string"
        ? Number(issue.minimum) <= 1
          ? L("入力してください。", "Required.")
          : L(
              `${issue.minimum}文字以上で入力してください。`,
              `At least ${issue.minimum} characters.`,
            )
        : L(`${issue.minimum}以上にしてください。`, `At least ${issue.minimum}.`);
    case "too_big":
      return issue.origin === "string"
        ? L(`${issue.maximum}文字以内で入力してください。`, `At most ${issue.maximum} characters.`)
        : L(`${issue.maximum}以下にしてください。`, `At most ${issue.maximum}.`);
    case "invalid_type":
      return L("入力してください。", "Required.");
    default:
      return L("形式が正しくありません。", "Not in the expected form.");
  }
}

/**
 * A React Hook Form resolver on one of the server's own request schemas (a domain `contract.ts`),
 * so the form refuses exactly what the API would, with messages in the reader's language.
 */
export function contractResolver<S extends z.ZodType>(schema: S, lang: Lang) {
  return zodResolver(
    schema as never,
    {
      error: (issue: Issue) => issueText(issue, lang),
    } as never,
  ) as never;
}

/**
 * A labelled input with the message the schema gave it: label and message are outside the input (so
 * it does not become part of the field's name) and is tied to the input by aria-describedby.
 */
export function Field({
  label,
  error,
  message,
  children,
}: {
  label: ReactNode;
  error: RhfFieldError | undefined;
  /** Replaces the schema's message, e.g. for a rule of the form rather than of one field. */
  message?: string | undefined;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const text = error ? (message ?? error.message) : undefined;
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>{label}</label>
      {cloneElement(children, {
        id: `${id}-input`,
        "aria-invalid": text ? true : undefined,
        "aria-describedby": text ? `${id}-error` : undefined,
      })}
      {text && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {text}
        </span>
      )}
    </div>
  );
}
