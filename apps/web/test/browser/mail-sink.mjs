// A local SMTP server for the browser tests, run as a child process by global-setup.mjs: it accepts
// every message (no TLS, no authentication), parses it with mailparser, and appends it to the file
// named by MAIL_SINK_FILE as one JSON line: { to, from, subject, text, html, receivedAt }. When it
// listens it writes its port to MAIL_SINK_PORT_FILE, so the product can be given SMTP_URL.
import { appendFileSync, writeFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const file = process.env.MAIL_SINK_FILE;
const portFile = process.env.MAIL_SINK_PORT_FILE;
if (!file || !portFile) {
  process.stderr.write('mail-sink: MAIL_SINK_FILE and MAIL_SINK_PORT_FILE must be set\n');
  process.exit(2);
}
writeFileSync(file, '');

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    simpleParser(stream)
      .then((mail) => {
        const line = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          receivedAt: new Date().toISOString(),
        };
        appendFileSync(file, `${JSON.stringify(line)}\n`);
        done();
      })
      .catch((error) => done(error));
  },
});
server.on('error', (error) => process.stderr.write(`mail-sink: ${error.message}\n`));
server.listen(0, '127.0.0.1', () => writeFileSync(portFile, String(server.server.address().port)));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
