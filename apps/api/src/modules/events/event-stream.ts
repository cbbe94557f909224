import type { FastifyReply, FastifyRequest } from 'fastify';

/** How often a comment line keeps the stream (and any proxy in between) from timing out. */
export const HEARTBEAT_MS = 25_000;

/**
 * A server-sent events response written straight to the socket. Fastify's reply is hijacked, so
 * the headers that hooks set on it (helmet's security headers) are copied over first.
 */
export class EventStream {
  private heartbeat: NodeJS.Timeout | null = null;
  private ended = false;
  private readonly onEnd: (() => void)[] = [];

  constructor(
    private readonly req: FastifyRequest,
    private readonly reply: FastifyReply,
  ) {}

  /** Sends the headers and starts the heartbeat; `onClose` runs once, however the stream ends. */
  open(onClose: () => void): void {
    this.onEnd.push(onClose);
    this.reply.hijack();
    const raw = this.reply.raw;
    raw.writeHead(200, {
      ...(this.reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Tells nginx-like proxies not to buffer the stream.
      'x-accel-buffering': 'no',
      'x-request-id': this.req.id,
    });
    // Reconnect after 3 s if the connection drops.
    raw.write('retry: 3000\n\n');
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    // The response's `close` is the client going away (the request's own fires once its body is read).
    raw.once('close', () => this.end());
    raw.once('error', () => this.end());
    if (raw.destroyed || raw.socket?.destroyed) this.end();
  }

  /** One event; `data` is sent as one line of JSON. */
  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the response (the client's EventSource reconnects unless told otherwise). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (!this.reply.raw.writableEnded) this.reply.raw.end();
    for (const fn of this.onEnd.splice(0)) fn();
  }

  private write(chunk: string): void {
    if (this.ended || this.reply.raw.writableEnded) return;
    this.reply.raw.write(chunk);
  }
}
