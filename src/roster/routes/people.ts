import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { publicUser } from "../../platform/auth/accounts.ts";
import { userSchema } from "../../platform/auth/contract.ts";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { patchOf } from "../../platform/inputs.ts";
import type { Ctx } from "../../platform/operation.ts";
import { createAccountFor } from "../accounts.ts";
import {
  accountBody,
  date,
  entrySchema,
  myRecordSchema,
  personInput,
  personParams,
  rosterOverviewSchema,
} from "../contract.ts";
import { designate } from "../designation.ts";
import { myRecord, personalContact, personEntry, rosterOverview } from "../entries.ts";
import { addPerson, editPerson, leavePerson } from "../people.ts";
import { DESIGNATIONS } from "../rules.ts";
import type { Person } from "../store.ts";
import { shiftOut } from "./duty.ts";

export async function peopleRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  /** After a change to a person, their entry as the roster now shows it, in the same transaction. */
  const entryAfter = (request: FastifyRequest, change: (ctx: Ctx) => Promise<Person>) =>
    run(request, async (ctx) => personEntry(ctx.tx, ctx.tenantId, (await change(ctx)).personId));

  app.get(
    "/api/v1/roster",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "The staff roster (従事者名簿), without contact data",
        response: { 200: rosterOverviewSchema },
      },
    },
    async (request) => run(request, rosterOverview),
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
    async (request, reply) =>
      reply.code(201).send(await entryAfter(request, (ctx) => addPerson(ctx, request.body))),
  );

  app.patch(
    "/api/v1/roster/people/:personId",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Change a person's entry; reported changes become change notices",
        params: personParams,
        body: patchOf(personInput.partial()),
        response: { 200: entrySchema },
      },
    },
    async (request) =>
      entryAfter(request, (ctx) => editPerson(ctx, { ...request.body, ...request.params })),
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
    async (request) =>
      entryAfter(request, (ctx) => leavePerson(ctx, { ...request.params, ...request.body })),
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
    async (request) =>
      entryAfter(request, (ctx) => designate(ctx, { ...request.params, ...request.body })),
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
    async (request) => run(request, (ctx) => personalContact(ctx, request.params)),
  );

  app.post(
    "/api/v1/roster/people/:personId/account",
    {
      config: { access: { permission: "users.write" } },
      schema: {
        tags: ["roster"],
        summary: "Create the person's sign-in account (staff, deputy or manager)",
        params: personParams,
        body: accountBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await run(request, (ctx) =>
        createAccountFor(ctx, { ...request.params, ...request.body }),
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
        response: { 200: myRecordSchema },
      },
    },
    async (request) => {
      const record = await run(request, myRecord);
      return { ...record, shifts: record.shifts.map(shiftOut) };
    },
  );
}
