import type { ChangeEvent, InputHTMLAttributes } from "react";

/** A labelled input: the label wraps it, so it is named for screen readers and tests alike. */
export function Field({
  label,
  ...input
}: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      {label}
      <input {...input} />
    </label>
  );
}

export const months = (value: number, onChange: (value: number) => void) => ({
  type: "number",
  min: 0,
  max: 600,
  value,
  onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(Number(e.target.value)),
});
