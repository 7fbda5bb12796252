import { zodResolver } from "@hookform/resolvers/zod";
import { cloneElement, type ReactElement, type ReactNode, useId } from "react";
import type { FieldError as RhfFieldError } from "react-hook-form";
import type { z } from "zod";
import { i18next, type Lang } from "./i18n.ts";

type Issue = { code?: string; minimum?: unknown; maximum?: unknown; origin?: string };

/** A field's problem in the reader's language, from the server schema's own rule. */
export function issueText(issue: Issue, lang: Lang): string {
  const t = i18next.getFixedT(lang);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return t("forms.chooseAtLeast", { minimum: issue.minimum });
      return issue.origin === "string"
        ? Number(issue.minimum) <= 1
          ? t("forms.required")
          : t("forms.atLeastCharacters", { minimum: issue.minimum })
        : t("forms.atLeast", { minimum: issue.minimum });
    case "too_big":
      return issue.origin === "string"
        ? t("forms.atMostCharacters", { maximum: issue.maximum })
        : t("forms.atMost", { maximum: issue.maximum });
    case "invalid_type":
      return t("forms.required");
    default:
      return t("forms.notInTheExpectedForm");
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
