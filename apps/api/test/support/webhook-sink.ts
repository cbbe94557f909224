import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let sink: Promise<string> | undefined;

/**
 * The address of a webhook receiver in the test process that answers every delivery 204, for the
 * matrices' fixture endpoints: their deliveries succeed at once, so no retry changes rows later.
 * Started once per test file; it does not keep the process alive.
 */
export function webhookSinkUrl(): Promise<string> {
  sink ??= new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook-sink`);
    });
  });
  return sink;
}
