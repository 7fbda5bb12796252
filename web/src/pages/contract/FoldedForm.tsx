import type { FormEventHandler, ReactNode } from "react";
import type { Outcome } from "../../server.tsx";
import { OutcomeLine } from "../../server.tsx";

/**
 * A form folded under its title until opened (registering is rare beside reading the list): the
 * fields in a grid, the one submitting button named like the form, and the outcome under it.
 */
export function FoldedForm(props: {
  title: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  pending: boolean;
  message: Outcome | null;
  children: ReactNode;
}) {
  return (
    <details className="panel wide-panel">
      <summary>{props.title}</summary>
      <form onSubmit={props.onSubmit} noValidate aria-label={props.title} className="form-grid">
        {props.children}
        <button type="submit" className="primary" disabled={props.pending}>
          {props.title}
        </button>
        <OutcomeLine message={props.message} />
      </form>
    </details>
  );
}
