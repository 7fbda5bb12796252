import { useForm } from "react-hook-form";
import type { z } from "zod";
import { roleLabel } from "../../../../src/platform/auth/permissions.ts";
import { accountBody } from "../../../../src/roster/contract.ts";
import { api } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import type { Entry } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

type AccountFields = z.input<typeof accountBody>;

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
  const lang = useLang();
  const role = person.designation ?? "staff";
  const form = useForm<AccountFields>({
    defaultValues: { username: "", role, password: "" },
    resolver: contractResolver(accountBody, lang),
  });
  const { errors, isSubmitting } = form.formState;
  const save = form.handleSubmit(async (v) => {
    const created = await ctx.act(
      () => api("POST", `/api/v1/roster/people/${person.id}/account`, { ...v, role }),
      t("rosterAccountForm.accountCreatedFor", { name: person.name, username: v.username }),
    );
    if (created) onDone();
  });
  return (
    <form
      className="panel"
      onSubmit={save}
      aria-label={t("rosterAccountForm.createAccount")}
      noValidate
    >
      <h2>{t("rosterAccountForm.accountFor", { name: person.name })}</h2>
      <p className="hint">
        {t("rosterAccountForm.roleFollowsTheRosterSDesignation", {
          value: roleLabel(role, "ja"),
          value2: roleLabel(role, "en"),
        })}
      </p>
      <div className="grid">
        <Field label={t("rosterAccountForm.username")} error={errors.username}>
          <input autoComplete="off" {...form.register("username")} />
        </Field>
        <Field label={t("rosterAccountForm.initialPassword10Characters")} error={errors.password}>
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t("rosterAccountForm.create")}
        </button>
        <button type="button" onClick={onDone}>
          {t("rosterAccountForm.close")}
        </button>
      </div>
    </form>
  );
}
