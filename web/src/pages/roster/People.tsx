import { type FormEvent, useState } from "react";
import { api } from "../../api.ts";
import { useLang } from "../../i18n.ts";
import { Field, months } from "./fields.tsx";
import { DESIGNATION, EMPLOYMENT, type Entry, say, today, WORK } from "./model.ts";
import type { RosterContext } from "./Roster.tsx";

const EMPTY = {
  nameKanji: "",
  nameKana: "",
  employment: "fixed_term",
  startDate: "",
  contact: "",
  cardExperienceMonths: 0,
  municipalWhere: "",
  municipalMonths: 0,
  certificateGrade: "",
  certificateDate: "",
  workRoles: ["counter"] as string[],
  weeklyHourLimit: 35,
  weekdays: [1, 2, 3, 4, 5] as number[],
  from: "08:15",
  to: "17:30",
};
type Form = typeof EMPTY;

function formOf(p: Entry): Form {
  const days = Object.keys(p.availability).map(Number);
  const first = Object.values(p.availability)[0];
  return {
    nameKanji: p.name,
    nameKana: p.nameKana,
    employment: p.employment,
    startDate: p.startDate,
    contact: "",
    cardExperienceMonths: p.cardExperienceMonths,
    municipalWhere: p.municipalExperience?.where ?? "",
    municipalMonths: p.municipalExperience?.months ?? 0,
    certificateGrade: p.certificate?.grade ?? "",
    certificateDate: p.certificate?.date ?? "",
    workRoles: p.roles,
    weeklyHourLimit: p.weeklyHourLimit,
    weekdays: days,
    from: first?.from ?? "08:15",
    to: first?.to ?? "17:30",
  };
}

function bodyOf(f: Form, includeContact: boolean) {
  return {
    nameKanji: f.nameKanji,
    nameKana: f.nameKana,
    employment: f.employment,
    startDate: f.startDate,
    ...(includeContact ? { contact: f.contact || null } : {}),
    cardExperienceMonths: Number(f.cardExperienceMonths),
    municipalExperience:
      f.municipalWhere.trim() && Number(f.municipalMonths) > 0
        ? { where: f.municipalWhere, months: Number(f.municipalMonths) }
        : null,
    certificate:
      f.certificateGrade.trim() && f.certificateDate
        ? { grade: f.certificateGrade, date: f.certificateDate }
        : null,
    workRoles: f.workRoles,
    weeklyHourLimit: Number(f.weeklyHourLimit),
    availability: Object.fromEntries(
      f.weekdays.map((d) => [String(d), { from: f.from, to: f.to }]),
    ),
  };
}

/** Mirrors the server's rule only to offer the button; the server decides and explains. */
const qualifiedForManager = (p: Entry) =>
  p.employment === "regular" && p.municipalExperience !== null && p.certificate !== null;

/** The people on the roster: who they are, what they may do, whether they are trained. */
export function People({ ctx }: { ctx: RosterContext }) {
  const lang = useLang();
  const s = say(lang);
  const [editing, setEditing] = useState<Entry | "new" | null>(null);
  const [contacts, setContacts] = useState<Record<string, string | null>>({});
  const [showPast, setShowPast] = useState(false);
  const [accountFor, setAccountFor] = useState<Entry | null>(null);
  const people = ctx.roster.people.filter((p) => showPast || p.active || p.startDate > today());
  const write = ctx.can("roster.write");

  const designate = (p: Entry, designation: "manager" | "deputy") =>
    ctx.act(
      () => api("POST", `/api/v1/roster/people/${p.id}/designate`, { designation }),
      s(
        `${p.name}さんを${DESIGNATION[designation]!.ja}に指名しました。`,
        `${p.name} designated ${DESIGNATION[designation]!.en.toLowerCase()}.`,
      ),
    );
  const leave = (p: Entry) => {
    const endDate = window.prompt(
      s("最終従事日（YYYY-MM-DD）", "Last working day (YYYY-MM-DD)"),
      today(),
    );
    if (endDate)
      void ctx.act(
        () => api("POST", `/api/v1/roster/people/${p.id}/leave`, { endDate }),
        s(`${p.name}さんの離任を登録しました。`, `${p.name} leaves on ${endDate}.`),
      );
  };
  const showContact = async (p: Entry) => {
    try {
      const personal = await api<{ contact: string | null }>(
        "GET",
        `/api/v1/roster/people/${p.id}/personal`,
      );
      setContacts({ ...contacts, [p.id]: personal.contact });
    } catch (e) {
      ctx.fail(e);
    }
  };
  return (
    <div>
      <div className="title-row">
        <label className="check-option inline">
          <input
            type="checkbox"
            checked={showPast}
            onChange={(e) => setShowPast(e.target.checked)}
          />
          {s("離任者も表示", "Show people who left")}
        </label>
        {write && (
          <button type="button" className="primary" onClick={() => setEditing("new")}>
            {s("従事者を追加", "Add a person")}
          </button>
        )}
      </div>
      {accountFor && (
        <AccountForm ctx={ctx} person={accountFor} onDone={() => setAccountFor(null)} />
      )}
      {editing && (
        <PersonForm
          ctx={ctx}
          person={editing === "new" ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <div className="table-wrap">
        <table className="roster-table">
          <caption className="visually-hidden">{s("従事者名簿", "Staff roster")}</caption>
          <thead>
            <tr>
              <th scope="col">{s("氏名", "Name")}</th>
              <th scope="col">{s("雇用・担当", "Employment, work")}</th>
              <th scope="col">{s("資格・経験", "Qualifications")}</th>
              <th scope="col">{s("必修研修", "Mandatory training")}</th>
              <th scope="col">{s("操作", "Actions")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className={p.active ? undefined : "inactive"}>
                <th scope="row">
                  <span className="kana">{p.nameKana}</span>
                  {p.name}
                  {p.designation && (
                    <span className={`badge designation-${p.designation}`}>
                      {DESIGNATION[p.designation]![lang]}
                    </span>
                  )}
                  {!p.active && (
                    <span className="badge">
                      {p.endDate && p.endDate < today()
                        ? s(`${p.endDate}離任`, `Left ${p.endDate}`)
                        : s(`${p.startDate}から`, `From ${p.startDate}`)}
                    </span>
                  )}
                  {contacts[p.id] !== undefined && (
                    <span className="contact">
                      {s("連絡先", "Contact")}: {contacts[p.id] ?? "—"}
                    </span>
                  )}
                </th>
                <td>
                  {EMPLOYMENT[p.employment]![lang]}
                  <br />
                  <span className="hint-inline">
                    {p.roles.map((r) => WORK[r]?.[lang] ?? r).join("・")}／
                    {s(`週${p.weeklyHourLimit}時間まで`, `≤ ${p.weeklyHourLimit} h/week`)}
                  </span>
                </td>
                <td>
                  <ul className="plain">
                    <li>
                      {s(
                        `カード業務経験 ${p.cardExperienceMonths}か月`,
                        `Card work ${p.cardExperienceMonths} months`,
                      )}
                    </li>
                    {p.municipalExperience && (
                      <li>
                        {s(
                          `自治体経験 ${p.municipalExperience.where}（${p.municipalExperience.months}か月）`,
                          `Municipal: ${p.municipalExperience.where} (${p.municipalExperience.months} months)`,
                        )}
                      </li>
                    )}
                    {p.certificate && (
                      <li>
                        {s(
                          `実務検定 ${p.certificate.grade}（${p.certificate.date}）`,
                          `Certificate ${p.certificate.grade} (${p.certificate.date})`,
                        )}
                      </li>
                    )}
                  </ul>
                </td>
                <td>
                  {p.mandatoryTrainingComplete ? (
                    <span className="ok">✓ {s("受講済", "Done")}</span>
                  ) : (
                    <span className="error">
                      ✗ {s("未受講", "Missing")}:{" "}
                      {p.missingCourses
                        .map((c) => (lang === "ja" ? c.title : c.titleEn))
                        .join("、")}
                    </span>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    {write && (
                      <>
                        <button type="button" onClick={() => setEditing(p)}>
                          {s("編集", "Edit")}
                        </button>
                        {!p.designation && qualifiedForManager(p) && (
                          <button type="button" onClick={() => void designate(p, "manager")}>
                            {s("管理者に指名", "Make manager")}
                          </button>
                        )}
                        {!p.designation && (
                          <button type="button" onClick={() => void designate(p, "deputy")}>
                            {s("副管理者に指名", "Make deputy")}
                          </button>
                        )}
                        {p.active && (
                          <button type="button" onClick={() => leave(p)}>
                            {s("離任", "Leaves")}
                          </button>
                        )}
                      </>
                    )}
                    {ctx.can("roster.personal") && contacts[p.id] === undefined && (
                      <button type="button" className="ghost" onClick={() => void showContact(p)}>
                        {s("連絡先を表示", "Show contact")}
                      </button>
                    )}
                    {ctx.can("users.write") && !p.hasAccount && p.active && (
                      <button type="button" onClick={() => setAccountFor(p)}>
                        {s("アカウント作成", "Create account")}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ctx.can("roster.personal") && (
        <p className="hint">
          {s(
            "連絡先の表示は監査ログに記録されます。",
            "Each view of contact data is recorded in the audit trail.",
          )}
        </p>
      )}
    </div>
  );
}

function PersonForm({
  ctx,
  person,
  onDone,
}: {
  ctx: RosterContext;
  person: Entry | null;
  onDone: () => void;
}) {
  const lang = useLang();
  const s = say(lang);
  const [form, setForm] = useState<Form>(
    person ? formOf(person) : { ...EMPTY, startDate: today() },
  );
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await ctx.act(
      () =>
        person
          ? api("PATCH", `/api/v1/roster/people/${person.id}`, bodyOf(form, form.contact !== ""))
          : api("POST", "/api/v1/roster/people", bodyOf(form, true)),
      person
        ? s("名簿を更新しました。", "Roster updated.")
        : s(
            `${form.nameKanji}さんを名簿に追加しました。`,
            `${form.nameKanji} added to the roster.`,
          ),
    );
    if (saved) onDone();
  };

  return (
    <form
      className="panel wide-panel"
      onSubmit={(e) => void save(e)}
      aria-label={s("従事者の情報", "Person")}
    >
      <h2>
        {person
          ? s(`${person.name}さんの情報を変更`, `Edit ${person.name}`)
          : s("従事者を追加", "Add a person")}
      </h2>
      {ctx.roster.submittedAt && (
        <p className="hint">
          {s(
            "提出後の追加・変更は、変更報告として市に自動で送られます。",
            "After the submission, additions and changes are reported to the city automatically.",
          )}
        </p>
      )}
      <div className="grid">
        <Field
          label={s("氏名（漢字）", "Name (kanji)")}
          value={form.nameKanji}
          onChange={(e) => set("nameKanji", e.target.value)}
          required
          maxLength={60}
        />
        <Field
          label={s("ふりがな", "Reading (kana)")}
          value={form.nameKana}
          onChange={(e) => set("nameKana", e.target.value)}
          required
          maxLength={80}
        />
        <label>
          {s("雇用形態", "Employment")}
          <select value={form.employment} onChange={(e) => set("employment", e.target.value)}>
            {Object.entries(EMPLOYMENT).map(([value, label]) => (
              <option key={value} value={value}>
                {label[lang]}
              </option>
            ))}
          </select>
        </label>
        <Field
          label={s("従事開始日", "Start date")}
          type="date"
          value={form.startDate}
          onChange={(e) => set("startDate", e.target.value)}
          required
        />
        <Field
          label={s("社内連絡先", "Contact in the company")}
          value={form.contact}
          onChange={(e) => set("contact", e.target.value)}
          maxLength={200}
          placeholder={
            person
              ? s("変更する場合のみ入力", "Only to change it")
              : s("内線番号など", "e.g. extension")
          }
        />
        <Field
          label={s("カード業務の経験（か月）", "Card work experience (months)")}
          {...months(form.cardExperienceMonths, (v) => set("cardExperienceMonths", v))}
        />
        <Field
          label={s("自治体での特定個人情報取扱業務の経験（どこで）", "Municipal experience: where")}
          value={form.municipalWhere}
          onChange={(e) => set("municipalWhere", e.target.value)}
          maxLength={120}
        />
        <Field
          label={s("同 期間（か月）", "Municipal experience: months")}
          {...months(form.municipalMonths, (v) => set("municipalMonths", v))}
        />
        <Field
          label={s("マイナンバー実務検定（級）", "My Number certificate (grade)")}
          value={form.certificateGrade}
          onChange={(e) => set("certificateGrade", e.target.value)}
          maxLength={20}
          placeholder={s("例: 1級", "e.g. 1級")}
        />
        <Field
          label={s("同 取得日", "Certificate date")}
          type="date"
          value={form.certificateDate}
          onChange={(e) => set("certificateDate", e.target.value)}
        />
        <Field
          label={s("週の上限（時間）", "Weekly hour limit")}
          type="number"
          min={1}
          max={60}
          value={form.weeklyHourLimit}
          onChange={(e) => set("weeklyHourLimit", Number(e.target.value))}
        />
      </div>
      <fieldset>
        <legend>{s("担当できる業務", "Work they may take")}</legend>
        {Object.entries(WORK).map(([value, label]) => (
          <label key={value} className="check-option inline">
            <input
              type="checkbox"
              checked={form.workRoles.includes(value)}
              onChange={() => set("workRoles", toggle(form.workRoles, value))}
            />
            {label[lang]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{s("勤務可能な曜日と時間", "Availability")}</legend>
        {[1, 2, 3, 4, 5, 6, 0].map((d) => (
          <label key={d} className="check-option inline">
            <input
              type="checkbox"
              checked={form.weekdays.includes(d)}
              onChange={() => set("weekdays", toggle(form.weekdays, d))}
            />
            {
              (lang === "ja"
                ? ["日", "月", "火", "水", "木", "金", "土"]
                : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])[d]
            }
          </label>
        ))}
        <div className="grid">
          <label>
            {s("から", "From")}
            <input type="time" value={form.from} onChange={(e) => set("from", e.target.value)} />
          </label>
          <label>
            {s("まで", "To")}
            <input type="time" value={form.to} onChange={(e) => set("to", e.target.value)} />
          </label>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {person ? s("変更を保存", "Save changes") : s("名簿に追加", "Add to roster")}
        </button>
        <button type="button" onClick={onDone}>
          {s("閉じる", "Close")}
        </button>
      </div>
    </form>
  );
}

/** The person's sign-in account: staff, or the role of their designation. */
function AccountForm({
  ctx,
  person,
  onDone,
}: {
  ctx: RosterContext;
  person: Entry;
  onDone: () => void;
}) {
  const lang = useLang();
  const s = say(lang);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const role = person.designation ?? "staff";
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const created = await ctx.act(
      () => api("POST", `/api/v1/roster/people/${person.id}/account`, { username, role, password }),
      s(
        `${person.name}さんのアカウント ${username} を作成しました。`,
        `Account ${username} created for ${person.name}.`,
      ),
    );
    if (created) onDone();
  };
  return (
    <form
      className="panel"
      onSubmit={(e) => void save(e)}
      aria-label={s("アカウント作成", "Create account")}
    >
      <h2>{s(`${person.name}さんのアカウントを作成`, `Account for ${person.name}`)}</h2>
      <p className="hint">
        {s(
          `役割: ${DESIGNATION[role]?.ja ?? "本業務従事者"}（名簿の指名に従います）`,
          `Role: ${DESIGNATION[role]?.en ?? "Counter staff"} (follows the roster's designation)`,
        )}
      </p>
      <div className="grid">
        <Field
          label={s("利用者名", "Username")}
          value={username}
          onChange={(e) => setUsername(e.target.value.trim())}
          required
          pattern="[a-z0-9][a-z0-9._-]{1,39}"
          autoComplete="off"
        />
        <Field
          label={s("初期パスワード（10文字以上）", "Initial password (10+ characters)")}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={10}
          autoComplete="new-password"
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {s("作成", "Create")}
        </button>
        <button type="button" onClick={onDone}>
          {s("閉じる", "Close")}
        </button>
      </div>
    </form>
  );
}
