import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { roleLabel } from "../../../src/platform/auth/permissions.ts";
import type { userSchema } from "../../../src/platform/auth/routes.ts";
import { api, errorText } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { useLang, useT } from "../i18n.ts";

/** A user as the API gives it: the server's own contract type. */
type UserRow = z.infer<typeof userSchema>;

/** Staff, deputy and manager accounts belong to roster people and are created from the roster. */
const ROLES = ["city", "contractor_admin", "admin", "kiosk", "board"];

/** The tenant's users: list, add, unlock. Viewing names is audited on the server. */
export function Users() {
  const [dialog, ask] = useDialog();
  const t = useT();
  const lang = useLang();
  const client = useQueryClient();
  const users =
    useQuery({ queryKey: ["users"], queryFn: () => api<UserRow[]>("GET", "/api/v1/users") }).data ??
    [];
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [form, setForm] = useState({ username: "", displayName: "", role: "kiosk", password: "" });

  const load = () => client.invalidateQueries({ queryKey: ["users"] });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api("POST", "/api/v1/users", form);
      setForm({ username: "", displayName: "", role: "kiosk", password: "" });
      setMessage({ kind: "ok", text: t("created") });
      await load();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  const unlock = async (userId: string) => {
    await api("POST", `/api/v1/users/${userId}/unlock`);
    await load();
  };
  // A lost authenticator: the server audits the reset and tells the user at their next sign-in.
  const resetTotp = async (user: { userId: string; displayName: string }) => {
    const sure = await ask({
      title: t("resetTotp"),
      body: t("resetTotpConfirm", { name: user.displayName }),
      confirmLabel: t("resetTotp"),
      tone: "danger",
    });
    if (!sure) return;
    try {
      await api("POST", `/api/v1/users/${user.userId}/totp/reset`);
      setMessage({ kind: "ok", text: t("saved") });
      await load();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };

  return (
    <section aria-labelledby="users-title">
      {dialog}
      <h1 id="users-title">{t("users")}</h1>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("username")}</th>
              <th scope="col">{t("displayName")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.userId}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{roleLabel(u.role, lang)}</td>
                <td>
                  {u.locked ? (
                    <button type="button" onClick={() => void unlock(u.userId)}>
                      {t("locked")} — {t("unlock")}
                    </button>
                  ) : (
                    t("active")
                  )}
                  {u.totpEnabled && (
                    <button type="button" onClick={() => void resetTotp(u)}>
                      {t("resetTotp")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="panel" onSubmit={(e) => void create(e)}>
        <h2>{t("createUser")}</h2>
        <p className="hint">{t("rosterAccountsHint")}</p>
        <div className="grid">
          <label>
            {t("username")}
            <input
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.target.value.trim() })}
              required
              pattern="[a-z0-9][a-z0-9._-]{1,39}"
            />
          </label>
          <label>
            {t("displayName")}
            <input
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
              required
            />
          </label>
          <label>
            {t("role")}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("password")}
            <input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
              required
              minLength={10}
            />
          </label>
        </div>
        {message && (
          <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
            {message.text}
          </p>
        )}
        <button type="submit" className="primary">
          {t("create")}
        </button>
      </form>
    </section>
  );
}
