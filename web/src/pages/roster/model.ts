import { serverNow } from "../../api.ts";
import type { Lang } from "../../i18n.ts";

export interface Entry {
  id: string;
  name: string;
  nameKana: string;
  employment: "regular" | "fixed_term" | "part_time" | "temporary";
  startDate: string;
  endDate: string | null;
  active: boolean;
  designation: "manager" | "deputy" | null;
  cardExperienceMonths: number;
  municipalExperience: { where: string; months: number } | null;
  certificate: { grade: string; date: string } | null;
  roles: string[];
  weeklyHourLimit: number;
  availability: Record<string, { from: string; to: string }>;
  hasAccount: boolean;
  mandatoryTrainingComplete: boolean;
  missingCourses: { courseId: string; title: string; titleEn: string }[];
}

export interface RosterData {
  people: Entry[];
  submittedAt: string | null;
  serviceStart: string;
  unacknowledgedNotices: number;
}

export interface Notice {
  noticeId: string;
  kind: string;
  summary: string;
  summaryEn: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  chartChanged: boolean;
  createdAt: string;
  createdBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgementNote: string | null;
}

export interface Course {
  courseId: string;
  title: string;
  titleEn: string;
  content: string;
  materialVersion: string;
  mandatory: boolean;
  approvedAt: string | null;
  approvedBy: string | null;
}

export interface TrainingSession {
  sessionId: string;
  courseId: string;
  heldOn: string;
  materialVersion: string;
  instructor: string;
  recordedBy: string;
  attendees: string[];
}

type Labels = Record<string, Record<Lang, string>>;

export const EMPLOYMENT: Labels = {
  regular: { ja: "正規雇用", en: "Regular" },
  fixed_term: { ja: "契約社員", en: "Fixed-term" },
  part_time: { ja: "パートタイム", en: "Part-time" },
  temporary: { ja: "派遣", en: "Temporary" },
};
export const WORK: Labels = {
  counter: { ja: "窓口", en: "Counter" },
  phone: { ja: "電話", en: "Phone" },
  back_office: { ja: "バックヤード", en: "Back office" },
};
export const DESIGNATION: Labels = {
  manager: { ja: "業務管理者", en: "Manager" },
  deputy: { ja: "業務副管理者", en: "Deputy" },
};
export const NOTICE_KIND: Labels = {
  submission: { ja: "名簿・体制図の提出", en: "Submission" },
  join: { ja: "従事者の追加", en: "Joined" },
  leave: { ja: "離任", en: "Left" },
  designation: { ja: "管理者の指名", en: "Designation" },
  qualification: { ja: "資格・経験", en: "Qualification" },
  details: { ja: "記載事項", en: "Details" },
};
export const FIELD: Labels = {
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

export const WEEKDAYS: Record<Lang, string[]> = {
  ja: ["日", "月", "火", "水", "木", "金", "土"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

/** Japanese first: the few words of this page, in both languages. */
export const say = (lang: Lang) => (ja: string, en: string) => (lang === "ja" ? ja : en);

export const formatInstant = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));

/** Today in Japan by the server's clock (a training clock may differ from this device's). */
export const today = () =>
  new Date(serverNow().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
