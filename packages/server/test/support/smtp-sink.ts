import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly envelope: { from: string; to: string[] };
  readonly raw: string;
  readonly parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback (smtp-server) that stores what arrives and parses it with
 * mailparser. Recipients in `reject` get 550; `auth` makes AUTH mandatory.
 */
export async function startSmtpSink(
  opts: { reject?: readonly string[]; auth?: { user: string; pass: string }; tempFail?: readonly string[] } = {},
): Promise<{
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: opts.auth === undefined,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
        return cb(null, { user: auth.username });
      return cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (opts.reject?.includes(address.address))
        return cb(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      if (opts.tempFail?.includes(address.address))
        return cb(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            mails.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw,
              parsed,
            });
            cb();
          })
          .catch((e: unknown) => cb(e instanceof Error ? e : new Error(String(e))));
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
