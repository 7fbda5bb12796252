import { addDays } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/days.ts";
import { auditContext, systemActor } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { localDate, now, todayInTokyo } from "../platform/clock.ts";
import type { Tx } from "../platform/db/index.ts";
import { newId } from "../platform/ids.ts";
import type { Availability, Employment, WorkRole } from "../roster/rules.ts";
import { insertPerson, insertShift, listPeople, type Person } from "../roster/store.ts";
import { seedDefaultCourses } from "../training/courses.ts";
import { insertTrainingSession, listCourses, updateCourse } from "../training/store.ts";

const WEEKDAYS: Availability = {
  "1": { from: "08:15", to: "19:15" },
  "2": { from: "08:15", to: "19:15" },
  "3": { from: "08:15", to: "19:15" },
  "4": { from: "08:15", to: "19:15" },
  "5": { from: "08:15", to: "19:15" },
};
const WITH_WEEKENDS: Availability = {
  ...WEEKDAYS,
  "0": { from: "08:45", to: "12:15" },
  "6": { from: "08:45", to: "12:15" },
};

interface DemoPerson {
  nameKanji: string;
  nameKana: string;
  employment: Employment;
  roles: WorkRole[];
  hours: number;
  cardMonths: number;
  municipal?: { where: string; months: number };
  certificate?: { grade: string; date: string };
  designation?: "manager" | "deputy";
  /** The demo user this person signs in as. */
  username?: string;
  weekends?: boolean;
}

/**
 * A fictitious roster for the demo counter: a manager and a deputy who meet the specification,
 * and enough people for five counters, the phone and the back office, all trained.
 */
export const DEMO_ROSTER: DemoPerson[] = [
  {
    nameKanji: "管理 一郎",
    nameKana: "かんり いちろう",
    employment: "regular",
    roles: ["counter", "phone", "back_office"],
    hours: 40,
    cardMonths: 48,
    municipal: { where: "新潟県内A市 市民課", months: 36 },
    certificate: { grade: "1級", date: "2023-11-12" },
    designation: "manager",
    username: "manager",
  },
  {
    nameKanji: "副管理 次郎",
    nameKana: "ふくかんり じろう",
    employment: "regular",
    roles: ["counter", "phone", "back_office"],
    hours: 40,
    cardMonths: 30,
    municipal: { where: "新潟県内B町 住民課", months: 18 },
    certificate: { grade: "2級", date: "2024-06-09" },
    designation: "deputy",
    username: "deputy",
    weekends: true,
  },
  {
    nameKanji: "窓口 花子",
    nameKana: "まどぐち はなこ",
    employment: "fixed_term",
    roles: ["counter", "phone"],
    hours: 35,
    cardMonths: 14,
    username: "staff",
    weekends: true,
  },
  {
    nameKanji: "青木 美咲",
    nameKana: "あおき みさき",
    employment: "fixed_term",
    roles: ["counter"],
    hours: 35,
    cardMonths: 24,
    weekends: true,
  },
  {
    nameKanji: "石田 健太",
    nameKana: "いしだ けんた",
    employment: "fixed_term",
    roles: ["counter", "back_office"],
    hours: 35,
    cardMonths: 12,
  },
  {
    nameKanji: "上野 さくら",
    nameKana: "うえの さくら",
    employment: "part_time",
    roles: ["counter"],
    hours: 25,
    cardMonths: 6,
  },
  {
    nameKanji: "遠藤 直樹",
    nameKana: "えんどう なおき",
    employment: "fixed_term",
    roles: ["counter", "phone"],
    hours: 35,
    cardMonths: 20,
    weekends: true,
  },
  {
    nameKanji: "大野 由美",
    nameKana: "おおの ゆみ",
    employment: "part_time",
    roles: ["phone"],
    hours: 25,
    cardMonths: 9,
  },
  {
    nameKanji: "加藤 翔",
    nameKana: "かとう しょう",
    employment: "temporary",
    roles: ["counter", "phone"],
    hours: 30,
    cardMonths: 3,
  },
  {
    nameKanji: "木村 真理",
    nameKana: "きむら まり",
    employment: "part_time",
    roles: ["back_office"],
    hours: 20,
    cardMonths: 15,
  },
  {
    nameKanji: "佐藤 陽子",
    nameKana: "さとう ようこ",
    employment: "fixed_term",
    roles: ["counter", "back_office"],
    hours: 35,
    cardMonths: 26,
  },
  {
    nameKanji: "高橋 大輔",
    nameKana: "たかはし だいすけ",
    employment: "temporary",
    roles: ["phone", "back_office"],
    hours: 30,
    cardMonths: 4,
  },
];

/**
 * Gives a demo tenant its roster and training records, linking the demo users `manager`,
 * `deputy` and `staff` to their people. Runs once per tenant: a roster already there is left alone.
 */
export async function seedDemoRoster(
  tx: Tx,
  tenantId: string,
  usersByName: Map<string, string>,
): Promise<boolean> {
  if ((await listPeople(tx, tenantId)).length > 0) return false;
  await seedDefaultCourses(tx, tenantId);
  // The demo's course material counts as approved by the city.
  for (const course of await listCourses(tx, tenantId))
    if (!course.approvedAt)
      await updateCourse(tx, tenantId, course.courseId, {
        approvedAt: now(),
        approvedBy: "市民課 三郎",
      });
  const at = now();
  // On the roster from the start of service (仕様: 2026-02-02), so the service history has its staff.
  const startDate = "2026-02-02";
  const people: Person[] = DEMO_ROSTER.map((p) => ({
    tenantId,
    personId: newId(),
    nameKanji: p.nameKanji,
    nameKana: p.nameKana,
    employment: p.employment,
    startDate,
    endDate: null,
    contact: `内線 ${4100 + DEMO_ROSTER.indexOf(p)}`,
    cardExperienceMonths: p.cardMonths,
    municipalExperienceWhere: p.municipal?.where ?? null,
    municipalExperienceMonths: p.municipal?.months ?? null,
    certificateGrade: p.certificate?.grade ?? null,
    certificateDate: p.certificate?.date ?? null,
    workRoles: p.roles,
    weeklyHourLimit: p.hours,
    availability: p.weekends ? WITH_WEEKENDS : WEEKDAYS,
    userId: (p.username && usersByName.get(p.username)) ?? null,
    designation: p.designation ?? null,
    createdAt: at,
    updatedAt: at,
  }));
  for (const person of people) await insertPerson(tx, person);
  const heldOn = localDate(
    new Date(Math.min(at.getTime(), Date.parse("2026-03-25T12:00:00+09:00"))),
  );
  for (const course of await listCourses(tx, tenantId)) {
    await insertTrainingSession(
      tx,
      {
        tenantId,
        sessionId: newId(),
        courseId: course.courseId,
        heldOn,
        materialVersion: course.materialVersion,
        instructor: "管理 一郎",
        recordedBy: "seed",
        recordedAt: at,
      },
      people.map((p) => p.personId),
    );
  }
  await seedLeadShifts(tx, tenantId, people);
  await recordAudit(tx, auditContext(systemActor(tenantId, "seed")), {
    action: "roster.seed",
    entity: "roster_person",
    change: { people: people.length },
  });
  return true;
}

/**
 * Two weeks of the manager's and the deputy's shifts from today, so the duty view shows a real
 * day: the manager covers the usual hours, the deputy the late Thursdays and weekend openings.
 */
async function seedLeadShifts(tx: Tx, tenantId: string, people: Person[]) {
  const manager = people.find((p) => p.designation === "manager")!;
  const deputy = people.find((p) => p.designation === "deputy")!;
  const from = todayInTokyo();
  const days = await calendarRange(tx, tenantId, from, addDays(from, 13));
  const shift = (person: Person, day: string, startTime: string, endTime: string) =>
    insertShift(tx, {
      tenantId,
      shiftId: newId(),
      personId: person.personId,
      day,
      startTime,
      endTime,
      work: "counter",
      createdAt: now(),
    });
  for (const day of days) {
    const windows = [day.counter, day.phone, ...(day.extraSessions ?? [])].filter(
      (w) => w !== null,
    );
    if (windows.length === 0) continue;
    const open = windows.map((w) => w.open).sort()[0]!;
    const close = windows
      .map((w) => w.close)
      .sort()
      .at(-1)!;
    if (day.kind === "weekend_opening") {
      await shift(deputy, day.date, open, close);
    } else if (close > "17:15") {
      await shift(manager, day.date, open, "13:00");
      await shift(deputy, day.date, "12:00", close);
    } else {
      await shift(manager, day.date, open, close);
    }
  }
}
