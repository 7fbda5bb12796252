import type { ReactNode } from "react";

/**
 * The manual's Markdown, rendered by a small safe subset: headings, paragraphs, lists, tables,
 * images (relative or data: addresses only), **bold**. No HTML passes through: text is text.
 */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|!\[([^\]]*)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(<strong key={m.index}>{m[1]}</strong>);
    else if (/^(data:image\/|\/|\.\/)/.test(m[3]!))
      out.push(<img key={m.index} src={m[3]} alt={m[2] ?? ""} className="manual-image" />);
    else out.push(m[2] ?? "");
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());

export function Markdown({ source }: { source: string }) {
  const lines = source.split(/\r?\n/);
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + 1);
      const Tag = `h${level}` as "h2";
      blocks.push(<Tag key={i}>{inline(heading[2]!)}</Tag>);
      i++;
    } else if (/^\s*\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i]!)) {
        if (!/^\s*\|?\s*:?-{2,}/.test(lines[i]!)) rows.push(cells(lines[i]!));
        i++;
      }
      const [head, ...body] = rows;
      blocks.push(
        <div key={i} className="table-wrap">
          <table>
            <thead>
              <tr>
                {head?.map((c, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                  <th key={n} scope="col">
                    {inline(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((r, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <tr key={n}>
                  {r.map((c, m) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                    <td key={m}>{inline(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
    } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i]!)) {
        items.push(lines[i]!.replace(/^\s*([-*]|\d+\.)\s+/, ""));
        i++;
      }
      const List = ordered ? "ol" : "ul";
      blocks.push(
        <List key={i}>
          {items.map((item, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
            <li key={n}>{inline(item)}</li>
          ))}
        </List>,
      );
    } else if (line.trim()) {
      const para: string[] = [];
      while (
        i < lines.length &&
        lines[i]!.trim() &&
        !/^(#|\s*\||\s*([-*]|\d+\.)\s)/.test(lines[i]!)
      ) {
        para.push(lines[i]!);
        i++;
      }
      blocks.push(<p key={i}>{inline(para.join(" "))}</p>);
    } else i++;
  }
  return <>{blocks}</>;
}
