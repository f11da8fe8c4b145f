import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../tools/stack';

export interface ReceivedMail {
  /** RCPT TO of the SMTP envelope. */
  readonly envelopeTo: readonly string[];
  readonly parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it accepts, parsed with `mailparser`.
 * It can refuse the next messages with a temporary error, refuse some recipients for good, and go down and come
 * back on the same port, like a mail server in trouble.
 */
export interface SmtpCredentials {
  readonly user: string;
  readonly pass: string;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  private refusals = 0;
  private readonly refusedRecipients = new Set<string>();

  private constructor(
    readonly port: number,
    private readonly credentials?: SmtpCredentials,
  ) {}

  /** With `credentials`, the server requires AUTH (in plain text, on loopback) and refuses any other pair with 535. */
  static async start(credentials?: SmtpCredentials): Promise<SmtpSink> {
    const sink = new SmtpSink(await freePort(), credentials);
    await sink.resume();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `count` messages are refused after DATA with `451 4.3.0` (try again later). */
  refuseNext(count: number): void {
    this.refusals = count;
  }

  /** RCPT TO for this address answers `550 5.1.1` (no such mailbox). */
  refuseRecipient(address: string): void {
    this.refusedRecipients.add(address.toLowerCase());
  }

  /** Resolves once `count` messages have arrived (mail is delivered beside the workflow, a moment later). */
  async waitForMessages(count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`Esperaba ${count} correos y llegaron ${this.received.length} en ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return [...this.received];
  }

  /** Forgets what was received and every refusal set up. */
  reset(): void {
    this.received.length = 0;
    this.refusals = 0;
    this.refusedRecipients.clear();
  }

  /** Messages whose Message-ID is this one. */
  withMessageId(messageId: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.parsed.messageId === messageId);
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.envelopeTo.includes(address.toLowerCase()));
  }

  async resume(): Promise<void> {
    const { credentials } = this;
    const server = new SMTPServer({
      authOptional: credentials === undefined,
      allowInsecureAuth: true,
      disabledCommands: credentials === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (credentials && auth.username === credentials.user && auth.password === credentials.pass) {
          return callback(null, { user: auth.username });
        }
        callback(Object.assign(new Error('5.7.8 Credenciales inválidas'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (!this.refusedRecipients.has(address.address.toLowerCase())) return callback();
        callback(Object.assign(new Error('5.1.1 No existe ese buzón'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            if (this.refusals > 0) {
              this.refusals -= 1;
              return callback(Object.assign(new Error('4.3.0 Servidor ocupado, intente más tarde'), { responseCode: 451 }));
            }
            const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
            this.received.push({ envelopeTo, parsed });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening: connections are refused until `resume()`. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
