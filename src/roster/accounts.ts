import { type Actor, auditContext } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { createUser } from "../platform/auth/accounts.ts";
import { ROLE_LABELS, ROSTER_ROLES, type Role } from "../platform/auth/permissions.ts";
import type { User } from "../platform/auth/users.ts";
import { now } from "../platform/clock.ts";
import type { Db } from "../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { findPerson, updatePerson } from "./store.ts";

export interface AccountInput {
  username: string;
  role: Role;
  password: string;
}

/**
 * The sign-in account of a person on the roster: staff, deputy and manager accounts exist only
 * this way, tied to their person. The manager and deputy roles go to the designated people only.
 */
export async function createAccountFor(
  db: Db,
  actor: Actor,
  personId: string,
  input: AccountInput,
): Promise<User> {
  if (!ROSTER_ROLES.has(input.role))
    throw unprocessable(
      "not_a_roster_role",
      "名簿から作成できるのは本業務従事者・業務副管理者・業務管理者のアカウントです。",
      "Only staff, deputy and manager accounts are created from the roster.",
    );
  const person = await findPerson(db, actor.tenantId, personId);
  if (!person) throw notFound("従事者", "Person");
  if ((input.role === "manager" || input.role === "deputy") && person.designation !== input.role) {
    const label = ROLE_LABELS[input.role];
    throw unprocessable(
      "role_needs_designation",
      `${label.ja}のアカウントは、${label.ja}に指名された方にだけ作成できます。`,
      `A ${label.en.toLowerCase()} account is only for the person designated as such.`,
    );
  }
  return createUser(
    db,
    actor,
    {
      username: input.username,
      displayName: person.nameKanji,
      role: input.role,
      password: input.password,
    },
    async (tx, user) => {
      const locked = await findPerson(tx, actor.tenantId, personId, true);
      if (locked?.userId)
        throw conflict(
          "person_has_account",
          `${person.nameKanji}さんには既にアカウントがあります。`,
          `${person.nameKanji} already has an account.`,
        );
      await updatePerson(tx, actor.tenantId, personId, { userId: user.userId, updatedAt: now() });
      await recordAudit(tx, auditContext(actor), {
        action: "roster.person.link",
        entity: "roster_person",
        entityId: personId,
        change: { userId: user.userId },
      });
    },
  );
}
