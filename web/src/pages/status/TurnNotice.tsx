import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { turnNoticeBody, type turnNoticeOptionsSchema } from "../../../../src/queue/contract.ts";
import { api, errorText } from "../../api.ts";
import { contractResolver, Field } from "../../forms.tsx";
import { useLang, useT } from "../../i18n.ts";
import { useGet } from "../../server.tsx";

type Options = z.infer<typeof turnNoticeOptionsSchema>;
type Request = z.infer<typeof turnNoticeBody>;

/**
 * 呼出前のお知らせ: the person chooses how to be told when their turn is near — by a channel the
 * city offers (e-mail; LINE or SMS where configured), and on this screen while it is open.
 */
export function TurnNotice({ base, onScreen }: { base: string; onScreen: React.ReactNode }) {
  const lang = useLang();
  const t = useT();
  const client = useQueryClient();
  const key = ["public", base, "notices"];
  const options = useGet<Options>(key, `${base}/notices`).data;
  const [open, setOpen] = useState(false);
  const form = useForm<Request>({
    defaultValues: { channel: "email", address: "", aheadAtMost: 3 },
    resolver: contractResolver(turnNoticeBody, lang),
  });
  const change = useMutation({
    mutationFn: (work: () => Promise<Options>) => work(),
    onSuccess: (next) => {
      client.setQueryData(key, next);
      setOpen(false);
    },
  });
  if (!options) return null;
  const active = options.chosen.find((c) => c.state === "waiting");
  const sent = options.chosen.find((c) => c.state === "sent");
  const channel = options.channels.find((c) => c.code === form.watch("channel"));
  const name = (code: string) => options.channels.find((c) => c.code === code)?.label[lang] ?? code;

  return (
    <section className="turn-notice" aria-labelledby="turn-notice-title">
      <h2 id="turn-notice-title">{t("turnNotice.tellMeWhenMyTurnIs")}</h2>
      {sent ? (
        <p role="status">{t("turnNotice.sentBy", { value: name(sent.channel) })}</p>
      ) : active ? (
        <>
          <p role="status">
            {t("turnNotice.youWillGetWhenOrFewer", {
              aheadAtMost: active.aheadAtMost,
              value: name(active.channel),
            })}
          </p>
          <button
            type="button"
            disabled={change.isPending}
            onClick={() =>
              change.mutate(() => api<Options>("DELETE", `${base}/notices/${active.channel}`))
            }
          >
            {t("turnNotice.stopTheNotice")}
          </button>
        </>
      ) : open ? (
        <form
          noValidate
          onSubmit={form.handleSubmit((v) =>
            change.mutate(() => api<Options>("POST", `${base}/notices`, v)),
          )}
        >
          {options.channels.length > 1 && (
            <fieldset className="radio-row">
              <legend>{t("turnNotice.howToTellYou")}</legend>
              {options.channels.map((c) => (
                <label key={c.code} className="inline">
                  <input type="radio" value={c.code} {...form.register("channel")} />{" "}
                  {c.label[lang]}
                </label>
              ))}
            </fieldset>
          )}
          <Field label={channel?.addressLabel[lang] ?? ""} error={form.formState.errors.address}>
            <input
              type={channel?.inputType ?? "text"}
              autoComplete={channel?.inputType === "email" ? "email" : "tel"}
              {...form.register("address")}
            />
          </Field>
          <Field label={t("turnNotice.whenToTellYou")} error={undefined}>
            <select {...form.register("aheadAtMost", { valueAsNumber: true })}>
              {options.aheadChoices.map((n) => (
                <option key={n} value={n}>
                  {t("turnNotice.whenOrFewerAreAhead", { n })}
                </option>
              ))}
            </select>
          </Field>
          <p className="hint">{t("turnNotice.usedOnlyToSendThisNotice")}</p>
          {change.error && (
            <p role="alert" className="error">
              {errorText(change.error, lang)}
            </p>
          )}
          <button type="submit" className="primary" disabled={change.isPending}>
            {t("turnNotice.askForTheNotice")}
          </button>
        </form>
      ) : (
        <div className="turn-notice-choices">
          {options.channels.map((c) => (
            <button
              key={c.code}
              type="button"
              className="primary"
              onClick={() => {
                form.setValue("channel", c.code);
                setOpen(true);
              }}
            >
              {t("turnNotice.by", {
                channel: lang === "ja" ? c.label.ja : c.label.en.toLowerCase(),
              })}
            </button>
          ))}
          {onScreen}
        </div>
      )}
    </section>
  );
}
