import { useState } from "react";
import { useT } from "../../i18n.ts";
import { useGet } from "../../server.tsx";

interface Hit {
  anchor: string;
  headings: string[];
  snippet: string;
}

/** The manual's search, at the counter and on the phone: as you type, the sections that match. */
export function ManualSearch({ onOpen }: { onOpen?: (anchor: string) => void }) {
  const t = useT();
  const [q, setQ] = useState("");
  const query = q.trim();
  const hits = useGet<Hit[]>(
    ["manual", "search", query],
    query ? `/api/v1/manual/search?q=${encodeURIComponent(query)}` : null,
  ).data;
  return (
    <div className="manual-search">
      <label htmlFor="manual-q">{t("manual.search")}</label>
      <input
        id="manual-q"
        type="search"
        value={q}
        autoComplete="off"
        placeholder={t("manual.searchHint")}
        onChange={(e) => setQ(e.target.value)}
      />
      {query && hits && hits.length === 0 && <p className="muted">{t("manual.noHits")}</p>}
      {hits && hits.length > 0 && (
        <ul className="plain manual-hits">
          {hits.map((h) => (
            <li key={h.anchor}>
              <a
                href={`/manual#${h.anchor}`}
                target={onOpen ? undefined : "_blank"}
                rel="noopener"
                onClick={(e) => {
                  if (!onOpen) return;
                  e.preventDefault();
                  onOpen(h.anchor);
                }}
              >
                {h.headings.join(" › ")}
              </a>
              <div className="muted">{h.snippet}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
