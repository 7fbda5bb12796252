import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, errorText } from "../api.ts";
import { useLang } from "../i18n.ts";
import type { Catalogue } from "../queue/types.ts";

interface Settings {
  alertLongestWaitMinutes: number;
  alertQueueLength: number;
  noShowAfterRecalls: number;
}

/** 窓口の設定 (manager): alert thresholds, the procedure catalogue and the counters. */
export function QueueSettings() {
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [procedure, setProcedure] = useState({
    code: "",
    nameJa: "",
    nameEn: "",
    standardMinutes: 10,
    groupCode: "change",
  });
  const [counter, setCounter] = useState({ counterId: "", nameJa: "", defaultTerminalId: "" });

  const load = useCallback(async () => {
    setSettings(await api<Settings>("GET", "/api/v1/queue/settings"));
    setCatalogue(await api<Catalogue>("GET", "/api/v1/queue/catalogue"));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setMessage({ kind: "ok", text: L("保存しました。", "Saved.") });
      await load();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  const saveSettings = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api("PUT", "/api/v1/queue/settings", settings));
  };
  const addProcedure = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api("POST", "/api/v1/queue/procedures", { ...procedure, needsIntegratedTerminal: false }),
    );
  };
  const addCounter = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api("POST", "/api/v1/queue/counters", {
        counterId: counter.counterId,
        nameJa: counter.nameJa,
        ...(counter.defaultTerminalId ? { defaultTerminalId: counter.defaultTerminalId } : {}),
      }),
    );
  };
  const num = (value: string) => Math.max(0, Number.parseInt(value, 10) || 0);

  return (
    <section aria-labelledby="qs-title">
      <h1 id="qs-title">{L("窓口の設定", "Counter settings")}</h1>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
          {message.text}
        </p>
      )}
      {settings && (
        <form className="panel" onSubmit={saveSettings}>
          <h2>{L("警告の基準", "Alert thresholds")}</h2>
          <div className="grid">
            <label>
              {L("最長待ち時間（分）", "Longest wait (minutes)")}
              <input
                type="number"
                min={1}
                value={settings.alertLongestWaitMinutes}
                onChange={(e) =>
                  setSettings({ ...settings, alertLongestWaitMinutes: num(e.target.value) })
                }
              />
            </label>
            <label>
              {L("待ち人数（人）", "People waiting")}
              <input
                type="number"
                min={1}
                value={settings.alertQueueLength}
                onChange={(e) =>
                  setSettings({ ...settings, alertQueueLength: num(e.target.value) })
                }
              />
            </label>
            <label>
              {L("不在にするまでの再呼出回数", "Recalls before a no-show")}
              <input
                type="number"
                min={0}
                value={settings.noShowAfterRecalls}
                onChange={(e) =>
                  setSettings({ ...settings, noShowAfterRecalls: num(e.target.value) })
                }
              />
            </label>
          </div>
          <button type="submit" className="primary">
            {L("保存", "Save")}
          </button>
        </form>
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
                <th scope="col">{L("状態", "Status")}</th>
              </tr>
            </thead>
            <tbody>
              {catalogue?.procedures.map((p) => (
                <tr key={p.code}>
                  <td>
                    <code>{p.code}</code>
                  </td>
                  <td>{lang === "ja" ? p.nameJa : p.nameEn}</td>
                  <td className="num">{p.standardMinutes}</td>
                  <td>
                    {p.atCounter ? (
                      <button
                        type="button"
                        onClick={() =>
                          void run(() =>
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
        <form onSubmit={addProcedure}>
          <h3>{L("手続を追加", "Add a procedure")}</h3>
          <div className="grid">
            <label>
              {L("コード（英小文字）", "Code (lower case)")}
              <input
                value={procedure.code}
                onChange={(e) => setProcedure({ ...procedure, code: e.target.value.trim() })}
                required
                pattern="[a-z][a-z0-9_]{1,39}"
              />
            </label>
            <label>
              {L("名称", "Name (Japanese)")}
              <input
                value={procedure.nameJa}
                onChange={(e) => setProcedure({ ...procedure, nameJa: e.target.value })}
                required
              />
            </label>
            <label>
              {L("英語名", "Name (English)")}
              <input
                value={procedure.nameEn}
                onChange={(e) => setProcedure({ ...procedure, nameEn: e.target.value })}
                required
              />
            </label>
            <label>
              {L("標準時間（分）", "Standard minutes")}
              <input
                type="number"
                min={1}
                value={procedure.standardMinutes}
                onChange={(e) =>
                  setProcedure({ ...procedure, standardMinutes: num(e.target.value) })
                }
              />
            </label>
            <label>
              {L("グループ", "Group")}
              <select
                value={procedure.groupCode}
                onChange={(e) => setProcedure({ ...procedure, groupCode: e.target.value })}
              >
                {catalogue?.groups.map((g) => (
                  <option key={g.groupCode} value={g.groupCode}>
                    {g.prefix} {lang === "ja" ? g.nameJa : g.nameEn}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <button type="submit" className="primary">
            {L("追加", "Add")}
          </button>
        </form>
      </div>
      <form className="panel" onSubmit={addCounter}>
        <h2>{L("窓口を追加", "Add a counter")}</h2>
        <p>{catalogue?.counters.map((c) => c.nameJa).join("・")}</p>
        <div className="grid">
          <label>
            {L("窓口番号", "Counter number")}
            <input
              value={counter.counterId}
              onChange={(e) => setCounter({ ...counter, counterId: e.target.value.trim() })}
              required
              pattern="[A-Za-z0-9-]{1,20}"
            />
          </label>
          <label>
            {L("名称", "Name")}
            <input
              value={counter.nameJa}
              onChange={(e) => setCounter({ ...counter, nameJa: e.target.value })}
              required
            />
          </label>
          <label>
            {L("既定の端末", "Default terminal")}
            <select
              value={counter.defaultTerminalId}
              onChange={(e) => setCounter({ ...counter, defaultTerminalId: e.target.value })}
            >
              <option value="">—</option>
              {catalogue?.terminals.map((t) => (
                <option key={t.terminalId} value={t.terminalId}>
                  {t.terminalId} {t.nameJa}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="submit" className="primary">
          {L("追加", "Add")}
        </button>
      </form>
    </section>
  );
}
