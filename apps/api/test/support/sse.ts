import http from 'node:http';

/** A server-sent events response as the test sees it, filled in as it arrives. */
export interface SseStream {
  status: number;
  contentType: string;
  headers: http.IncomingHttpHeaders;
  /** Everything received so far. */
  body: string;
  /** The events received so far (comments and `retry` lines left out). */
  events: { event: string; data: string }[];
  ended: boolean;
  close(): void;
}

/**
 * Opens an SSE stream with Node's http client and parses events as they arrive. A 200 resolves
 * as soon as its headers arrive; any other answer once its body is complete.
 */
export function openStream(base: string, path: string, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        headers: res.headers,
        body: '',
        events: [],
        ended: false,
        close: () => req.destroy(),
      };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        stream.body += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event) stream.events.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' });
        }
      });
      res.on('end', () => (stream.ended = true));
      res.on('close', () => (stream.ended = true));
      if (stream.status === 200) resolve(stream);
      else res.on('end', () => resolve(stream));
    });
    req.on('error', reject);
  });
}

/** Polls until `check` holds, or fails after `ms` naming `what`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 5_000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
