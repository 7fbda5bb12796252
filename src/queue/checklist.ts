import { DomainError } from "../platform/errors.ts";

/**
 * 健康保険証利用申込・公金受取口座登録の支援 (§4(3)): a guided checklist at the counter. Each step
 * is done, skipped (not wanted by the person) or failed; the outcome and the steps are recorded.
 */
export const STEP_RESULTS = ["done", "skipped", "failed"] as const;
export type StepResult = (typeof STEP_RESULTS)[number];

export interface ChecklistStep {
  code: string;
  ja: string;
  en: string;
  /** A completed procedure needs this step done. */
  required: boolean;
}

export const CHECKLISTS: Record<string, ChecklistStep[]> = {
  insurance_fund: [
    {
      code: "identity",
      ja: "本人確認（カード・暗証番号）",
      en: "Identity check (card and PIN)",
      required: true,
    },
    {
      code: "insurance",
      ja: "健康保険証としての利用申込",
      en: "Register the card as health-insurance card",
      required: false,
    },
    {
      code: "public_fund",
      ja: "公金受取口座の登録",
      en: "Register the public-fund receiving account",
      required: false,
    },
    {
      code: "explain",
      ja: "利用方法の説明・控えのお渡し",
      en: "Explain use and hand over the confirmation",
      required: true,
    },
  ],
};

/** Checks a checklist against the outcome: a completed procedure has its required steps done and at least one registration. */
export function checkChecklist(
  procedure: string,
  checklist: Record<string, string> | undefined,
  outcome: "completed" | "not_completed",
): Record<string, StepResult> | null {
  const steps = CHECKLISTS[procedure];
  if (!steps) return null;
  const fail = (ja: string, en: string) =>
    new DomainError("unprocessable", "checklist_incomplete", ja, en);
  if (!checklist) throw fail("確認項目を記録してください。", "Record the checklist steps.");
  const result: Record<string, StepResult> = {};
  for (const step of steps) {
    const value = checklist[step.code];
    if (!value || !(STEP_RESULTS as readonly string[]).includes(value)) {
      throw fail(`「${step.ja}」の結果を選んでください。`, `Record the result of "${step.en}".`);
    }
    result[step.code] = value as StepResult;
  }
  if (outcome === "completed") {
    const missing = steps.find((s) => s.required && result[s.code] !== "done");
    if (missing)
      throw fail(
        `「${missing.ja}」が完了していないため、完了にできません。`,
        `"${missing.en}" is not done, so this cannot be completed.`,
      );
    if (steps.filter((s) => !s.required).every((s) => result[s.code] !== "done")) {
      throw fail("申込・登録のいずれも完了していません。", "Neither registration was done.");
    }
  }
  return result;
}

/** 電話対応 (§4(1)): what calls are about, and how they end. */
export const CALL_CATEGORIES: Record<string, { ja: string; en: string }> = {
  notice: { ja: "交付通知・受取", en: "Pick-up notice" },
  reservation: { ja: "予約", en: "Reservations" },
  procedure: { ja: "手続の案内", en: "How to apply" },
  pin: { ja: "暗証番号", en: "PINs" },
  loss: { ja: "紛失・一時停止", en: "Loss and suspension" },
  insurance_fund: { ja: "保険証利用・公金口座", en: "Health insurance / public fund" },
  other: { ja: "その他", en: "Other" },
};

export const CALL_OUTCOMES = ["answered", "transferred_to_city", "call_back"] as const;
export const CALL_OUTCOME_LABELS: Record<
  (typeof CALL_OUTCOMES)[number],
  { ja: string; en: string }
> = {
  answered: { ja: "回答済み", en: "Answered" },
  transferred_to_city: { ja: "市へ転送", en: "Transferred to the city" },
  call_back: { ja: "折り返し", en: "Call back" },
};
