import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { newUserBody, type userSchema } from "../../../src/platform/auth/contract.ts";
import { roleLabel } from "../../../src/platform/auth/permissions.ts";
import { api } from "../api.ts";
import { useDialog } from "../ConfirmDialog.tsx";
import { contractResolver, Field } from "../forms.tsx";
import { useLang, useT } from "../i18n.ts";
import { OutcomeLine, useCommand } from "../server.tsx";

/** A user as the API gives it: the server's own contract type. */
type UserRow = z.infer<typeof userSchema>;

/** Staff, deputy and manager accounts belong to roster people and are created from the roster. */
const ROLES = ["city", "contractor_admin", "admin", "kiosk", "board"] as const;

/** The tenant's users: list, add, unlock. Viewing names is audited on the server. */
export function Users() {
  const [dialog, ask] = useDialog();
  const t = useT();
  const lang = useLang();
  const client = useQueryClient();
  const users =
    useQuery({ queryKey: ["users"], queryFn: () => api<UserRow[]>("GET", "/api/v1/users") }).data ??
    [];
  // Unlocks and resets say what happened (or why not) under the table.
  const { run, message } = useCommand([["users"]]);
  const load = () => client.invalidateQueries({ queryKey: ["users"] });

  const unlock = (userId: string) =>
    run(async () => {
      await api("POST", `/api/v1/users/${userId}/unlock`);
      return t("saved");
    });
  // A lost authenticator: the server audits the reset and tells the user at their next sign-in.
  const resetTotp = async (user: { userId: string; displayName: string }) => {
    const sure = await ask({
      title: t("resetTotp"),
      body: t("resetTotpConfirm", { name: user.displayName }),
      confirmLabel: t("resetTotp"),
      tone: "danger",
    });
    if (!sure) return;
    await run(async () => {
      await api("POST", `/api/v1/users/${user.userId}/totp/reset`);
      return t("saved");
    });
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
      <OutcomeLine message={message} />
      <NewUserForm onCreated={load} />
    </section>
  );
}

type NewUser = z.infer<typeof newUserBody>;

/** 利用者を追加: devices and city or head-office accounts, checked by the server's own schema. */
function NewUserForm({ onCreated }: { onCreated: () => Promise<unknown> }) {
  const t = useT();
  const lang = useLang();
  const { run, pending, message } = useCommand([["users"]]);
  const empty: NewUser = { username: "", displayName: "", role: "kiosk", password: "" };
  const form = useForm<NewUser>({
    defaultValues: empty,
    resolver: contractResolver(newUserBody, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((v) =>
    run(async () => {
      await api("POST", "/api/v1/users", v);
      form.reset(empty);
      await onCreated();
      return t("created");
    }),
  );
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2>{t("createUser")}</h2>
      <p className="hint">{t("rosterAccountsHint")}</p>
      <div className="grid">
        <Field label={t("username")} error={errors.username}>
          <input {...form.register("username", { setValueAs: (v: string) => v.trim() })} />
        </Field>
        <Field label={t("displayName")} error={errors.displayName}>
          <input {...form.register("displayName")} />
        </Field>
        <Field label={t("role")} error={errors.role}>
          <select {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("password")} error={errors.password}>
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
      </div>
      <OutcomeLine message={message} />
      <button type="submit" className="primary" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
