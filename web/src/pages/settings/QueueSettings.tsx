import { api } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLang } from "../../i18n.ts";
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
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
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
  const saved = L("保存しました。", "Saved.");
  const save = (work: () => Promise<unknown>) =>
    run(async () => {
      await work();
      return saved;
    });

  const editBring = async (p: Procedure) => {
    const answer = await ask({
      title: L(`${p.nameJa} の持ち物`, `What to bring for ${p.nameEn}`),
      body: L(
        "予約の画面・確認メール・予約確認ページでご案内します。",
        "Shown on the booking page, in the confirmation mail and on the manage page.",
      ),
      confirmLabel: L("保存", "Save"),
      fields: [
        {
          name: "bringJa",
          label: L("持ち物", "Japanese"),
          defaultValue: p.bringJa,
          maxLength: 400,
        },
        {
          name: "bringEn",
          label: L("持ち物（英語）", "English"),
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
      <h1 id="qs-title">{L("窓口の設定", "Counter settings")}</h1>
      <OutcomeLine message={message} />
      {settings && (
        <AlertForm
          values={settings}
          pending={pending}
          onSave={(v) => save(() => api("PUT", "/api/v1/queue/settings", v))}
        />
      )}
      <div className="panel">
        <h2>{L("手続", "Procedures")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{L("コード", "Code")}</th>
                <th scope="col">{L("名称", "Name")}</th>
                <th scope="col" className="num">
                  {L("標準時間", "Standard min")}
                </th>
                <th scope="col">{L("持ち物", "What to bring")}</th>
                <th scope="col">{L("状態", "Status")}</th>
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
                  <td>
                    {p.atCounter && (
                      <>
                        <span className="bring">
                          {(lang === "ja" ? p.bringJa : p.bringEn) || "—"}
                        </span>{" "}
                        <button type="button" onClick={() => void editBring(p)}>
                          {L("編集", "Edit")}
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
                          ? L("廃止中 — 再開する", "Retired — restore")
                          : L("受付中 — 廃止する", "Active — retire")}
                      </button>
                    ) : (
                      L("窓口外（事務・電話）", "Not at the counter")
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
