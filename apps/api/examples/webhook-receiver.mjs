// A webhook receiver for Scorecard (docs/INTEGRATIONS.md). Run it with the endpoint's secret:
//   SCORECARD_WEBHOOK_SECRET=whsec_… node webhook-receiver.mjs      (needs: npm i standardwebhooks)
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const wh = new Webhook(process.env.SCORECARD_WEBHOOK_SECRET); // whsec_…
const port = Number(process.env.PORT ?? 4000);
const seen = new Set(); // ids of events already handled: keep them in your database in real life

const server = createServer((req, res) => {
  if (req.method !== 'POST') return res.writeHead(405).end();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8'); // verify the raw body, before parsing it
    let event;
    try {
      event = wh.verify(body, req.headers); // checks the signature and that the timestamp is recent
    } catch {
      return res.writeHead(401).end('bad signature');
    }
    const id = req.headers['webhook-id']; // the same on every retry of one event
    if (!seen.has(id)) {
      seen.add(id);
      console.log(event.type, JSON.stringify(event.data)); // answer fast; slow work goes on a queue
    }
    res.writeHead(204).end();
  });
});
server.listen(port, () => console.log(`listening on http://localhost:${server.address().port}`));
