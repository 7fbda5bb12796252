import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The reverse proxy in front of several server processes, as nginx's `proxy_next_upstream error`
 * or Caddy's `lb_try_duration` do it: each request goes to the first process that answers, and a
 * dead one is skipped. Streams (Server-Sent Events) are passed through as they come; when the
 * process behind one dies, the stream is cut and the browser reconnects through here.
 */
export async function failoverProxy(
  backends: string[],
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (request, response) => {
    const body: Buffer[] = [];
    for await (const chunk of request) body.push(chunk as Buffer);
    const tryFrom = (index: number): void => {
      if (index >= backends.length) {
        response.writeHead(502).end("no server answers");
        return;
      }
      const target = new URL(request.url ?? "/", backends[index]);
      const upstream = http.request(
        target,
        { method: request.method, headers: { ...request.headers, host: target.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          answer.on("error", () => response.destroy());
          answer.on("aborted", () => response.destroy());
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (response.headersSent) response.destroy();
        else if (error.code === "ECONNREFUSED" || error.code === "ECONNRESET") tryFrom(index + 1);
        else response.writeHead(502).end(error.message);
      });
      response.on("close", () => upstream.destroy());
      upstream.end(Buffer.concat(body));
    };
    tryFrom(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
