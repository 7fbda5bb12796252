import { createUser } from "../platform/auth/accounts.ts";
import { ROLE_LABELS, ROSTER_ROLES, type Role } from "../platform/auth/permissions.ts";
import type { User } from "../platform/auth/users.ts";
import { now } from "../platform/clock.ts";
import { conflict, unprocessable } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findRosterPerson } from "./entries.ts";
import { DESIGNATIONS } from "./rules.ts";
import { updatePerson } from "./store.ts";

/** The account to create for a roster person: sign-in name, role, first password. */
export interface AccountInput {
  personId: string;
  username: string;
  role: Role;
  password: string;
}

/**
 * The sign-in account of a person on the roster: staff, deputy and manager accounts exist only
 * this way, tied to their person. The manager and deputy roles go to the designated people only.
 */
export async function createAccountFor(ctx: Ctx, input: AccountInput): Promise<User> {
  requireAccess(ctx, "roster.link_account");
  if (!ROSTER_ROLES.has(input.role))
    throw unprocessable(
      "not_a_roster_role",
      "名簿から作成できるのは本業務従事者・業務副管理者・業務管理者のアカウントです。",
      "Only staff, deputy and manager accounts are created from the roster.",
    );
  // Locked: two accounts made at once for one person cannot both be linked.
  const person = await findRosterPerson(ctx.tx, ctx.tenantId, input.personId, true);
  // The manager's and the deputy's roles follow the designation (業務管理者・業務副管理者の指名).
  if (
    (DESIGNATIONS as readonly string[]).includes(input.role) &&
    person.designation !== input.role
  ) {
    const label = ROLE_LABELS[input.role];
    throw unprocessable(
      "role_needs_designation",
      `${label.ja}のアカウントは、${label.ja}に指名された方にだけ作成できます。`,
      `A ${label.en.toLowerCase()} account is only for the person designated as such.`,
    );
  }
  if (person.userId)
    throw conflict(
      "person_has_account",
      `${person.nameKanji}さんには既にアカウントがあります。`,
      `${person.nameKanji} already has an account.`,
    );
  const { username, role, password } = input;
  return createUser(
    ctx,
    { username, displayName: person.nameKanji, role, password },
    async (user) => {
      await updatePerson(ctx.tx, ctx.tenantId, person.personId, {
        userId: user.userId,
        updatedAt: now(),
      });
      await audit(ctx, {
        action: "roster.person.link",
        entity: "roster_person",
        entityId: person.personId,
        change: { userId: user.userId },
      });
    },
  );
}
