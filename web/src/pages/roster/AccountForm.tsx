import { type FormEvent, useState } from "react";
import { api } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { Field } from "./fields.tsx";
import { DESIGNATION, type Entry, say } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

/** The person's sign-in account: staff, or the role of their designation. */
export function AccountForm({
  ctx,
  person,
  onDone,
}: {
  ctx: RosterContext;
  person: Entry;
  onDone: () => void;
}) {
  const lang = useLang();
  const s = say(lang);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const role = person.designation ?? "staff";
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const created = await ctx.act(
      () => api("POST", `/api/v1/roster/people/${person.id}/account`, { username, role, password }),
      s(
        `${person.name}さんのアカウント ${username} を作成しました。`,
        `Account ${username} created for ${person.name}.`,
      ),
    );
    if (created) onDone();
  };
  return (
    <form
      className="panel"
      onSubmit={(e) => void save(e)}
      aria-label={s("アカウント作成", "Create account")}
    >
      <h2>{s(`${person.name}さんのアカウントを作成`, `Account for ${person.name}`)}</h2>
      <p className="hint">
        {s(
          `役割: ${DESIGNATION[role]?.ja ?? "本業務従事者"}（名簿の指名に従います）`,
          `Role: ${DESIGNATION[role]?.en ?? "Counter staff"} (follows the roster's designation)`,
        )}
      </p>
      <div className="grid">
        <Field
          label={s("利用者名", "Username")}
          value={username}
          onChange={(e) => setUsername(e.target.value.trim())}
          required
          pattern="[a-z0-9][a-z0-9._-]{1,39}"
          autoComplete="off"
        />
        <Field
          label={s("初期パスワード（10文字以上）", "Initial password (10+ characters)")}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={10}
          autoComplete="new-password"
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {s("作成", "Create")}
        </button>
        <button type="button" onClick={onDone}>
          {s("閉じる", "Close")}
        </button>
      </div>
    </form>
  );
}
