import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { NoticeOut } from "../../../../src/notices/contract.ts";
import { api, type Me } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { tokyoDateTime } from "../../time.ts";

const KEY = ["notices"] as const;

/** 周知徹底: notices from the leads; each person confirms having read; the leads see who has not. */
export function Notices({ me }: { me: Me }) {
  const t = useT();
  const notices = useGet<NoticeOut[]>(KEY, "/api/v1/notices").data ?? [];
  const command = useCommand([KEY]);
  const lead = me.permissions.includes("notice.publish");
  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">{t("notices.title")}</h1>
      {lead && <Publish />}
      <OutcomeLine message={command.message} />
      {notices.length === 0 && <p className="muted">{t("notices.none")}</p>}
      {notices.map((n) => (
        <article key={n.id} className={`panel wide-panel notice${n.readAt ? "" : " unread"}`}>
          <header className="incident-head">
            {n.essential && <span className="badge overdue">{t("notices.essential")}</span>}
            <strong>{n.title}</strong>
            <span className="muted">
              {tokyoDateTime(n.publishedAt)} {n.publishedByName}
            </span>
          </header>
          <p className="entry-text">{n.body}</p>
          {n.readAt ? (
            <p className="muted">{t("notices.readAt", { time: tokyoDateTime(n.readAt) })}</p>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={command.pending}
              onClick={() =>
                void command.run(async () => {
                  await api("POST", `/api/v1/notices/${n.id}/read`);
                  return t("notices.confirmed");
                })
              }
            >
              {t("notices.confirm")}
            </button>
          )}
          {lead && <Readers noticeId={n.id} />}
        </article>
      ))}
    </section>
  );
}

function Readers({ noticeId }: { noticeId: string }) {
  const t = useT();
  const readers = useGet<{ read: { name: string }[]; unread: { name: string }[] }>(
    ["notices", noticeId, "readers"],
    `/api/v1/notices/${noticeId}/readers`,
  ).data;
  if (!readers) return null;
  return (
    <p className="muted">
      {t("notices.readers", {
        read: readers.read.length,
        total: readers.read.length + readers.unread.length,
      })}
      {readers.unread.length > 0 &&
        ` ${t("notices.notYet", { names: readers.unread.map((u) => u.name).join("、") })}`}
    </p>
  );
}

function Publish() {
  const t = useT();
  const command = useCommand([KEY]);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [essential, setEssential] = useState(false);
  return (
    <form
      className="panel wide-panel"
      aria-label={t("notices.publish")}
      onSubmit={(e) => {
        e.preventDefault();
        void command.run(async () => {
          await api("POST", "/api/v1/notices", { title, body, essential });
          setTitle("");
          setBody("");
          setEssential(false);
          return t("notices.published");
        });
      }}
    >
      <h2 className="section-title">{t("notices.publish")}</h2>
      <label>
        {t("notices.titleField")}
        <input value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t("notices.bodyField")}
        <textarea
          rows={4}
          value={body}
          maxLength={10000}
          required
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={essential}
          onChange={(e) => setEssential(e.target.checked)}
        />
        {t("notices.essentialField")}
      </label>
      <button type="submit" className="primary" disabled={command.pending}>
        {t("notices.publish")}
      </button>
      <OutcomeLine message={command.message} />
    </form>
  );
}

/** On every staff screen: the essential notices not yet read, with the way to them. */
export function UnreadNotices() {
  const t = useT();
  const unread = (useGet<NoticeOut[]>(KEY, "/api/v1/notices").data ?? []).filter((n) => !n.readAt);
  if (unread.length === 0) return null;
  return (
    <p className="queue-alerts" role="status">
      <Link to="/notices">{t("notices.unread", { count: unread.length })}</Link>
    </p>
  );
}
