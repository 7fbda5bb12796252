import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * Server-Sent Events on a hijacked reply. Streams are tracked so that a graceful shutdown ends
 * them first: an open stream would otherwise keep the server from closing.
 */
export interface EventStream {
  send(event: string, data: unknown): void;
  onClose(listener: () => void): void;
}

const KEEPALIVE_MS = 15_000;
const open = new Set<FastifyReply>();

export function installEventStreams(app: FastifyInstance): void {
  app.addHook("preClose", async () => {
    for (const reply of open) reply.raw.end();
    open.clear();
  });
}

export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  reply.hijack();
  reply.raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    "x-request-id": request.id,
  });
  reply.raw.write("retry: 2000\n\n");
  open.add(reply);
  const listeners: (() => void)[] = [];
  const keepalive = setInterval(() => reply.raw.write(": keepalive\n\n"), KEEPALIVE_MS);
  const close = () => {
    clearInterval(keepalive);
    open.delete(reply);
    for (const listener of listeners.splice(0)) listener();
  };
  request.raw.on("close", close);
  return {
    send: (event, data) => {
      if (!reply.raw.writableEnded)
        reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose: (listener) => listeners.push(listener),
  };
}
