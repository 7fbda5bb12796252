import { changeRoleWithin } from "../platform/auth/accounts.ts";
import { now, todayInTokyo } from "../platform/clock.ts";
import { conflict, unprocessable } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import { findRosterPerson } from "./entries.ts";
import { notifyIfSubmitted } from "./rosterNotices.ts";
import {
  activeOn,
  DESIGNATION_LABELS,
  type Designation,
  describeMissing,
  missingForManager,
} from "./rules.ts";
import { findDesignated, type Person, updatePerson } from "./store.ts";

/** Whom to designate, as what. */
export interface DesignationProps {
  personId: string;
  designation: Designation;
}

/**
 * 業務管理者・業務副管理者の指名. The manager must be a regular employee with municipal
 * experience and the certificate; the deputy is someone else. The previous holder steps down.
 */
export async function designate(ctx: Ctx, props: DesignationProps): Promise<Person> {
  requireAccess(ctx, "roster.write");
  const { personId, designation } = props;
  const label = DESIGNATION_LABELS[designation];
  const person = await findRosterPerson(ctx.tx, ctx.tenantId, personId, true);
  if (!activeOn(person, todayInTokyo()))
    throw unprocessable(
      "person_not_active",
      `${person.nameKanji}さんは現在名簿上の従事者ではありません。`,
      `${person.nameKanji} is not on the roster today.`,
    );
  if (person.designation === designation) return person;
  if (person.designation) {
    const other = DESIGNATION_LABELS[person.designation as Designation];
    throw conflict(
      "deputy_must_be_another_person",
      `${person.nameKanji}さんは既に${other.ja}です。業務管理者と業務副管理者は別の方を指名してください。`,
      `${person.nameKanji} is already the ${other.en.toLowerCase()}. The manager and the deputy must be different people.`,
    );
  }
  if (designation === "manager") {
    const missing = missingForManager(person);
    if (missing.length) {
      const text = describeMissing(missing);
      throw unprocessable(
        `manager_requires_${missing[0]}`,
        `業務管理者には次の要件が必要です：${text.ja}。${person.nameKanji}さんはこれを満たしていません。`,
        `A manager needs ${text.en}; ${person.nameKanji} does not have it.`,
        { missing },
      );
    }
  }
  const previous = await findDesignated(ctx.tx, ctx.tenantId, designation);
  // One manager and one deputy per tenant (a unique index): a concurrent designation loses clearly.
  const updated = await uniquely(
    ctx,
    async (tx) => {
      if (previous)
        await updatePerson(tx, ctx.tenantId, previous.personId, {
          designation: null,
          updatedAt: now(),
        });
      return updatePerson(tx, ctx.tenantId, personId, { designation, updatedAt: now() });
    },
    () =>
      conflict(
        "designation_changed",
        "同時に別の指名が行われました。もう一度お試しください。",
        "Another designation was made at the same moment; try again.",
      ),
  );
  // Accounts follow the designation: least privilege for the one stepping down, the role (and
  // its second factor at the next sign-in) for the one designated.
  if (previous?.userId) await changeRoleWithin(ctx, previous.userId, "staff");
  if (person.userId) await changeRoleWithin(ctx, person.userId, designation);
  await audit(ctx, {
    action: "roster.designate",
    entity: "roster_person",
    entityId: personId,
    change: { designation, previous: previous?.personId ?? null },
  });
  await notifyIfSubmitted(ctx, {
    kind: "designation",
    person: updated,
    detail: {
      ja: `${label.ja}に${person.nameKanji}${previous ? `（前任 ${previous.nameKanji}）` : ""}`,
      en: `${label.en}: ${person.nameKanji}${previous ? ` (replacing ${previous.nameKanji})` : ""}`,
    },
    changes: { [designation]: { before: previous?.nameKanji ?? null, after: person.nameKanji } },
  });
  return updated;
}
