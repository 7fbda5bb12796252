/**
 * The roster's rules, without I/O: who may be designated manager (業務管理者) or deputy
 * (業務副管理者), who has finished the mandatory training, which changes the city must hear of,
 * and whether the manager or the deputy is on duty in every open hour.
 */

export const EMPLOYMENTS = ["regular", "fixed_term", "part_time", "temporary"] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
export const EMPLOYMENT_LABELS: Record<Employment, { ja: string; en: string }> = {
  regular: { ja: "正規雇用", en: "Regular" },
  fixed_term: { ja: "契約社員", en: "Fixed-term" },
  part_time: { ja: "パートタイム", en: "Part-time" },
  temporary: { ja: "派遣", en: "Temporary" },
};

export const WORK_ROLES = ["counter", "phone", "back_office"] as const;
export type WorkRole = (typeof WORK_ROLES)[number];
export const WORK_ROLE_LABELS: Record<WorkRole, { ja: string; en: string }> = {
  counter: { ja: "窓口", en: "Counter" },
  phone: { ja: "電話", en: "Phone" },
  back_office: { ja: "バックヤード", en: "Back office" },
};

export const DESIGNATIONS = ["manager", "deputy"] as const;
export type Designation = (typeof DESIGNATIONS)[number];
export const DESIGNATION_LABELS: Record<Designation, { ja: string; en: string }> = {
  manager: { ja: "業務管理者", en: "Manager" },
  deputy: { ja: "業務副管理者", en: "Deputy manager" },
};

/** Weekly availability: for each weekday (0 = Sunday … 6 = Saturday) the hours one can work. */
export type Availability = Partial<
  Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", { from: string; to: string }>
>;

export interface Qualifications {
  employment: string;
  municipalExperienceMonths: number | null;
  municipalExperienceWhere: string | null;
  certificateGrade: string | null;
  certificateDate: string | null;
}

export type MissingQualification = "regular_employment" | "municipal_experience" | "certificate";

const MISSING_TEXT: Record<MissingQualification, { ja: string; en: string }> = {
  regular_employment: { ja: "正規雇用者であること", en: "regular employment" },
  municipal_experience: {
    ja: "自治体における特定個人情報取扱業務の経験",
    en: "experience handling specific personal information at a municipality",
  },
  certificate: { ja: "マイナンバー実務検定の資格", en: "the My Number practical certificate" },
};

/** 仕様 8(2): the manager is a regular employee with municipal experience and the certificate. */
export function missingForManager(q: Qualifications): MissingQualification[] {
  const missing: MissingQualification[] = [];
  if (q.employment !== "regular") missing.push("regular_employment");
  if (!q.municipalExperienceWhere?.trim() || !(q.municipalExperienceMonths ?? 0))
    missing.push("municipal_experience");
  if (!q.certificateGrade?.trim() || !q.certificateDate) missing.push("certificate");
  return missing;
}

export function describeMissing(missing: MissingQualification[]): { ja: string; en: string } {
  return {
    ja: missing.map((m) => MISSING_TEXT[m].ja).join("、"),
    en: missing.map((m) => MISSING_TEXT[m].en).join(", "),
  };
}

export interface CourseLike {
  courseId: string;
  title: string;
  titleEn: string;
  mandatory: boolean;
}

/** The mandatory courses a person has not attended, in the courses' order. */
export function missingMandatoryCourses<C extends CourseLike>(
  courses: C[],
  attendedCourseIds: ReadonlySet<string>,
): C[] {
  return courses.filter((c) => c.mandatory && !attendedCourseIds.has(c.courseId));
}

/** Whether a person is on the roster on a day: joined and not yet left. */
export function activeOn(person: { startDate: string; endDate: string | null }, day: string) {
  return person.startDate <= day && (person.endDate === null || day <= person.endDate);
}

// ---- change notices (変更報告) ----

export const NOTICE_KINDS = [
  "submission",
  "join",
  "leave",
  "designation",
  "qualification",
  "details",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_LABELS: Record<NoticeKind, { ja: string; en: string }> = {
  submission: { ja: "名簿・体制図の提出", en: "Roster and chart submitted" },
  join: { ja: "従事者の追加", en: "Person joined" },
  leave: { ja: "従事者の離任", en: "Person left" },
  designation: { ja: "管理者・副管理者の指名", en: "Designation" },
  qualification: { ja: "資格・経験の変更", en: "Qualification changed" },
  details: { ja: "記載事項の変更", en: "Details changed" },
};

/** Fields the city is told about, and the kind of notice a change to each makes. */
const NOTIFIED_FIELDS: Record<string, NoticeKind> = {
  employment: "qualification",
  cardExperienceMonths: "qualification",
  municipalExperienceWhere: "qualification",
  municipalExperienceMonths: "qualification",
  certificateGrade: "qualification",
  certificateDate: "qualification",
  nameKanji: "details",
  nameKana: "details",
  workRoles: "details",
  startDate: "details",
  endDate: "leave",
};

/** The words for each field a notice lists as changed, on the screens and in the printouts. */
export const FIELD_LABELS: Record<string, { ja: string; en: string }> = {
  nameKanji: { ja: "氏名", en: "Name" },
  nameKana: { ja: "ふりがな", en: "Reading" },
  employment: { ja: "雇用形態", en: "Employment" },
  startDate: { ja: "従事開始日", en: "Start date" },
  endDate: { ja: "最終従事日", en: "Last day" },
  cardExperienceMonths: { ja: "カード業務経験（か月）", en: "Card work (months)" },
  municipalExperienceWhere: { ja: "自治体経験（場所）", en: "Municipal experience (where)" },
  municipalExperienceMonths: { ja: "自治体経験（か月）", en: "Municipal experience (months)" },
  certificateGrade: { ja: "実務検定（級）", en: "Certificate grade" },
  certificateDate: { ja: "実務検定（取得日）", en: "Certificate date" },
  workRoles: { ja: "担当業務", en: "Work" },
  manager: { ja: "業務管理者", en: "Manager" },
  deputy: { ja: "業務副管理者", en: "Deputy" },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The notices one edit of a person produces: one per kind, each with the fields it covers.
 * Contact, hour limits and availability are the contractor's own planning and are not reported.
 */
export function noticesForEdit(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { kind: NoticeKind; changes: Record<string, { before: unknown; after: unknown }> }[] {
  const byKind = new Map<NoticeKind, Record<string, { before: unknown; after: unknown }>>();
  for (const [field, kind] of Object.entries(NOTIFIED_FIELDS)) {
    if (same(before[field], after[field])) continue;
    const changes = byKind.get(kind) ?? {};
    changes[field] = { before: before[field] ?? null, after: after[field] ?? null };
    byKind.set(kind, changes);
  }
  return [...byKind].map(([kind, changes]) => ({ kind, changes }));
}

/** Notices that change what the organisation chart (体制図) shows. */
export const CHART_KINDS: ReadonlySet<NoticeKind> = new Set([
  "submission",
  "join",
  "leave",
  "designation",
  "details",
]);

// ---- duty coverage: is the manager or the deputy there in every open hour? ----

export interface ShiftLike {
  personId: string;
  startTime: string;
  endTime: string;
}

export interface DutyHour {
  from: string;
  to: string;
  managerOnDuty: boolean;
  deputyOnDuty: boolean;
  /** Neither the manager nor the deputy is there for the whole hour. */
  uncovered: boolean;
  people: number;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * Splits the open windows of a day into clock hours (the first and last may be shorter) and says
 * for each whether the manager and the deputy are on duty for the whole of it.
 */
export function dutyCoverage(
  windows: { open: string; close: string }[],
  shifts: ShiftLike[],
  designated: { manager: string | null; deputy: string | null },
): DutyHour[] {
  const hours: DutyHour[] = [];
  const covers = (personId: string | null, from: number, to: number) =>
    personId !== null &&
    shifts.some(
      (s) =>
        s.personId === personId && toMinutes(s.startTime) <= from && to <= toMinutes(s.endTime),
    );
  for (const w of windows) {
    let from = toMinutes(w.open);
    const close = toMinutes(w.close);
    while (from < close) {
      const to = Math.min(close, (Math.floor(from / 60) + 1) * 60);
      const managerOnDuty = covers(designated.manager, from, to);
      const deputyOnDuty = covers(designated.deputy, from, to);
      hours.push({
        from: toHhmm(from),
        to: toHhmm(to),
        managerOnDuty,
        deputyOnDuty,
        uncovered: !managerOnDuty && !deputyOnDuty,
        people: new Set(
          shifts
            .filter((s) => toMinutes(s.startTime) < to && from < toMinutes(s.endTime))
            .map((s) => s.personId),
        ).size,
      });
      from = to;
    }
  }
  return hours;
}

/** Minutes of a shift; shifts never cross midnight. */
export const shiftMinutes = (s: { startTime: string; endTime: string }) =>
  toMinutes(s.endTime) - toMinutes(s.startTime);

export const overlap = (a: ShiftLike, b: ShiftLike) =>
  toMinutes(a.startTime) < toMinutes(b.endTime) && toMinutes(b.startTime) < toMinutes(a.endTime);

/** Monday of the week a day belongs to (weekly hour limits count Monday to Sunday). */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a shift lies within the hours the person said they can work on that weekday. */
export function withinAvailability(availability: Availability, day: string, shift: ShiftLike) {
  const weekday = String(new Date(`${day}T00:00:00Z`).getUTCDay()) as keyof Availability;
  const window = availability[weekday];
  return window !== undefined && window.from <= shift.startTime && shift.endTime <= window.to;
}
