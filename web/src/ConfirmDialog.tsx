import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { type FormEvent, type ReactNode, useCallback, useId, useRef, useState } from "react";
import { useT } from "./i18n.ts";

/** A value the dialog asks for (in place of `window.prompt`). */
export interface DialogField {
  name: string;
  label: string;
  type?: "text" | "date" | "time" | "select";
  /** The choices of a select. */
  options?: { value: string; label: string }[];
  required?: boolean;
  defaultValue?: string;
  maxLength?: number;
}

export interface DialogOptions {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  /** A destructive or final action is shown in the warning colour. */
  tone?: "primary" | "danger";
  fields?: DialogField[];
}

/**
 * The one dialog for confirming and asking (in place of `window.confirm` and `window.prompt`):
 * focus is trapped inside; with no fields the confirming button has focus so Enter confirms and
 * Esc cancels — a clerk working from the keyboard presses the action's key, then Enter.
 */
export function ConfirmDialog(
  props: DialogOptions & {
    open: boolean;
    onConfirm: (values: Record<string, string>) => void;
    onCancel: () => void;
  },
) {
  const t = useT();
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    props.onConfirm(
      Object.fromEntries((props.fields ?? []).map((f) => [f.name, String(data.get(f.name) ?? "")])),
    );
  };
  const hasFields = (props.fields?.length ?? 0) > 0;
  return (
    <AlertDialog.Root open={props.open} onOpenChange={(open) => !open && props.onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <form onSubmit={submit}>
            <AlertDialog.Title className="dialog-title">{props.title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="dialog-body">{props.body}</div>
            </AlertDialog.Description>
            {props.fields?.map((field, i) => (
              <div key={field.name} className="dialog-field">
                <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
                {field.type === "select" ? (
                  <select
                    id={`${id}-${field.name}`}
                    name={field.name}
                    required={field.required}
                    defaultValue={field.defaultValue}
                    // biome-ignore lint/a11y/noAutofocus: the dialog exists to ask for this value.
                    autoFocus={i === 0}
                  >
                    {field.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={`${id}-${field.name}`}
                    name={field.name}
                    type={field.type ?? "text"}
                    required={field.required}
                    defaultValue={field.defaultValue}
                    maxLength={field.maxLength ?? 200}
                    // biome-ignore lint/a11y/noAutofocus: the dialog exists to ask for this value.
                    autoFocus={i === 0}
                  />
                )}
              </div>
            ))}
            <div className="dialog-actions">
              <AlertDialog.Cancel asChild>
                <button type="button" className="big">
                  {t("cancel")}
                </button>
              </AlertDialog.Cancel>
              <button
                type="submit"
                className={`big ${props.tone === "danger" ? "danger" : "primary"}`}
                // biome-ignore lint/a11y/noAutofocus: Enter must confirm in a keyboard-driven flow.
                autoFocus={!hasFields}
              >
                {props.confirmLabel}
              </button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/**
 * `const [dialog, ask, asking] = useDialog()`: render `dialog`, then `await ask({...})` gives the
 * values entered (an empty object when there are no fields) or null when cancelled; `asking` is
 * true while the dialog is open (so page shortcuts can stand aside).
 */
export function useDialog(): [
  ReactNode,
  (options: DialogOptions) => Promise<Record<string, string> | null>,
  boolean,
] {
  const [options, setOptions] = useState<DialogOptions | null>(null);
  const resolver = useRef<(values: Record<string, string> | null) => void>(() => {});
  const ask = useCallback(
    (next: DialogOptions) =>
      new Promise<Record<string, string> | null>((resolve) => {
        resolver.current = resolve;
        setOptions(next);
      }),
    [],
  );
  const close = (values: Record<string, string> | null) => {
    setOptions(null);
    resolver.current(values);
  };
  const dialog = (
    <ConfirmDialog
      open={options !== null}
      title={options?.title ?? ""}
      body={options?.body}
      confirmLabel={options?.confirmLabel ?? ""}
      tone={options?.tone}
      fields={options?.fields}
      onConfirm={(values) => close(values)}
      onCancel={() => close(null)}
    />
  );
  return [dialog, ask, options !== null];
}
