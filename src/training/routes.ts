import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { patchOf } from "../platform/inputs.ts";
import {
  courseInput,
  courseParams,
  courseSchema,
  sessionInput,
  trainingSessionSchema,
} from "./contract.ts";
import {
  addCourse,
  approveCourse,
  editCourse,
  recordTrainingSession,
  trainingOverview,
} from "./courses.ts";
import type { Course } from "./store.ts";

const courseOut = (c: Course) => ({
  courseId: c.courseId,
  title: c.title,
  titleEn: c.titleEn,
  content: c.content,
  materialVersion: c.materialVersion,
  mandatory: c.mandatory,
  approvedAt: c.approvedAt?.toISOString() ?? null,
  approvedBy: c.approvedBy,
});

/** 研修: courses with the city's approval of their material, and the sessions held. */
export async function trainingRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

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
      const { courses, sessions } = await run(request, trainingOverview);
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
      reply.code(201).send(courseOut(await run(request, (ctx) => addCourse(ctx, request.body)))),
  );

  app.patch(
    "/api/v1/training/courses/:courseId",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["training"],
        summary: "Change a course; a new material version needs approval again",
        params: courseParams,
        body: patchOf(courseInput.partial()),
        response: { 200: courseSchema },
      },
    },
    async (request) =>
      courseOut(
        await run(request, (ctx) =>
          editCourse(ctx, { courseId: request.params.courseId, ...request.body }),
        ),
      ),
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
    async (request) => courseOut(await run(request, (ctx) => approveCourse(ctx, request.params))),
  );

  app.post(
    "/api/v1/training/sessions",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["training"],
        summary: "Record a session held and who attended",
        body: sessionInput,
        response: { 201: trainingSessionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await run(request, (ctx) => recordTrainingSession(ctx, request.body))),
  );
}
