import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import type { Procedure } from "../../queue/types.ts";
import { OutcomeLine, useCatalogue, useCommand, useGet } from "../../server.tsx";
import {
  AlertForm,
  type AlertSettings,
  CounterForm,
  ProcedureForm,
  type ReservationSettings,
  VisitForm,
} from "./forms.tsx";

const reservationSettingsKey = [...keys.reservations, "settings"] as const;

/** 窓口の設定 (manager): alert thresholds, the procedures with what to bring, the counters, where to come. */
export function QueueSettings() {
  const lang = useLang();
  const t = useT();
  const [dialog, ask] = useDialog();
  const catalogue = useCatalogue().data;
  const settings = useGet<AlertSettings>(keys.queueSettings, "/api/v1/queue/settings").data;
  const reservation = useGet<ReservationSettings>(
    reservationSettingsKey,
    "/api/v1/reservations/settings",
  ).data;
  const { run, pending, message } = useCommand([
    keys.queueSettings,
    keys.catalogue,
    reservationSettingsKey,
  ]);
  const saved = t("queueSettings.saved");
  const save = (work: () => Promise<unknown>) =>
    run(async () => {
      await work();
      return saved;
    });

  const editBring = async (p: Procedure) => {
    const answer = await ask({
      title: t("queueSettings.whatToBringFor", { nameJa: p.nameJa, nameEn: p.nameEn }),
      body: t("queueSettings.shownOnTheBookingPageIn"),
      confirmLabel: t("queueSettings.save"),
      fields: [
        {
          name: "bringJa",
          label: t("queueSettings.japanese"),
          defaultValue: p.bringJa,
          maxLength: 400,
        },
        {
          name: "bringEn",
          label: t("queueSettings.english"),
          defaultValue: p.bringEn,
          maxLength: 400,
        },
      ],
    });
    if (answer)
      void save(() =>
        api("PATCH", `/api/v1/queue/procedures/${p.code}`, {
          bringJa: answer.bringJa,
          bringEn: answer.bringEn,
        }),
      );
  };

  return (
    <section aria-labelledby="qs-title">
      {dialog}
      <h1 id="qs-title">{t("queueSettings.counterSettings")}</h1>
      <OutcomeLine message={message} />
      {settings && (
        <AlertForm
          values={settings}
          pending={pending}
          onSave={(v) => save(() => api("PUT", "/api/v1/queue/settings", v))}
        />
      )}
      <div className="panel wide-panel">
        <h2>{t("queueSettings.procedures")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("queueSettings.code")}</th>
                <th scope="col">{t("queueSettings.name")}</th>
                <th scope="col" className="num">
                  {t("queueSettings.standardMin")}
                </th>
                <th scope="col">{t("queueSettings.whatToBring")}</th>
                <th scope="col">{t("queueSettings.status")}</th>
              </tr>
            </thead>
            <tbody>
              {catalogue?.procedures.map((p) => (
                <tr key={p.code} data-procedure={p.code}>
                  <td>
                    <code>{p.code}</code>
                  </td>
                  <td>{lang === "ja" ? p.nameJa : p.nameEn}</td>
                  <td className="num">{p.standardMinutes}</td>
                  <td className="bring-cell">
                    {p.atCounter && (
                      <>
                        <span className="bring">
                          {(lang === "ja" ? p.bringJa : p.bringEn) || "—"}
                        </span>{" "}
                        <button type="button" onClick={() => void editBring(p)}>
                          {t("queueSettings.edit")}
                        </button>
                      </>
                    )}
                  </td>
                  <td>
                    {p.atCounter ? (
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() =>
                          void save(() =>
                            api("PATCH", `/api/v1/queue/procedures/${p.code}`, {
                              retired: !p.retiredAt,
                            }),
                          )
                        }
                      >
                        {p.retiredAt
                          ? t("queueSettings.retiredRestore")
                          : t("queueSettings.activeRetire")}
                      </button>
                    ) : (
                      t("queueSettings.notAtTheCounter")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ProcedureForm
          catalogue={catalogue}
          pending={pending}
          onAdd={(v) => save(() => api("POST", "/api/v1/queue/procedures", v))}
        />
      </div>
      <CounterForm
        catalogue={catalogue}
        pending={pending}
        onAdd={(v) => save(() => api("POST", "/api/v1/queue/counters", v))}
      />
      {reservation && (
        <VisitForm
          values={reservation}
          pending={pending}
          onSave={(v) => save(() => api("PUT", "/api/v1/reservations/settings", v))}
        />
      )}
    </section>
  );
}
