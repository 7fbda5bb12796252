import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  AREA_LABELS,
  requestInput,
  STATE_LABELS,
  type SubcontractOut,
} from "../../../../src/subcontracting/contract.ts";
import { AREAS, MAIN_AREA } from "../../../../src/subcontracting/rules.ts";
import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { contractResolver, Field } from "../../forms.tsx";
import { useLabel, useLang, useT } from "../../i18n.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { today, tokyoDateTime } from "../../time.ts";
import { FoldedForm } from "./FoldedForm.tsx";

const KEY = ["subcontracting"] as const;

/** 再委託の承諾: the contractor's requests and the city's written answers. */
export function Subcontracting({ may }: { may: (p: string) => boolean }) {
  const t = useT();
  const label = useLabel();
  const list = useGet<SubcontractOut[]>(KEY, "/api/v1/subcontracting").data ?? [];
  const command = useCommand([KEY]);
  const [dialog, ask] = useDialog();
  const decide = async (r: SubcontractOut) => {
    const values = await ask({
      title: t("subcontracting.decide"),
      confirmLabel: t("subcontracting.decide"),
      fields: [
        {
          name: "decision",
          label: t("subcontracting.decision"),
          type: "select",
          options: (["consented", "refused"] as const).map((d) => ({
            value: d,
            label: label(STATE_LABELS[d]),
          })),
        },
        {
          name: "documentNumber",
          label: t("subcontracting.documentNumber"),
          required: true,
          maxLength: 100,
        },
        {
          name: "decidedOn",
          label: t("subcontracting.decidedOn"),
          type: "date",
          required: true,
          defaultValue: today(),
        },
        { name: "conditions", label: t("subcontracting.conditions"), maxLength: 4000 },
      ],
    });
    if (values)
      await command.run(async () => {
        await api("POST", `/api/v1/subcontracting/${r.id}/decision`, values);
        return undefined;
      });
  };
  return (
    <div className="contract-part">
      <p className="muted">{t("subcontracting.intro")}</p>
      {may("subcontract.request") && <RequestForm />}
      <OutcomeLine message={command.message} />
      {list.length === 0 && <p className="muted">{t("subcontracting.none")}</p>}
      {list.map((r) => (
        <article key={r.id} className="panel wide-panel" aria-label={r.subcontractor}>
          <header className="incident-head">
            <span
              className={`badge ${r.state === "requested" ? "due" : r.state === "refused" ? "overdue" : ""}`}
            >
              {label(STATE_LABELS[r.state])}
            </span>
            {r.inForce && <span className="badge">{t("subcontracting.inForce")}</span>}
            <strong>{r.subcontractor}</strong>
            <span className="muted">
              {r.periodFrom}〜{r.periodTo}
            </span>
          </header>
          <dl className="proposal-fields">
            <div>
              <dt>{t("subcontracting.areas")}</dt>
              <dd>{r.areas.map((a) => label(AREA_LABELS[a])).join("、")}</dd>
            </div>
            <div>
              <dt>{t("subcontracting.scope")}</dt>
              <dd className="entry-text">{r.scope}</dd>
            </div>
            <div>
              <dt>{t("subcontracting.reason")}</dt>
              <dd className="entry-text">{r.reason}</dd>
            </div>
            {r.handlesPersonalData && (
              <div>
                <dt>{t("subcontracting.safeguards")}</dt>
                <dd className="entry-text">{r.safeguards}</dd>
              </div>
            )}
          </dl>
          <p className="muted">
            {r.address} ·{" "}
            {t("subcontracting.requestedBy", {
              at: tokyoDateTime(r.requestedAt),
              by: r.requestedByName,
            })}
          </p>
          {r.decision && (
            <p>
              <strong>
                {t("subcontracting.answer", {
                  decision: label(STATE_LABELS[r.decision.decision]),
                  number: r.decision.documentNumber,
                  on: r.decision.decidedOn,
                })}
              </strong>{" "}
              {r.decision.conditions}
            </p>
          )}
          <div className="actions">
            {may("subcontract.decide") && r.state === "requested" && (
              <button type="button" className="primary" onClick={() => void decide(r)}>
                {t("subcontracting.decide")}
              </button>
            )}
            {may("subcontract.request") && r.state === "requested" && (
              <button
                type="button"
                onClick={() =>
                  void command.run(async () => {
                    await api("POST", `/api/v1/subcontracting/${r.id}/withdraw`);
                    return undefined;
                  })
                }
              >
                {t("subcontracting.withdraw")}
              </button>
            )}
          </div>
        </article>
      ))}
      {dialog}
    </div>
  );
}

type Input = z.infer<typeof requestInput>;

function RequestForm() {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const command = useCommand([KEY]);
  const form = useForm<Input>({
    defaultValues: {
      subcontractor: "",
      address: "",
      areas: [],
      scope: "",
      reason: "",
      periodFrom: today(),
      periodTo: today(),
      handlesPersonalData: false,
      safeguards: "",
    },
    resolver: contractResolver(requestInput, lang),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    command.run(async () => {
      await api("POST", "/api/v1/subcontracting", values);
      form.reset();
      return t("subcontracting.requested");
    }),
  );
  return (
    <FoldedForm
      title={t("subcontracting.request")}
      onSubmit={submit}
      pending={command.pending}
      message={command.message}
    >
      <Field label={t("subcontracting.subcontractor")} error={errors.subcontractor}>
        <input {...form.register("subcontractor")} />
      </Field>
      <Field label={t("subcontracting.address")} error={errors.address}>
        <input {...form.register("address")} />
      </Field>
      <fieldset>
        <legend>{t("subcontracting.areas")}</legend>
        {AREAS.filter((a) => a !== MAIN_AREA).map((a) => (
          <label key={a} className="check-option">
            <input type="checkbox" value={a} {...form.register("areas")} /> {label(AREA_LABELS[a])}
          </label>
        ))}
        {errors.areas && (
          <p className="field-error" role="alert">
            {errors.areas.message}
          </p>
        )}
      </fieldset>
      <Field label={t("subcontracting.scope")} error={errors.scope}>
        <textarea rows={2} {...form.register("scope")} />
      </Field>
      <Field label={t("subcontracting.reason")} error={errors.reason}>
        <textarea rows={2} {...form.register("reason")} />
      </Field>
      <Field label={t("subcontracting.periodFrom")} error={errors.periodFrom}>
        <input type="date" {...form.register("periodFrom")} />
      </Field>
      <Field label={t("subcontracting.periodTo")} error={errors.periodTo}>
        <input type="date" {...form.register("periodTo")} />
      </Field>
      <label className="check-option">
        <input type="checkbox" {...form.register("handlesPersonalData")} />{" "}
        {t("subcontracting.handlesPersonalData")}
      </label>
      <Field label={t("subcontracting.safeguards")} error={errors.safeguards}>
        <textarea rows={2} {...form.register("safeguards")} />
      </Field>
    </FoldedForm>
  );
}
