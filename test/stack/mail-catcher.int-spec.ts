import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { messageIdFor, SmtpMailTransport } from '@app/notifications';
import { createTransport } from 'nodemailer';
import { freePort, startMailCatcher } from '../../tools/stack';
import { mailboxViolations, type ReceivedMail } from '../chaos/mailbox-check';

jest.setTimeout(120_000);

/**
 * MailDev as `npm start` and the tests start it. A port chosen free can be taken before MailDev binds it (two starts
 * at once on one machine): the start once went on with another person's inbox answering its health check, and its
 * e-mails went there.
 */
describe('the local inbox (MailDev)', () => {
  let dir: string;
  let impostor: Server | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-maildev-'));
  });

  afterEach(async () => {
    await new Promise((resolve) => (impostor ? impostor.close(resolve) : resolve(undefined)));
    impostor = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('is ready once it holds both of its ports and answers', async () => {
    const inbox = await startMailCatcher({ mailDir: dir });

    expect((await fetch(`${inbox.webUrl}/api/healthz`)).ok).toBe(true);
    await inbox.stop();
  });

  it('refuses a web port another process holds, naming it, even when that process answers the health check', async () => {
    const webPort = await freePort();
    impostor = createServer((_request, response) => response.end('true'));
    await new Promise<void>((resolve) => impostor!.listen(webPort, '127.0.0.1', resolve));

    await expect(startMailCatcher({ mailDir: dir, webPort })).rejects.toThrow(
      `MailDev: el puerto ${webPort} ya lo ocupa otro proceso (pid ${process.pid}:`,
    );
  });

  it('restores on a restart a transmission cut mid-message, which the chaos checker counts apart and not as an e-mail (chaos seed 2)', async () => {
    const smtpPort = await freePort();
    const webPort = await freePort();
    const first = await startMailCatcher({ mailDir: dir, smtpPort, webPort });
    const transport = new SmtpMailTransport(`smtp://127.0.0.1:${smtpPort}`);
    await transport.send(mail('fila-enviada'));
    transport.close();
    // The worker killed while it sends the next row: the server has the message only up to its Message-ID.
    const raw = ((await createTransport({ streamTransport: true, buffer: true }).sendMail({ ...mail('fila-cortada') })).message as Buffer).toString();
    await cutTransmission(smtpPort, raw.slice(0, raw.indexOf('Message-ID:')));
    await first.stop();
    const second = await startMailCatcher({ mailDir: dir, smtpPort, webPort });

    const mails = (await (await fetch(`${second.webUrl}/api/email`)).json()) as ReceivedMail[];
    const sent = [{ id: 'fila-enviada', stream_id: 'stl/31', seq: 4, recipient_email: 'garante@ejemplo.org.mx' }];
    expect(mailboxViolations(mails, sent, [])).toEqual({ received: 2, distinct: 1, cut: 1, violations: [] });
    await second.stop();
  });

  it("keeps each attempt's instant, by which the chaos checker tells a resend a fault caused from one the outbox made on its own", async () => {
    const inbox = await startMailCatcher({ mailDir: dir });
    const transport = new SmtpMailTransport(inbox.smtpUrl);
    try {
      const sentAt = Date.now();
      await transport.send(mail('fila-reenviada'));
      await transport.send(mail('fila-reenviada'));

      const mails = (await (await fetch(`${inbox.webUrl}/api/email`)).json()) as ReceivedMail[];
      const sent = [{ id: 'fila-reenviada', stream_id: 'stl/31', seq: 5, recipient_email: 'garante@ejemplo.org.mx' }];
      const workerKilledAsItSent = { fromMs: sentAt, toMs: Date.now() };
      expect(mailboxViolations(mails, sent, [workerKilledAsItSent])).toEqual({ received: 2, distinct: 1, cut: 0, violations: [] });
      expect(mailboxViolations(mails, sent, []).violations).toEqual([expect.objectContaining({ invariant: 'c', streamId: 'stl/31', seq: 5 })]);
    } finally {
      transport.close();
      await inbox.stop();
    }
  });
});

const mail = (rowId: string) => ({
  from: 'cocreacion@inai.org.mx',
  to: { name: 'Garante', address: 'garante@ejemplo.org.mx' },
  subject: 'Recordatorio: sesión del STL',
  text: 'Convocatoria',
  html: '<p>Convocatoria</p>',
  messageId: messageIdFor(rowId, 'instalacion', 'inai.org.mx'),
  attachments: [],
});

/** An SMTP client that dies in the middle of DATA, after `partial` and before the end of the message. */
async function cutTransmission(port: number, partial: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  const replies: string[] = [];
  socket.on('data', (chunk) => replies.push(chunk.toString()));
  const reply = async (code: string) => {
    for (let waited = 0; !replies.join('').includes(`\n${code} `) && !replies.join('').startsWith(`${code} `); waited += 20) {
      if (waited > 10_000) throw new Error(`no ${code} from MailDev: ${replies.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    replies.length = 0;
  };
  await reply('220');
  for (const [command, code] of [['EHLO worker', '250'], ['MAIL FROM:<cocreacion@inai.org.mx>', '250'], ['RCPT TO:<garante@ejemplo.org.mx>', '250'], ['DATA', '354']]) {
    socket.write(`${command}\r\n`);
    await reply(code);
  }
  socket.write(partial);
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.destroy();
}
