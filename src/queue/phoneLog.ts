import { businessDayOf } from "../calendar/days.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import type { AuditEntry } from "../platform/audit/store.ts";
import { localTime, now } from "../platform/clock.ts";
import { conflict, DomainError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { CALL_CATEGORIES, type CALL_OUTCOMES } from "./checklist.ts";
import { serviceDay } from "./issue.ts";
import type { ServiceRecord } from "./store.ts";
import { insertServiceRecords } from "./ticketStore.ts";

/** One phone call: when, about what, how it ended. */
export interface PhoneCallInput {
  startedAt: Date;
  endedAt: Date;
  category: string;
  outcome: (typeof CALL_OUTCOMES)[number];
  /** Calls outside the phone hours the calendar gives are recorded only with a reason. */
  overrideReason?: string | undefined;
}

/**
 * The call's record, or why not: a known category, sensible times (not ended in the future),
 * and inside the phone hours the calendar gives unless a reason is given. Pure: the day comes in.
 */
export function phoneCallRecord(props: {
  tenantId: string;
  userId: string;
  input: PhoneCallInput;
  calendar: BusinessDay;
  at: Date;
}): ServiceRecord {
  const { input, calendar } = props;
  if (!CALL_CATEGORIES[input.category]) {
    throw new DomainError(
      "unprocessable",
      "unknown_category",
      "問い合わせ区分が正しくありません。",
      "Unknown call category.",
    );
  }
  if (
    input.endedAt < input.startedAt ||
    input.endedAt.getTime() - input.startedAt.getTime() > 4 * 3_600_000 ||
    input.endedAt > new Date(props.at.getTime() + 60_000)
  ) {
    throw new DomainError(
      "unprocessable",
      "invalid_call_times",
      "通話の開始・終了時刻が正しくありません。",
      "The call's start and end times are not valid.",
    );
  }
  const hm = localTime(input.startedAt);
  const inHours = calendar.phone !== null && calendar.phone.open <= hm && hm < calendar.phone.close;
  if (!inHours && !input.overrideReason?.trim()) {
    throw conflict(
      "phone_closed",
      "電話受付時間外の通話です。理由を入力してください。",
      "The call is outside the phone hours; give a reason.",
    );
  }
  return {
    tenantId: props.tenantId,
    recordId: newId(),
    serviceDay: serviceDay(input.startedAt),
    procedureCode: "phone",
    channel: "phone",
    outcome: input.outcome,
    outcomeReason: inHours ? null : (input.overrideReason?.trim() ?? null),
    category: input.category,
    checklist: null,
    staffUserId: props.userId,
    counterId: null,
    terminalId: null,
    ticketId: null,
    issuedAt: null,
    calledAt: null,
    startedAt: input.startedAt,
    finishedAt: input.endedAt,
    paperTicket: null,
  };
}

export const phoneCallAudit = (record: ServiceRecord): AuditEntry => ({
  action: "phone.call_log",
  entity: "service_record",
  entityId: record.recordId,
  change: { category: record.category, outcome: record.outcome },
});

/** 電話対応の記録: each call becomes a service record of the phone channel. */
export async function logPhoneCall(ctx: Ctx, input: PhoneCallInput): Promise<ServiceRecord> {
  requireAccess(ctx, "phone.log");
  const calendar = await businessDayOf(ctx.tx, ctx.tenantId, serviceDay(input.startedAt));
  const record = phoneCallRecord({
    tenantId: ctx.tenantId,
    userId: ctx.actor.userId,
    input,
    calendar,
    at: now(),
  });
  await insertServiceRecords(ctx.tx, [record]);
  await audit(ctx, phoneCallAudit(record));
  return record;
}
