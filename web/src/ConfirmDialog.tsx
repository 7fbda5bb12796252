import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import { useLang } from "./i18n.ts";

/**
 * The one confirmation dialog (in place of `window.confirm`): focus is trapped inside, the
 * confirming button has focus so Enter confirms and Esc cancels — a clerk working from the
 * keyboard presses the action's key, then Enter.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** A destructive or final action is shown in the warning colour. */
  tone?: "primary" | "danger";
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const lang = useLang();
  return (
    <AlertDialog.Root open={props.open} onOpenChange={(open) => !open && props.onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">{props.title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog-body">{props.children}</div>
          </AlertDialog.Description>
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="big">
                {lang === "ja" ? "キャンセル" : "Cancel"}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button
                type="button"
                className={`big ${props.tone === "danger" ? "danger" : "primary"}`}
                onClick={props.onConfirm}
                // biome-ignore lint/a11y/noAutofocus: Enter must confirm in a keyboard-driven flow.
                autoFocus
              >
                {props.confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
