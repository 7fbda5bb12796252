import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import {
  closeEmergencyInput,
  closeInput,
  emergencyInput,
  emergencySchema,
  entryInput,
  incidentParams,
  incidentSchema,
  reportInput,
} from "./contract.ts";
import {
  acknowledgeEmergency,
  closeEmergency,
  openEmergencies,
  raiseEmergency,
} from "./emergency.ts";
import {
  addIncidentEntry,
  closeIncident,
  incident,
  listIncidents,
  reportIncident,
} from "./incidents.ts";

/** 事故・障害 and 緊急呼出. */
export async function incidentRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["incidents"];

  app.post(
    "/api/v1/incidents",
    {
      config: { access: { permission: "incident.report" } },
      schema: {
        tags,
        summary: "Report an incident: on the city's dashboard and by e-mail to the city at once",
        body: reportInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => reportIncident(ctx, request.body))),
  );

  app.get(
    "/api/v1/incidents",
    {
      config: { access: { permission: "incident.read" } },
      schema: {
        tags,
        summary:
          "Incidents with their timelines, newest first (the city and the contractor's leads)",
        querystring: z.object({ state: z.enum(["open", "closed"]).optional() }),
        response: { 200: z.array(incidentSchema) },
      },
    },
    async (request) => run(request, (ctx) => listIncidents(ctx, request.query)),
  );

  app.get(
    "/api/v1/incidents/:id",
    {
      config: { access: { permission: "incident.read" } },
      schema: {
        tags,
        summary: "One incident and its timeline",
        params: incidentParams,
        response: { 200: incidentSchema },
      },
    },
    async (request) => run(request, (ctx) => incident(ctx, { incidentId: request.params.id })),
  );

  app.post(
    "/api/v1/incidents/:id/entries",
    {
      config: { access: { permission: "incident.read" } },
      schema: {
        tags,
        summary: "Add to the timeline: the city's instruction, or the contractor's action or note",
        params: incidentParams,
        body: entryInput,
        response: { 200: incidentSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        addIncidentEntry(ctx, { incidentId: request.params.id, ...request.body }),
      ),
  );

  app.post(
    "/api/v1/incidents/:id/close",
    {
      config: { access: { permission: "incident.instruct" } },
      schema: {
        tags,
        summary: "Close an incident (the city), with the measures against recurrence",
        params: incidentParams,
        body: closeInput,
        response: { 200: incidentSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => closeIncident(ctx, { incidentId: request.params.id, ...request.body })),
  );

  app.post(
    "/api/v1/emergency-calls",
    {
      config: { access: { permission: "emergency.call" } },
      schema: {
        tags,
        summary:
          "Raise the alarm from a counter: every open staff screen gets an `emergency` event",
        body: emergencyInput,
        response: { 201: emergencySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => raiseEmergency(ctx, request.body))),
  );

  app.get(
    "/api/v1/emergency-calls",
    {
      config: { access: { permission: "emergency.call" } },
      schema: {
        tags,
        summary: "Emergency calls not yet closed",
        response: { 200: z.array(emergencySchema) },
      },
    },
    async (request) => run(request, openEmergencies),
  );

  app.post(
    "/api/v1/emergency-calls/:id/acknowledge",
    {
      config: { access: { permission: "emergency.call" } },
      schema: {
        tags,
        summary: "On the way: every screen shows who",
        params: incidentParams,
        response: { 200: emergencySchema },
      },
    },
    async (request) =>
      run(request, (ctx) => acknowledgeEmergency(ctx, { callId: request.params.id })),
  );

  app.post(
    "/api/v1/emergency-calls/:id/close",
    {
      config: { access: { permission: "emergency.close" } },
      schema: {
        tags,
        summary: "Close an emergency call with a note (a lead)",
        params: incidentParams,
        body: closeEmergencyInput,
        response: { 200: emergencySchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        closeEmergency(ctx, { callId: request.params.id, note: request.body.note }),
      ),
  );
}
