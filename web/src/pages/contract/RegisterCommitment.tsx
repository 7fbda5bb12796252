import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  CADENCE_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  commitmentInput,
} from "../../../../src/commitments/contract.ts";
import { CADENCES } from "../../../../src/commitments/rules.ts";
import { api } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLabel, useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { useCommand } from "../../server.tsx";
import { lastMonth } from "../../time.ts";
import { FoldedForm } from "./FoldedForm.tsx";

type Input = z.infer<typeof commitmentInput>;

/** 提案事項を登録: one commitment of the proposal, checked by the server's own schema. */
export function RegisterCommitment() {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const command = useCommand([keys.commitments]);
  const form = useForm<Input>({
    defaultValues: {
      ref: "",
      title: "",
      detail: "",
      category: "service",
      cadence: "monthly",
      fromMonth: lastMonth(),
    },
    resolver: contractResolver(commitmentInput, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    command.run(async () => {
      await api("POST", "/api/v1/commitments", values);
      form.reset();
      return t("commitments.registered");
    }),
  );
  return (
    <FoldedForm
      title={t("commitments.register")}
      onSubmit={submit}
      pending={command.pending}
      message={command.message}
    >
      <Field label={t("commitments.ref")} error={errors.ref}>
        <input {...form.register("ref")} />
      </Field>
      <Field label={t("commitments.titleField")} error={errors.title}>
        <input {...form.register("title")} />
      </Field>
      <Field label={t("commitments.detail")} error={errors.detail}>
        <textarea rows={2} {...form.register("detail")} />
      </Field>
      <Field label={t("commitments.category")} error={errors.category}>
        <select {...form.register("category")}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {label(CATEGORY_LABELS[c])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("commitments.cadence")} error={errors.cadence}>
        <select {...form.register("cadence")}>
          {CADENCES.map((c) => (
            <option key={c} value={c}>
              {label(CADENCE_LABELS[c])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("commitments.fromMonth")} error={errors.fromMonth}>
        <input type="month" {...form.register("fromMonth")} />
      </Field>
    </FoldedForm>
  );
}
