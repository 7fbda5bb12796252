import {
  EQUIPMENT_KIND_LABELS,
  EQUIPMENT_STATE_LABELS,
  type ItemOut,
} from "../../../../src/equipment/contract.ts";
import { api, type Me } from "../../api.ts";
import { useDialog } from "../../ConfirmDialog.tsx";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { today } from "../../time.ts";

interface History {
  faults: {
    id: string;
    itemId: string;
    description: string;
    contractorLiable: boolean;
    reportedAt: string;
  }[];
  repairs: {
    id: string;
    itemId: string;
    startedOn: string;
    finishedOn: string | null;
    vendor: string | null;
    costYen: number | null;
  }[];
}

/** 備品台帳 (仕様 7): what the city lends and the contractor brings; faults, repairs, returns. */
export function Equipment({ me }: { me: Me }) {
  const t = useT();
  const label = useLabel();
  const items = useGet<ItemOut[]>(keys.equipment, "/api/v1/equipment").data ?? [];
  const history = useGet<History>([...keys.equipment, "history"], "/api/v1/equipment/history").data;
  const command = useCommand([keys.equipment, keys.catalogue]);
  const [dialog, ask] = useDialog();
  const manage = me.permissions.includes("equipment.manage");
  const report = me.permissions.includes("equipment.report_fault");
  const done = (item: ItemOut, state: ItemOut["state"]) =>
    t("equipment.done", { name: item.nameJa, state: label(EQUIPMENT_STATE_LABELS[state]) });

  const reportFault = async (item: ItemOut) => {
    const values = await ask({
      title: t("equipment.faultTitle", { name: item.nameJa }),
      confirmLabel: t("equipment.reportFault"),
      tone: "danger",
      fields: [
        {
          name: "description",
          label: t("equipment.faultDescription"),
          required: true,
          maxLength: 1000,
        },
        {
          name: "liable",
          label: t("equipment.liable"),
          type: "select",
          options: [
            { value: "no", label: t("equipment.liableNo") },
            { value: "yes", label: t("equipment.liableYes") },
          ],
        },
      ],
    });
    if (values)
      await command.run(async () => {
        await api("POST", `/api/v1/equipment/${item.id}/faults`, {
          description: values.description,
          contractorLiable: values.liable === "yes",
        });
        return t("equipment.faultReported", { name: item.nameJa });
      });
  };
  const sendForRepair = async (item: ItemOut) => {
    const values = await ask({
      title: t("equipment.repairTitle", { name: item.nameJa }),
      confirmLabel: t("equipment.sendRepair"),
      fields: [
        {
          name: "startedOn",
          label: t("equipment.startedOn"),
          type: "date",
          defaultValue: today(),
          required: true,
        },
        { name: "vendor", label: t("equipment.vendor"), maxLength: 100 },
      ],
    });
    if (values)
      await command.run(async () => {
        await api("POST", `/api/v1/equipment/${item.id}/repairs`, {
          startedOn: values.startedOn,
          ...(values.vendor ? { vendor: values.vendor } : {}),
        });
        return done(item, "under_repair");
      });
  };
  const backInService = async (item: ItemOut) => {
    const values = await ask({
      title: t("equipment.returnTitle", { name: item.nameJa }),
      confirmLabel: t("equipment.returnService"),
      fields: [
        {
          name: "finishedOn",
          label: t("equipment.finishedOn"),
          type: "date",
          defaultValue: today(),
          required: true,
        },
        { name: "costYen", label: t("equipment.cost"), maxLength: 12 },
      ],
    });
    if (values)
      await command.run(async () => {
        const cost = Number(values.costYen?.replace(/[,，]/g, ""));
        await api("POST", `/api/v1/equipment/${item.id}/return`, {
          finishedOn: values.finishedOn,
          ...(values.costYen && Number.isFinite(cost) ? { costYen: Math.round(cost) } : {}),
        });
        return done(item, "in_service");
      });
  };

  const nameOf = (id: string) => items.find((i) => i.id === id)?.nameJa ?? id;
  return (
    <section aria-labelledby="equipment-title">
      <h1 id="equipment-title">{t("equipment.title")}</h1>
      <OutcomeLine message={command.message} />
      <div className="table-wrap">
        <table className="equipment-table">
          <thead>
            <tr>
              <th scope="col">{t("equipment.id")}</th>
              <th scope="col">{t("equipment.name")}</th>
              <th scope="col">{t("equipment.kind")}</th>
              <th scope="col">{t("equipment.owner")}</th>
              <th scope="col">{t("equipment.place")}</th>
              <th scope="col">{t("equipment.state")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("equipment.reportFault")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-item={item.id}>
                <td>{item.id}</td>
                <td>{item.nameJa}</td>
                <td>{label(EQUIPMENT_KIND_LABELS[item.kind])}</td>
                <td>
                  {item.owner === "city"
                    ? t("equipment.ownerCity")
                    : t("equipment.ownerContractor")}
                </td>
                <td>
                  {item.counterId
                    ? t("equipment.counterShort", { counter: item.counterId })
                    : (item.location ?? "")}
                </td>
                <td>
                  <span className={`badge state-${item.state}`}>
                    {label(EQUIPMENT_STATE_LABELS[item.state])}
                  </span>
                </td>
                <td className="row-actions">
                  {report && item.state === "in_service" && (
                    <button
                      type="button"
                      disabled={command.pending}
                      onClick={() => void reportFault(item)}
                    >
                      {t("equipment.reportFault")}
                    </button>
                  )}
                  {manage && item.state === "faulty" && (
                    <button
                      type="button"
                      disabled={command.pending}
                      onClick={() => void sendForRepair(item)}
                    >
                      {t("equipment.sendRepair")}
                    </button>
                  )}
                  {manage && (item.state === "faulty" || item.state === "under_repair") && (
                    <button
                      type="button"
                      disabled={command.pending}
                      onClick={() => void backInService(item)}
                    >
                      {t("equipment.returnService")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="panel wide-panel" aria-labelledby="equipment-history">
        <h2 id="equipment-history" className="section-title">
          {t("equipment.history")}
        </h2>
        {history && history.faults.length + history.repairs.length === 0 && (
          <p className="muted">{t("equipment.noHistory")}</p>
        )}
        <ul className="plain">
          {history?.faults.map((f) => (
            <li key={f.id}>
              {f.reportedAt.slice(0, 10)} {nameOf(f.itemId)}: {f.description}
              {f.contractorLiable ? ` (${t("equipment.liable")})` : ""}
            </li>
          ))}
          {history?.repairs.map((r) => (
            <li key={r.id}>
              {r.startedOn}〜{r.finishedOn ?? ""} {nameOf(r.itemId)} {r.vendor ?? ""}
              {r.costYen !== null ? ` ¥${r.costYen.toLocaleString("ja-JP")}` : ""}
            </li>
          ))}
        </ul>
      </section>
      {dialog}
    </section>
  );
}
