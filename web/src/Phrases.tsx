import { jaModel, Parser } from "budoux";
import { Fragment } from "react";

const parser = new Parser(jaModel);

/**
 * Japanese that wraps only between phrases (BudouX): 「カード申請／サポート」, never
 * 「カード申請サポー／ト」. Chromium's own `word-break: auto-phrase` is not enough on every build
 * (Debian's breaks inside words), so the phrase boundaries are found here and marked with <wbr>;
 * a phrase wider than its box still breaks rather than run off the screen.
 */
export function Phrases({ children }: { children: string }) {
  const parts = parser.parse(children);
  return (
    <span className="phrases">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the phrases of one fixed text, in order
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
