import { useState } from "react";
import {
  type DisclosureOut,
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
} from "../../../../src/disclosure/contract.ts";
import { api, apiFile } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";
import { today, tokyoDateTime } from "../../time.ts";

const RECORDS = ["disclosures"] as const;
type Pick = { kind: DocumentKind; ref: string; title: string };

/** 情報公開: choose documents, check the masking, disclose; the record of what went to whom. */
export function Disclosure({ may }: { may: (p: string) => boolean }) {
  const t = useT();
  const records = useGet<DisclosureOut[]>(RECORDS, "/api/v1/disclosures").data ?? [];
  return (
    <div className="contract-part">
      <p className="muted">{t("disclosure.intro")}</p>
      {may("disclosure.make") && <NewDisclosure />}
      <h2 className="section-title">{t("disclosure.records")}</h2>
      {records.length === 0 && <p className="muted">{t("disclosure.noRecords")}</p>}
      {records.length > 0 && (
        <div className="table-wrap">
          <table aria-label={t("disclosure.records")}>
            <thead>
              <tr>
                <th>{t("disclosure.requestNo")}</th>
                <th>{t("disclosure.requester")}</th>
                <th>{t("disclosure.disclosedOn")}</th>
                <th>{t("disclosure.documents")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td>{r.requestNo}</td>
                  <td>{r.requester}</td>
                  <td>
                    {r.disclosedOn}
                    <div className="muted">
                      {t("disclosure.madeBy", { at: tokyoDateTime(r.madeAt), by: r.madeByName })}
                    </div>
                  </td>
                  <td className="wrap">
                    {r.files
                      .filter((f) => f.kind !== "cover")
                      .map((f) => (
                        <div key={f.seq}>{f.title}</div>
                      ))}
                    <div className="muted">
                      {t("disclosure.files", {
                        count: r.files.length - 1,
                        masked: r.files.reduce((s, f) => s + f.masked, 0),
                      })}
                    </div>
                  </td>
                  <td>
                    <a href={`/api/v1/disclosures/${r.id}/files.zip`} download>
                      {t("disclosure.download")}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function NewDisclosure() {
  const t = useT();
  const label = useLabel();
  const catalogue =
    useGet<Pick[]>(["disclosure", "documents"], "/api/v1/disclosure/documents").data ?? [];
  const command = useCommand([RECORDS]);
  const empty = { requestNo: "", requester: "", receivedOn: today(), disclosedOn: today() };
  const [form, setForm] = useState(empty);
  const [chosen, setChosen] = useState<string[]>([]);
  const [staffNames, setStaffNames] = useState(true);
  const [officerNames, setOfficerNames] = useState(false);
  const [extra, setExtra] = useState("");
  const key = (d: Pick) => `${d.kind}:${d.ref}`;
  const mask = {
    staffNames,
    officerNames,
    extraTerms: extra
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
  };
  const documents = catalogue
    .filter((d) => chosen.includes(key(d)))
    .map(({ kind, ref }) => ({ kind, ref }));
  const preview = (d: Pick) =>
    command.run(async () => {
      const blob = await apiFile("POST", "/api/v1/disclosure/preview", {
        kind: d.kind,
        ref: d.ref,
        mask,
      });
      window.open(URL.createObjectURL(blob), "_blank", "noopener");
      return undefined;
    });
  return (
    <form
      className="panel wide-panel"
      aria-label={t("disclosure.new")}
      onSubmit={(e) => {
        e.preventDefault();
        if (documents.length === 0) {
          command.setMessage({ kind: "error", text: t("disclosure.pickOne") });
          return;
        }
        void command.run(async () => {
          await api("POST", "/api/v1/disclosures", { ...form, documents, mask });
          setForm(empty);
          setChosen([]);
          setExtra("");
          return t("disclosure.made");
        });
      }}
    >
      <h2 className="section-title">{t("disclosure.new")}</h2>
      <div className="form-grid">
        {(["requestNo", "requester"] as const).map((f) => (
          <label key={f}>
            {t(`disclosure.${f}`)}
            <input
              value={form[f]}
              required
              maxLength={f === "requestNo" ? 60 : 200}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
            />
          </label>
        ))}
        {(["receivedOn", "disclosedOn"] as const).map((f) => (
          <label key={f}>
            {t(`disclosure.${f}`)}
            <input
              type="date"
              value={form[f]}
              required
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <fieldset>
        <legend>{t("disclosure.documents")}</legend>
        {catalogue.length === 0 && <p className="muted">{t("disclosure.noDocuments")}</p>}
        <ul className="document-picks">
          {catalogue.map((d) => (
            <li key={key(d)}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.includes(key(d))}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked ? [...chosen, key(d)] : chosen.filter((k) => k !== key(d)),
                    )
                  }
                />
                <span className="badge">{label(DOCUMENT_KIND_LABELS[d.kind])}</span>
                {d.title}
              </label>
              <button type="button" className="link-button" onClick={() => void preview(d)}>
                {t("disclosure.preview")}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <label className="check-option">
        <input
          type="checkbox"
          checked={staffNames}
          onChange={(e) => setStaffNames(e.target.checked)}
        />
        {t("disclosure.staffNames")}
      </label>{" "}
      <label className="check-option">
        <input
          type="checkbox"
          checked={officerNames}
          onChange={(e) => setOfficerNames(e.target.checked)}
        />
        {t("disclosure.officerNames")}
      </label>
      <label>
        {t("disclosure.extraTerms")}
        <textarea rows={2} value={extra} onChange={(e) => setExtra(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={command.pending}>
        {t("disclosure.make")}
      </button>
      <OutcomeLine message={command.message} />
    </form>
  );
}
