import { type FormEvent, useState } from "react";
import { api } from "../../api.ts";
import { useT } from "../../i18n.ts";
import { Field } from "./fields.tsx";
import { DESIGNATION, type Entry } from "./model.ts";
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
  const t = useT();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const role = person.designation ?? "staff";
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const created = await ctx.act(
      () => api("POST", `/api/v1/roster/people/${person.id}/account`, { username, role, password }),
      t("rosterAccountForm.accountCreatedFor", { name: person.name, username }),
    );
    if (created) onDone();
  };
  return (
    <form
      className="panel"
      onSubmit={(e) => void save(e)}
      aria-label={t("rosterAccountForm.createAccount")}
    >
      <h2>{t("rosterAccountForm.accountFor", { name: person.name })}</h2>
      <p className="hint">
        {t("rosterAccountForm.roleFollowsTheRosterSDesignation", {
          value: DESIGNATION[role]?.ja ?? "本業務従事者",
          value2: DESIGNATION[role]?.en ?? "Counter staff",
        })}
      </p>
      <div className="grid">
        <Field
          label={t("rosterAccountForm.username")}
          value={username}
          onChange={(e) => setUsername(e.target.value.trim())}
          required
          pattern="[a-z0-9][a-z0-9._-]{1,39}"
          autoComplete="off"
        />
        <Field
          label={t("rosterAccountForm.initialPassword10Characters")}
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
          {t("rosterAccountForm.create")}
        </button>
        <button type="button" onClick={onDone}>
          {t("rosterAccountForm.close")}
        </button>
      </div>
    </form>
  );
}
