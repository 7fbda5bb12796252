import type { FastifyReply } from "fastify";
import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../platform/http/types.ts";
import { catalogueSchema, disclosureInput, disclosureSchema, previewInput } from "./contract.ts";
import {
  disclosureCatalogue,
  disclosureRecords,
  disclosureZip,
  makeDisclosure,
  previewDisclosure,
} from "./disclosures.ts";

const send = (reply: unknown, type: string, fileName: string, bytes: Uint8Array) =>
  (reply as FastifyReply)
    .type(type)
    .header("cache-control", "no-store")
    .header(
      "content-disposition",
      `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(Buffer.from(bytes));

/** 情報公開: documents masked for a disclosure request, and the record of what went to whom. */
export async function disclosureRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["disclosure"];
  app.get(
    "/api/v1/disclosure/documents",
    {
      config: { access: { permission: "disclosure.make" } },
      schema: {
        tags,
        summary: "The documents a disclosure can take",
        response: { 200: catalogueSchema },
      },
    },
    async (request) => run(request, disclosureCatalogue),
  );
  app.post(
    "/api/v1/disclosure/preview",
    {
      config: { access: { permission: "disclosure.make" } },
      schema: {
        tags,
        summary: "One document as it would be disclosed (masked PDF), to read before deciding",
        body: previewInput,
        response: fileResponse("application/pdf", "a PDF file"),
      },
    },
    async (request, reply) => {
      const doc = await run(request, (ctx) => previewDisclosure(ctx, request.body));
      return send(reply, "application/pdf", `${doc.title}（開示用）.pdf`, doc.bytes);
    },
  );
  app.get(
    "/api/v1/disclosures",
    {
      config: { access: { permission: "disclosure.read" } },
      schema: {
        tags,
        summary: "What was disclosed, to whom and when",
        response: { 200: z.array(disclosureSchema) },
      },
    },
    async (request) => run(request, disclosureRecords),
  );
  app.post(
    "/api/v1/disclosures",
    {
      config: { access: { permission: "disclosure.make" } },
      schema: {
        tags,
        summary:
          "Disclose: mask and render the documents, and keep the record with the files as handed over",
        body: disclosureInput,
        response: { 201: disclosureSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => makeDisclosure(ctx, request.body))),
  );
  app.get(
    "/api/v1/disclosures/:id/files.zip",
    {
      config: { access: { permission: "disclosure.read" } },
      schema: {
        tags,
        summary: "The files of a disclosure, as handed over",
        params: z.object({ id: z.string().uuid() }),
        response: fileResponse("application/zip", "a zip file"),
      },
    },
    async (request, reply) => {
      const zip = await run(request, (ctx) =>
        disclosureZip(ctx, { disclosureId: request.params.id }),
      );
      return send(reply, "application/zip", zip.fileName, zip.bytes);
    },
  );
}
