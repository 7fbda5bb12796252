import type { FastifyReply } from "fastify";
import { operationRunner } from "../platform/http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../platform/http/types.ts";
import { handoverZip } from "./files.ts";
import { handoverPackage } from "./handover.ts";

/** 業務引継書: one action, one zip (the PDF to read, the JSON to import). */
export async function handoverRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  app.get(
    "/api/v1/handover.zip",
    {
      config: { access: { permission: "handover.export" } },
      schema: {
        tags: ["handover"],
        summary:
          "The handover package for the next contractor (PDF + JSON in a zip; no citizen's data)",
        response: fileResponse("application/zip", "a zip file"),
      },
    },
    async (request, reply) => {
      const pkg = await run(request, handoverPackage);
      const bytes = await handoverZip(pkg);
      return (reply as unknown as FastifyReply)
        .type("application/zip")
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `attachment; filename="handover-${pkg.madeAt.slice(0, 10)}.zip"`,
        )
        .send(Buffer.from(bytes));
    },
  );
}
