import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  TEST_PASSWORD,
  type TestApp,
} from "../../test/factories.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { hashPassword } from "../platform/auth/password.ts";
import { findUserByName, insertUser } from "../platform/auth/users.ts";
import { transaction } from "../platform/db/index.ts";

let t: TestApp;

afterAll(async () => {
  await t.close();
});
beforeAll(async () => {
  t = await buildTestApp();
});

interface Setup {
  tenantId: string;
  manager: Client;
  city: Client;
  admin: Client;
}

async function setUp(): Promise<Setup> {
  const tenantId = (await buildTenant(t.database)).tenantId;
  const as = async (role: "city" | "manager" | "admin") =>
    signInAs(t.app, tenantId, (await buildUser(t.database, tenantId, role)).username);
  return {
    tenantId,
    manager: await as("manager"),
    city: await as("city"),
    admin: await as("admin"),
  };
}

const person = (overrides: Record<string, unknown> = {}) => ({
  nameKanji: "長岡 花子",
  nameKana: "ながおか はなこ",
  employment: "regular",
  startDate: "2026-04-01",
  contact: "内線 4201",
  cardExperienceMonths: 24,
  municipalExperience: { where: "新潟県内C市 市民課", months: 30 },
  certificate: { grade: "1級", date: "2025-06-01" },
  workRoles: ["counter", "phone"],
  weeklyHourLimit: 40,
  availability: Object.fromEntries(
    ["1", "2", "3", "4", "5"].map((d) => [d, { from: "08:15", to: "19:15" }]),
  ),
  ...overrides,
});

async function add(client: Client, overrides: Record<string, unknown> = {}) {
  const response = await client.request("POST", "/api/v1/roster/people", person(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; name: string; mandatoryTrainingComplete: boolean };
}

async function train(
  client: Client,
  personIds: string[],
  courseIds = ["personal-data", "operation-manual"],
) {
  for (const courseId of courseIds) {
    const response = await client.request("POST", "/api/v1/training/sessions", {
      courseId,
      heldOn: "2026-03-20",
      instructor: "研修 講師",
      attendees: personIds,
    });
    expect(response.statusCode, response.body).toBe(201);
  }
}

describe("designation of the manager and the deputy", () => {
  it("refuses each missing qualification with its own message, and a deputy who is the manager", async () => {
    const { tenantId, manager, admin } = await setUp();
    const cases = [
      {
        overrides: { employment: "part_time" },
        code: "manager_requires_regular_employment",
        text: "正規雇用者",
      },
      {
        overrides: { municipalExperience: null },
        code: "manager_requires_municipal_experience",
        text: "特定個人情報取扱業務の経験",
      },
      {
        overrides: { certificate: null },
        code: "manager_requires_certificate",
        text: "マイナンバー実務検定",
      },
    ];
    for (const c of cases) {
      const p = await add(manager, c.overrides);
      const response = await manager.request("POST", `/api/v1/roster/people/${p.id}/designate`, {
        designation: "manager",
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe(c.code);
      expect(response.json().message).toContain(c.text);
      expect(response.json().missing).toHaveLength(1);
    }
    const qualified = await add(manager, { nameKanji: "適格 一郎" });
    const asManager = await admin.request("POST", `/api/v1/roster/people/${qualified.id}/account`, {
      username: "tekikaku",
      role: "manager",
      password: TEST_PASSWORD,
    });
    expect(asManager.json().code).toBe("role_needs_designation");
    await admin.request("POST", `/api/v1/roster/people/${qualified.id}/account`, {
      username: "tekikaku",
      role: "staff",
      password: TEST_PASSWORD,
    });
    const roleOf = async (username: string) =>
      (await findUserByName(t.database.db, tenantId, username))?.role;
    const ok = await manager.request("POST", `/api/v1/roster/people/${qualified.id}/designate`, {
      designation: "manager",
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().designation).toBe("manager");
    const same = await manager.request("POST", `/api/v1/roster/people/${qualified.id}/designate`, {
      designation: "deputy",
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe("deputy_must_be_another_person");

    // The deputy need not hold the manager's qualifications; a new manager replaces the old one.
    const deputy = await add(manager, {
      employment: "part_time",
      certificate: null,
      municipalExperience: null,
    });
    expect(
      (
        await manager.request("POST", `/api/v1/roster/people/${deputy.id}/designate`, {
          designation: "deputy",
        })
      ).statusCode,
    ).toBe(200);
    // The account follows the designation.
    expect(await roleOf("tekikaku")).toBe("manager");
    const next = await add(manager, { nameKanji: "後任 二郎" });
    await manager.request("POST", `/api/v1/roster/people/${next.id}/designate`, {
      designation: "manager",
    });
    expect(await roleOf("tekikaku")).toBe("staff");
    const roster = (await manager.request("GET", "/api/v1/roster")).json();
    const designated = roster.people.filter((p: { designation: string | null }) => p.designation);
    expect(
      designated.map((p: { name: string; designation: string }) => [p.name, p.designation]).sort(),
    ).toEqual([
      ["後任 二郎", "manager"],
      ["長岡 花子", "deputy"],
    ]);
    // An edit that would leave the manager unqualified is refused.
    const downgrade = await manager.request("PATCH", `/api/v1/roster/people/${next.id}`, {
      certificate: null,
    });
    expect(downgrade.json().code).toBe("manager_would_lose_qualification");
  });
});

describe("training gates the counter and the schedule", () => {
  it("refuses to open a counter or schedule someone without the mandatory courses, naming them", async () => {
    const { tenantId, manager, admin } = await setUp();
    const p = await add(manager, { nameKanji: "新人 三郎", employment: "part_time" });
    expect(p.mandatoryTrainingComplete).toBe(false);
    const account = await admin.request("POST", `/api/v1/roster/people/${p.id}/account`, {
      username: "shinjin",
      role: "staff",
      password: TEST_PASSWORD,
    });
    expect(account.statusCode, account.body).toBe(201);
    const staff = await signInAs(t.app, tenantId, "shinjin");

    const refused = await staff.request("POST", "/api/v1/queue/counters/1/open", {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("training_incomplete");
    expect(refused.json().message).toContain("個人情報保護研修");
    expect(refused.json().message).toContain("業務マニュアル研修");
    const shift = {
      personId: p.id,
      day: "2026-12-01",
      startTime: "08:30",
      endTime: "12:00",
      work: "counter",
    };
    const notScheduled = await manager.request("POST", "/api/v1/roster/shifts", shift);
    expect(notScheduled.statusCode).toBe(403);
    expect(notScheduled.json().code).toBe("training_incomplete");

    await train(manager, [p.id], ["personal-data"]);
    const stillRefused = await staff.request("POST", "/api/v1/queue/counters/1/open", {});
    expect(stillRefused.json().message).not.toContain("個人情報保護研修");
    expect(stillRefused.json().message).toContain("業務マニュアル研修");

    await train(manager, [p.id], ["operation-manual"]);
    expect((await staff.request("POST", "/api/v1/queue/counters/1/open", {})).statusCode).toBe(200);
    expect((await manager.request("POST", "/api/v1/roster/shifts", shift)).statusCode).toBe(201);
    // The same person cannot work twice at once, nor beyond the weekly limit, nor at work not theirs.
    expect(
      (
        await manager.request("POST", "/api/v1/roster/shifts", {
          ...shift,
          startTime: "11:00",
          endTime: "13:00",
        })
      ).json().code,
    ).toBe("shift_overlaps");
    expect(
      (
        await manager.request("POST", "/api/v1/roster/shifts", { ...shift, work: "back_office" })
      ).json().code,
    ).toBe("work_not_in_roles");
  });

  it("refuses a counter to a user who is not on the roster, and a staff account without a person", async () => {
    const { tenantId, admin } = await setUp();
    const direct = await admin.request("POST", "/api/v1/users", {
      username: "noroster",
      displayName: "名簿外",
      role: "staff",
      password: TEST_PASSWORD,
    });
    expect(direct.statusCode).toBe(422);
    expect(direct.json().code).toBe("account_needs_roster_person");
    // An account from before the roster existed, never linked to a person.
    const legacy = await transaction(t.database.db, async (tx) =>
      insertUser(tx, {
        tenantId,
        username: "legacy",
        displayName: "旧 利用者",
        role: "staff",
        passwordHash: await hashPassword(TEST_PASSWORD),
      }),
    );
    const staff = await signInAs(t.app, tenantId, legacy.username);
    const refused = await staff.request("POST", "/api/v1/queue/counters/1/open", {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("not_on_roster");
  });

  it("keeps to the weekly hour limit", async () => {
    const { manager } = await setUp();
    const p = await add(manager, { employment: "part_time", weeklyHourLimit: 8 });
    await train(manager, [p.id]);
    const shift = (day: string) => ({
      personId: p.id,
      day,
      startTime: "09:00",
      endTime: "13:00",
      work: "phone",
    });
    expect(
      (await manager.request("POST", "/api/v1/roster/shifts", shift("2026-12-01"))).statusCode,
    ).toBe(201);
    expect(
      (await manager.request("POST", "/api/v1/roster/shifts", shift("2026-12-02"))).statusCode,
    ).toBe(201);
    const third = await manager.request("POST", "/api/v1/roster/shifts", shift("2026-12-03"));
    expect(third.json().code).toBe("weekly_hours_exceeded");
    // Saturdays are not among this person's days; a weekday evening is past their hours.
    const saturday = await manager.request("POST", "/api/v1/roster/shifts", shift("2026-12-05"));
    expect(saturday.json().code).toBe("outside_availability");
    const late = await manager.request("POST", "/api/v1/roster/shifts", {
      ...shift("2026-12-08"),
      startTime: "18:00",
      endTime: "20:00",
    });
    expect(late.json().message).toContain("08:15〜19:15");
    // Next week counts afresh.
    expect(
      (await manager.request("POST", "/api/v1/roster/shifts", shift("2026-12-07"))).statusCode,
    ).toBe(201);
  });
});

describe("submission and change notices", () => {
  it("submits once, then reports each kind of change for the city to acknowledge", async () => {
    const { tenantId, manager, city } = await setUp();
    const boss = await add(manager, { nameKanji: "管理 太郎" });
    const second = await add(manager, { nameKanji: "副 花子", employment: "fixed_term" });
    const early = await manager.request("POST", "/api/v1/roster/submit");
    expect(early.json().code).toBe("manager_not_designated");
    await manager.request("POST", `/api/v1/roster/people/${boss.id}/designate`, {
      designation: "manager",
    });
    expect((await manager.request("POST", "/api/v1/roster/submit")).json().code).toBe(
      "deputy_not_designated",
    );
    await manager.request("POST", `/api/v1/roster/people/${second.id}/designate`, {
      designation: "deputy",
    });
    // Before the submission the roster is a draft: no notices yet.
    expect((await city.request("GET", "/api/v1/roster/notices")).json()).toEqual([]);

    const submitted = await manager.request("POST", "/api/v1/roster/submit");
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ kind: "submission", chartChanged: true });
    expect((await manager.request("POST", "/api/v1/roster/submit")).json().code).toBe(
      "already_submitted",
    );

    const joined = await add(manager, { nameKanji: "新規 四郎", employment: "temporary" });
    await manager.request("PATCH", `/api/v1/roster/people/${joined.id}`, {
      certificate: { grade: "3級", date: "2026-10-01" },
    });
    await manager.request("PATCH", `/api/v1/roster/people/${joined.id}`, {
      nameKana: "しんき しろう",
    });
    await manager.request("PATCH", `/api/v1/roster/people/${joined.id}`, {
      contact: "内線 9999",
      weeklyHourLimit: 20,
    });
    const third = await add(manager, { nameKanji: "三番 五郎" });
    await manager.request("POST", `/api/v1/roster/people/${third.id}/designate`, {
      designation: "deputy",
    });
    const left = await manager.request("POST", `/api/v1/roster/people/${second.id}/leave`, {
      endDate: "2026-12-31",
    });
    expect(left.statusCode, left.body).toBe(200);
    const leavingManager = await manager.request("POST", `/api/v1/roster/people/${boss.id}/leave`, {
      endDate: "2026-12-31",
    });
    expect(leavingManager.json().code).toBe("designated_person_leaving");

    const notices = (await city.request("GET", "/api/v1/roster/notices")).json() as {
      noticeId: string;
      kind: string;
      summary: string;
      changes: Record<string, unknown> | null;
      acknowledgedAt: string | null;
    }[];
    expect(notices.map((n) => n.kind).reverse()).toEqual([
      "submission",
      "join",
      "qualification",
      "details",
      "join",
      "designation",
      "leave",
    ]);
    // Contact and hours are the contractor's own: no notice, and never in a notice.
    expect(JSON.stringify(notices)).not.toContain("9999");
    expect(notices.find((n) => n.kind === "qualification")!.changes).toHaveProperty(
      "certificateGrade",
    );
    expect(notices.find((n) => n.kind === "designation")!.summary).toContain("前任 副 花子");

    const roster = (await manager.request("GET", "/api/v1/roster")).json();
    expect(roster.unacknowledgedNotices).toBe(7);
    const target = notices.find((n) => n.kind === "join")!;
    expect(
      (await manager.request("POST", `/api/v1/roster/notices/${target.noticeId}/acknowledge`, {}))
        .statusCode,
    ).toBe(403);
    const ack = await city.request(
      "POST",
      `/api/v1/roster/notices/${target.noticeId}/acknowledge`,
      { note: "受理しました" },
    );
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ acknowledgementNote: "受理しました" });
    expect(ack.json().acknowledgedBy).toBeTruthy();
    expect(
      (
        await city.request("POST", `/api/v1/roster/notices/${target.noticeId}/acknowledge`, {})
      ).json().code,
    ).toBe("already_acknowledged");
    const events = await listAuditEvents(t.database.db, tenantId, { limit: 100 });
    expect(
      events.some(
        (e) => e.action === "roster.notice.acknowledge" && e.entityId === target.noticeId,
      ),
    ).toBe(true);

    const chart = await city.request(
      "GET",
      `/api/v1/roster/notices/${notices.at(-1)!.noticeId}/chart.pdf`,
    );
    expect(chart.headers["content-type"]).toBe("application/pdf");
    expect(chart.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("access to the roster", () => {
  it("shows the city no contact data, gives contact only to leads with an audit trail, and staff their own record", async () => {
    const { tenantId, manager, city } = await setUp();
    const p = await add(manager);
    const forCity = await city.request("GET", "/api/v1/roster");
    expect(forCity.statusCode).toBe(200);
    expect(forCity.body).not.toContain("4201");
    expect((await city.request("POST", "/api/v1/roster/people", person())).statusCode).toBe(403);
    expect((await city.request("GET", `/api/v1/roster/people/${p.id}/personal`)).statusCode).toBe(
      403,
    );

    const personal = await manager.request("GET", `/api/v1/roster/people/${p.id}/personal`);
    expect(personal.json()).toEqual({ id: p.id, contact: "内線 4201" });
    const events = await listAuditEvents(t.database.db, tenantId, { limit: 50 });
    expect(events.some((e) => e.action === "roster.read_personal" && e.entityId === p.id)).toBe(
      true,
    );

    const staffUser = await buildUser(t.database, tenantId, "staff");
    const staff = await signInAs(t.app, tenantId, staffUser.username);
    expect((await staff.request("GET", "/api/v1/roster")).statusCode).toBe(403);
    const me = await staff.request("GET", "/api/v1/roster/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().person.mandatoryTrainingComplete).toBe(true);
    expect(
      me
        .json()
        .training.map((r: { courseId: string }) => r.courseId)
        .sort(),
    ).toEqual(["operation-manual", "personal-data"]);
    expect((await staff.request("GET", "/api/v1/roster/name-tags.pdf")).statusCode).toBe(403);
  });
});

describe("duty view", () => {
  it("flags the open hours when neither the manager nor the deputy is on duty", async () => {
    const { manager } = await setUp();
    const boss = await add(manager, { nameKanji: "管理 太郎" });
    const deputy = await add(manager, { nameKanji: "副 花子" });
    await train(manager, [boss.id, deputy.id]);
    await manager.request("POST", `/api/v1/roster/people/${boss.id}/designate`, {
      designation: "manager",
    });
    await manager.request("POST", `/api/v1/roster/people/${deputy.id}/designate`, {
      designation: "deputy",
    });
    // Thursday 2026-12-03 is the first Thursday: counter to 19:00, phone to 17:15.
    const day = "2026-12-03";
    await manager.request("POST", "/api/v1/roster/shifts", {
      personId: boss.id,
      day,
      startTime: "08:30",
      endTime: "13:00",
      work: "counter",
    });
    await manager.request("POST", "/api/v1/roster/shifts", {
      personId: deputy.id,
      day,
      startTime: "14:00",
      endTime: "19:00",
      work: "counter",
    });
    const duty = (await manager.request("GET", `/api/v1/roster/duty?date=${day}`)).json();
    expect(duty.windows).toEqual([{ open: "08:30", close: "19:00" }]);
    const uncovered = duty.hours
      .filter((h: { uncovered: boolean }) => h.uncovered)
      .map((h: { from: string }) => h.from);
    expect(uncovered).toEqual(["13:00"]);
    expect(duty.hours[0]).toMatchObject({
      from: "08:30",
      to: "09:00",
      managerOnDuty: true,
      deputyOnDuty: false,
    });
    expect(duty.hours.at(-1)).toMatchObject({ from: "18:00", to: "19:00", deputyOnDuty: true });
  });
});
