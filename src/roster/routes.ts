import type { FastifyReply } from "fastify";
import { z } from "zod";
import { type Actor, auditContext } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { publicUser } from "../platform/auth/accounts.ts";
import { localDate, now } from "../platform/clock.ts";
import { type Db, transaction } from "../platform/db/index.ts";
import { notFound } from "../platform/errors.ts";
import { actorOf, operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { audit } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { createAccountFor } from "./accounts.ts";
import { type ChartPerson, nameTagsPdf, orgChartPdf } from "./documents.ts";
import {
  acknowledgeNotice,
  addPerson,
  designate,
  dutyView,
  editPerson,
  leavePerson,
  rosterEntry,
  rosterOf,
  submitRoster,
} from "./operations.ts";
import { DESIGNATIONS, EMPLOYMENTS, NOTICE_KINDS, WORK_ROLES } from "./rules.ts";
import { removeShift, scheduleShift } from "./shifts.ts";
import {
  attendedCourses,
  findNotice,
  findPerson,
  findPersonOfUser,
  listCourses,
  listNotices,
  listTrainingSessions,
  type Notice,
  shiftsBetween,
} from "./store.ts";
import { addCourse, approveCourse, editCourse, recordTrainingSession } from "./training.ts";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
const text = (max: number) => z.string().trim().min(1).max(max);
const availabilitySchema = z.partialRecord(
  z.enum(["0", "1", "2", "3", "4", "5", "6"]),
  z.object({ from: time, to: time }),
);

const personInput = z.object({
  nameKanji: text(60),
  nameKana: text(80),
  employment: z.enum(EMPLOYMENTS),
  startDate: date,
  endDate: date.nullable().optional(),
  contact: z.string().trim().max(200).nullable().optional(),
  cardExperienceMonths: z.number().int().min(0).max(600),
  municipalExperience: z
    .object({ where: text(120), months: z.number().int().min(1).max(600) })
    .nullable()
    .optional(),
  certificate: z
    .object({ grade: text(20), date })
    .nullable()
    .optional(),
  workRoles: z.array(z.enum(WORK_ROLES)).min(1),
  weeklyHourLimit: z.number().int().min(1).max(60),
  availability: availabilitySchema,
});

const courseRef = z.object({ courseId: z.string(), title: z.string(), titleEn: z.string() });
const entrySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameKana: z.string(),
  employment: z.enum(EMPLOYMENTS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
  designation: z.enum(DESIGNATIONS).nullable(),
  cardExperienceMonths: z.number(),
  municipalExperience: z.object({ where: z.string(), months: z.number() }).nullable(),
  certificate: z.object({ grade: z.string(), date: z.string() }).nullable(),
  roles: z.array(z.string()),
  weeklyHourLimit: z.number(),
  availability: availabilitySchema,
  hasAccount: z.boolean(),
  mandatoryTrainingComplete: z.boolean(),
  missingCourses: z.array(courseRef),
});

const noticeSchema = z.object({
  noticeId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  personId: z.string().nullable(),
  summary: z.string(),
  summaryEn: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  chartChanged: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
});

const courseSchema = z.object({
  courseId: z.string(),
  title: z.string(),
  titleEn: z.string(),
  content: z.string(),
  materialVersion: z.string(),
  mandatory: z.boolean(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
const courseInput = z.object({
  title: text(80),
  titleEn: text(120),
  content: z.string().trim().max(2000),
  materialVersion: text(20),
  mandatory: z.boolean(),
});
const trainingSessionSchema = z.object({
  sessionId: z.string(),
  courseId: z.string(),
  heldOn: z.string(),
  materialVersion: z.string(),
  instructor: z.string(),
  recordedBy: z.string(),
  attendees: z.array(z.string()),
});

const shiftSchema = z.object({
  shiftId: z.string(),
  personId: z.string(),
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  work: z.enum(WORK_ROLES),
});
const dutySchema = z.object({
  date: z.string(),
  open: z.boolean(),
  windows: z.array(z.object({ open: z.string(), close: z.string() })),
  manager: z.object({ id: z.string(), name: z.string() }).nullable(),
  deputy: z.object({ id: z.string(), name: z.string() }).nullable(),
  hours: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      managerOnDuty: z.boolean(),
      deputyOnDuty: z.boolean(),
      uncovered: z.boolean(),
      people: z.number(),
    }),
  ),
  shifts: z.array(
    z.object({
      shiftId: z.string(),
      personId: z.string(),
      name: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      work: z.string(),
    }),
  ),
});

const personParams = z.object({ personId: z.string().max(64) });
const noticeParams = z.object({ noticeId: z.string().max(64) });
const courseParams = z.object({ courseId: z.string().max(64) });

function noticeOut(n: Notice) {
  return {
    noticeId: n.noticeId,
    kind: n.kind as (typeof NOTICE_KINDS)[number],
    personId: n.personId,
    summary: n.summary,
    summaryEn: n.summaryEn,
    changes: n.changes,
    chartChanged: n.chartChanged,
    createdAt: n.createdAt.toISOString(),
    createdBy: n.createdBy,
    acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: n.acknowledgedBy,
    acknowledgementNote: n.acknowledgementNote,
  };
}

const courseOut = (c: Awaited<ReturnType<typeof listCourses>>[number]) => ({
  courseId: c.courseId,
  title: c.title,
  titleEn: c.titleEn,
  content: c.content,
  materialVersion: c.materialVersion,
  mandatory: c.mandatory,
  approvedAt: c.approvedAt?.toISOString() ?? null,
  approvedBy: c.approvedBy,
});

const shiftOut = (s: Awaited<ReturnType<typeof shiftsBetween>>[number]) => ({
  shiftId: s.shiftId,
  personId: s.personId,
  day: s.day,
  startTime: s.startTime,
  endTime: s.endTime,
  work: s.work as (typeof WORK_ROLES)[number],
});

async function entryOf(db: Db, tenantId: string, personId: string) {
  const [person, courses, attended] = await Promise.all([
    findPerson(db, tenantId, personId),
    listCourses(db, tenantId),
    attendedCourses(db, tenantId, personId),
  ]);
  if (!person) throw notFound("従事者", "Person");
  return rosterEntry(person, courses, attended.get(personId));
}

/** Names on the roster are personal data: every read of them leaves a trace. */
async function auditRead(
  db: Db,
  actor: Actor,
  action: string,
  entityId?: string,
  entity = "roster_person",
) {
  await transaction(db, (tx) => recordAudit(tx, auditContext(actor), { action, entity, entityId }));
}

const japaneseDate = (day: string) =>
  `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日現在`;

function sendPdf(reply: FastifyReply, bytes: Uint8Array, filename: string) {
  return reply
    .type("application/pdf")
    .header("cache-control", "no-store")
    .header("content-disposition", `inline; filename="${filename}"`)
    .send(Buffer.from(bytes));
}

export async function rosterRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  const run = operationRunner(db);

  app.get(
    "/api/v1/roster",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "The staff roster (従事者名簿), without contact data",
        response: {
          200: z.object({
            people: z.array(entrySchema),
            submittedAt: z.string().nullable(),
            serviceStart: z.string(),
            unacknowledgedNotices: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { people, notices, tenant } = await run(request, async (ctx) => {
        const [people, notices, tenant] = await Promise.all([
          rosterOf(ctx.tx, ctx.tenantId),
          listNotices(ctx.tx, ctx.tenantId),
          findTenant(ctx.tx, ctx.tenantId),
        ]);
        // Names are personal data: the read and its trace commit together.
        await audit(ctx, { action: "roster.read", entity: "roster_person" });
        return { people, notices, tenant };
      });
      const submission = notices.find((n) => n.kind === "submission");
      return {
        people,
        submittedAt: submission?.createdAt.toISOString() ?? null,
        serviceStart: tenant!.serviceStart,
        unacknowledgedNotices: notices.filter((n) => !n.acknowledgedAt).length,
      };
    },
  );

  app.post(
    "/api/v1/roster/people",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Add a person to the roster (a change notice follows once submitted)",
        body: personInput,
        response: { 201: entrySchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const person = await addPerson(db, actor, request.body);
      return reply.code(201).send(await entryOf(db, actor.tenantId, person.personId));
    },
  );

  app.patch(
    "/api/v1/roster/people/:personId",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Change a person's entry; reported changes become change notices",
        params: personParams,
        body: personInput.partial(),
        response: { 200: entrySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await editPerson(db, actor, request.params.personId, request.body);
      return entryOf(db, actor.tenantId, request.params.personId);
    },
  );

  app.post(
    "/api/v1/roster/people/:personId/leave",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "The person leaves the contract (last day)",
        params: personParams,
        body: z.object({ endDate: date }),
        response: { 200: entrySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await leavePerson(db, actor, request.params.personId, request.body.endDate);
      return entryOf(db, actor.tenantId, request.params.personId);
    },
  );

  app.post(
    "/api/v1/roster/people/:personId/designate",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Designate the manager (業務管理者) or the deputy (業務副管理者)",
        params: personParams,
        body: z.object({ designation: z.enum(DESIGNATIONS) }),
        response: { 200: entrySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await designate(db, actor, request.params.personId, request.body.designation);
      return entryOf(db, actor.tenantId, request.params.personId);
    },
  );

  app.get(
    "/api/v1/roster/people/:personId/personal",
    {
      config: { access: { permission: "roster.personal" } },
      schema: {
        tags: ["roster"],
        summary: "A person's contact data (each view audited)",
        params: personParams,
        response: { 200: z.object({ id: z.string(), contact: z.string().nullable() }) },
      },
    },
    async (request) =>
      run(request, async (ctx) => {
        const person = await findPerson(ctx.tx, ctx.tenantId, request.params.personId);
        if (!person) throw notFound("従事者", "Person");
        await audit(ctx, {
          action: "roster.read_personal",
          entity: "roster_person",
          entityId: person.personId,
        });
        return { id: person.personId, contact: person.contact };
      }),
  );

  app.post(
    "/api/v1/roster/people/:personId/account",
    {
      config: { access: { permission: "users.write" } },
      schema: {
        tags: ["roster"],
        summary: "Create the person's sign-in account (staff, deputy or manager)",
        params: personParams,
        body: z.object({
          username: z.string().trim().min(2).max(40),
          role: z.enum(["staff", "deputy", "manager"]),
          password: z.string().max(200),
        }),
      },
    },
    async (request, reply) => {
      const user = await createAccountFor(
        db,
        actorOf(request),
        request.params.personId,
        request.body,
      );
      return reply.code(201).send(publicUser(user));
    },
  );

  app.get(
    "/api/v1/roster/me",
    {
      config: { access: { permission: "roster.self" } },
      schema: {
        tags: ["roster"],
        summary: "My own roster record, training and coming shifts",
        response: {
          200: z.object({
            person: entrySchema.nullable(),
            contact: z.string().nullable(),
            training: z.array(
              z.object({ courseId: z.string(), title: z.string(), heldOn: z.string() }),
            ),
            shifts: z.array(shiftSchema),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const person = await findPersonOfUser(db, actor.tenantId, actor.userId);
      if (!person) return { person: null, contact: null, training: [], shifts: [] };
      const today = localDate(now());
      const [entry, courses, sessions, shifts] = await Promise.all([
        entryOf(db, actor.tenantId, person.personId),
        listCourses(db, actor.tenantId),
        listTrainingSessions(db, actor.tenantId),
        shiftsBetween(db, actor.tenantId, today, "9999-12-31", person.personId),
      ]);
      await auditRead(db, actor, "roster.read_personal", person.personId);
      return {
        person: entry,
        contact: person.contact,
        training: sessions
          .filter((s) => s.attendees.includes(person.personId))
          .map((s) => ({
            courseId: s.courseId,
            title: courses.find((c) => c.courseId === s.courseId)?.title ?? s.courseId,
            heldOn: s.heldOn,
          })),
        shifts: shifts.slice(0, 30).map(shiftOut),
      };
    },
  );

  app.post(
    "/api/v1/roster/submit",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Submit the roster and the organisation chart to the city (once)",
        response: { 201: noticeSchema.extend({ late: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const notice = await run(request, submitRoster);
      return reply.code(201).send({ ...noticeOut(notice), late: notice.late });
    },
  );

  app.get(
    "/api/v1/roster/notices",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "The roster submission and every change notice (変更報告), newest first",
        response: { 200: z.array(noticeSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const notices = await listNotices(db, actor.tenantId);
      await auditRead(db, actor, "roster.notices.read", undefined, "roster_notice");
      return notices.map(noticeOut);
    },
  );

  app.post(
    "/api/v1/roster/notices/:noticeId/acknowledge",
    {
      config: { access: { permission: "roster.acknowledge" } },
      schema: {
        tags: ["roster"],
        summary: "The city acknowledges a submission or change notice",
        params: noticeParams,
        body: z.object({ note: z.string().max(500).optional() }),
        response: { 200: noticeSchema },
      },
    },
    async (request) =>
      noticeOut(
        await acknowledgeNotice(db, actorOf(request), request.params.noticeId, request.body.note),
      ),
  );

  async function chartHeading(tenantId: string, day: string) {
    const tenant = await findTenant(db, tenantId);
    return { office: tenant?.nameJa ?? tenantId, asOf: japaneseDate(day) };
  }

  app.get(
    "/api/v1/roster/chart.pdf",
    {
      config: { access: { permission: "roster.read" } },
      schema: { tags: ["roster"], summary: "The organisation chart (体制図) as it stands, A4 PDF" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const today = localDate(now());
      const people = (await rosterOf(db, actor.tenantId)).filter(
        (p) => p.endDate === null || p.endDate >= today,
      );
      const pdf = await orgChartPdf(people, await chartHeading(actor.tenantId, today));
      await auditRead(db, actor, "roster.chart.read");
      return sendPdf(reply, pdf, "taiseizu.pdf");
    },
  );

  app.get(
    "/api/v1/roster/notices/:noticeId/chart.pdf",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "The organisation chart as it stood at a notice",
        params: noticeParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const notice = await findNotice(db, actor.tenantId, request.params.noticeId);
      if (!notice) throw notFound("変更報告", "Notice");
      const day = localDate(notice.createdAt);
      await auditRead(db, actor, "roster.chart.read", notice.noticeId, "roster_notice");
      const pdf = await orgChartPdf(
        notice.snapshot as ChartPerson[],
        await chartHeading(actor.tenantId, day),
      );
      return sendPdf(reply, pdf, `taiseizu-${day}.pdf`);
    },
  );

  app.get(
    "/api/v1/roster/name-tags.pdf",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Name tags (名札) of everyone on the roster, ten per A4 sheet",
        querystring: z.object({ person: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const today = localDate(now());
      const people = (await rosterOf(db, actor.tenantId)).filter(
        (p) =>
          (p.endDate === null || p.endDate >= today) &&
          (!request.query.person || p.id === request.query.person),
      );
      const tenant = await findTenant(db, actor.tenantId);
      await auditRead(db, actor, "roster.name_tags.read", request.query.person);
      return sendPdf(reply, await nameTagsPdf(people, tenant?.nameJa ?? ""), "nafuda.pdf");
    },
  );

  // ---- training ----

  app.get(
    "/api/v1/training",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["training"],
        summary: "Training courses (研修) and the sessions held, with attendees",
        response: {
          200: z.object({
            courses: z.array(courseSchema),
            sessions: z.array(trainingSessionSchema),
          }),
        },
      },
    },
    async (request) => {
      const tenantId = actorOf(request).tenantId;
      const [courses, sessions] = await Promise.all([
        listCourses(db, tenantId),
        listTrainingSessions(db, tenantId),
      ]);
      return { courses: courses.map(courseOut), sessions };
    },
  );

  app.post(
    "/api/v1/training/courses",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["training"],
        summary: "Add a course (its material then needs the city's approval)",
        body: courseInput,
        response: { 201: courseSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(courseOut(await addCourse(db, actorOf(request), request.body))),
  );

  app.patch(
    "/api/v1/training/courses/:courseId",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["training"],
        summary: "Change a course; a new material version needs approval again",
        params: courseParams,
        body: courseInput.partial(),
        response: { 200: courseSchema },
      },
    },
    async (request) =>
      courseOut(await editCourse(db, actorOf(request), request.params.courseId, request.body)),
  );

  app.post(
    "/api/v1/training/courses/:courseId/approve",
    {
      config: { access: { permission: "training.approve" } },
      schema: {
        tags: ["training"],
        summary: "The city approves the course material (本市の承諾)",
        params: courseParams,
        response: { 200: courseSchema },
      },
    },
    async (request) =>
      courseOut(await approveCourse(db, actorOf(request), request.params.courseId)),
  );

  app.post(
    "/api/v1/training/sessions",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["training"],
        summary: "Record a session held and who attended",
        body: z.object({
          courseId: z.string().max(64),
          heldOn: date,
          instructor: text(60),
          attendees: z.array(z.string().max(64)).min(1).max(500),
        }),
        response: { 201: trainingSessionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordTrainingSession(db, actorOf(request), request.body)),
  );

  // ---- duty schedule ----

  app.get(
    "/api/v1/roster/duty",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "A service day hour by hour: is the manager or the deputy on duty?",
        querystring: z.object({ date: date.optional() }),
        response: { 200: dutySchema },
      },
    },
    async (request) =>
      run(request, (ctx) => dutyView(ctx, { date: request.query.date ?? localDate(now()) })),
  );

  app.post(
    "/api/v1/roster/shifts",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Schedule a person (refused without the mandatory training)",
        body: z.object({
          personId: z.string().max(64),
          day: date,
          startTime: time,
          endTime: time,
          work: z.enum(WORK_ROLES),
        }),
        response: { 201: shiftSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(shiftOut(await scheduleShift(db, actorOf(request), request.body))),
  );

  app.delete(
    "/api/v1/roster/shifts/:shiftId",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Remove a scheduled shift",
        params: z.object({ shiftId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      await removeShift(db, actorOf(request), request.params.shiftId);
      return reply.code(204).send();
    },
  );
}
