import { useEffect, useState } from "react";
import { type ManualVersionOut, VERSION_STATE_LABELS } from "../../../../src/manual/contract.ts";
import { sectionsOf } from "../../../../src/manual/search.ts";
import { api, type Me } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { tokyoDateTime } from "../../time.ts";
import { ManualSearch } from "./ManualSearch.tsx";
import { Markdown } from "./Markdown.tsx";

type Summary = Omit<ManualVersionOut, "body">;
interface Diff {
  against: number | null;
  lines: { kind: "same" | "added" | "removed"; text: string }[];
}

/**
 * 運営マニュアル: the confirmed manual with its search (every counter user); the leads write a new
 * version, the city reads its changes against the confirmed one and confirms it.
 */
export function Manual({ me }: { me: Me }) {
  const t = useT();
  const manual = useGet<ManualVersionOut>(["manual", "current"], "/api/v1/manual").data;
  const mayVersions = me.permissions.includes("manual.versions");
  const open = (anchor: string) =>
    document.getElementById(anchor)?.scrollIntoView({ behavior: "smooth", block: "start" });
  // Opened from a search elsewhere (the phone screen): go to the section once it is there.
  useEffect(() => {
    const anchor = window.location.hash.slice(1);
    if (manual && anchor) document.getElementById(anchor)?.scrollIntoView({ block: "start" });
  }, [manual]);
  return (
    <section aria-labelledby="manual-title" className="manual">
      <div className="title-row">
        <h1 id="manual-title">{manual?.title ?? t("manual.title")}</h1>
        {manual && (
          <span className="muted">
            {t("manual.confirmedVersion", {
              number: manual.number,
              time: manual.confirmedAt ? tokyoDateTime(manual.confirmedAt) : "",
            })}
          </span>
        )}
      </div>
      <div className="panel wide-panel">
        <ManualSearch onOpen={open} />
      </div>
      {mayVersions && <Versions me={me} current={manual} />}
      {manual && (
        <article className="panel wide-panel manual-body">
          {sectionsOf(manual.body).map((s) => (
            <section key={s.anchor} id={s.anchor}>
              <Markdown source={s.body} />
            </section>
          ))}
        </article>
      )}
    </section>
  );
}

function Versions({ me, current }: { me: Me; current: ManualVersionOut | undefined }) {
  const t = useT();
  const label = useLabel();
  const versions = useGet<Summary[]>(["manual", "versions"], "/api/v1/manual/versions").data ?? [];
  const command = useCommand([["manual"]]);
  const [editing, setEditing] = useState<{ title: string; body: string } | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const diff = useGet<Diff>(
    ["manual", "diff", shown],
    shown ? `/api/v1/manual/versions/${shown}/diff` : null,
  ).data;
  const draft = versions.find((v) => v.state === "draft");
  return (
    <section className="panel wide-panel" aria-labelledby="manual-versions">
      <h2 id="manual-versions" className="section-title">
        {t("manual.versions")}
      </h2>
      <ul className="plain">
        {versions.map((v) => (
          <li key={v.id} className="card-line">
            <span>{t("manual.version", { number: v.number })}</span>{" "}
            <span className={`badge ${v.state === "draft" ? "due" : ""}`}>
              {label(VERSION_STATE_LABELS[v.state])}
            </span>{" "}
            <span className="muted">{tokyoDateTime(v.confirmedAt ?? v.createdAt)}</span>
            {v.state === "draft" && (
              <button type="button" onClick={() => setShown(shown === v.id ? null : v.id)}>
                {t("manual.showChanges")}
              </button>
            )}
            {v.state === "draft" && me.permissions.includes("manual.confirm") && (
              <button
                type="button"
                className="primary"
                disabled={command.pending}
                onClick={() =>
                  void command.run(async () => {
                    await api("POST", `/api/v1/manual/versions/${v.id}/confirm`);
                    setShown(null);
                    return t("manual.confirmed", { number: v.number });
                  })
                }
              >
                {t("manual.confirm")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {diff && (
        <section
          className="manual-diff"
          aria-label={t("manual.changes", { number: diff.against ?? 0 })}
        >
          <p className="muted">{t("manual.changes", { number: diff.against ?? 0 })}</p>
          <pre>
            {diff.lines
              .filter((l) => l.kind !== "same")
              .map((l, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: diff lines have no identity but their place
                <div key={n} className={`diff-${l.kind}`}>
                  {l.kind === "added" ? "+ " : "− "}
                  {l.text}
                </div>
              ))}
          </pre>
        </section>
      )}
      {me.permissions.includes("manual.write") && !draft && !editing && (
        <button
          type="button"
          onClick={() =>
            setEditing({ title: current?.title ?? t("manual.title"), body: current?.body ?? "" })
          }
        >
          {t("manual.newVersion")}
        </button>
      )}
      {editing && (
        <form
          className="manual-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void command.run(async () => {
              const saved = await api<{ number: number }>(
                "POST",
                "/api/v1/manual/versions",
                editing,
              );
              setEditing(null);
              return t("manual.saved", { number: saved.number });
            });
          }}
        >
          <label>
            {t("manual.titleField")}
            <input
              value={editing.title}
              maxLength={200}
              onChange={(e) => setEditing({ ...editing, title: e.target.value })}
            />
          </label>
          <label>
            {t("manual.bodyField")}
            <textarea
              rows={18}
              value={editing.body}
              onChange={(e) => setEditing({ ...editing, body: e.target.value })}
            />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={command.pending}>
              {t("manual.saveDraft")}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t("manual.cancel")}
            </button>
          </div>
        </form>
      )}
      <OutcomeLine message={command.message} />
    </section>
  );
}
