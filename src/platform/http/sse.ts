import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../errors.ts";

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
/** Open streams per client address: one address cannot hold the process's file handles. */
const byAddress = new Map<string, number>();
const limits = { perAddress: 50, perProcess: 5_000 };

export function installEventStreams(
  app: FastifyInstance,
  caps: { perAddress: number; perProcess: number },
): void {
  Object.assign(limits, caps);
  app.addHook("preClose", async () => {
    for (const reply of open) reply.raw.end();
    open.clear();
  });
}

const tooManyStreams = () =>
  new DomainError(
    "too_many_requests",
    "too_many_streams",
    "同時に開ける更新通知の数を超えました。不要な画面を閉じてください。",
    "Too many live connections are open. Close screens you do not need.",
  );

export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  const address = request.ip;
  const fromAddress = byAddress.get(address) ?? 0;
  if (open.size >= limits.perProcess || fromAddress >= limits.perAddress) throw tooManyStreams();
  byAddress.set(address, fromAddress + 1);
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
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepalive);
    open.delete(reply);
    const left = (byAddress.get(address) ?? 1) - 1;
    if (left > 0) byAddress.set(address, left);
    else byAddress.delete(address);
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
