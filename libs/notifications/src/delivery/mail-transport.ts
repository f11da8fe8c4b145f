import { type NotificationAttachment } from '@app/persistence';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  readonly from: string;
  /** Where replies go, when the installation names someone. */
  readonly replyTo?: string;
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<…@…>`, from the idempotency key: receivers can tell a duplicate from a new message. */
  readonly messageId: string;
  readonly attachments: readonly NotificationAttachment[];
}

/** Hands a message to a mail server; resolves once the server has accepted it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpTimeouts {
  readonly connectionMs: number;
  readonly greetingMs: number;
  readonly socketMs: number;
}

// RFC 3834: mail sent by a program, so auto-responders (out of office, vacation) do not answer it; Exchange and
// Outlook read the second header instead.
const AUTOMATIC_MAIL_HEADERS = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

/** SMTP through nodemailer (`SMTP_URL`, e.g. `smtp://user:pass@host:587`, `smtps://host:465`). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string, timeouts: SmtpTimeouts = DEFAULT_TIMEOUTS) {
    this.transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      // Messages are built from stored rows only: never read a file or a URL named in one.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: mail.from,
      ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
      headers: AUTOMATIC_MAIL_HEADERS,
      to: { name: mail.to.name, address: mail.to.address },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      attachments: mail.attachments.map((attachment) => ({ ...attachment })),
    });
  }

  close(): void {
    this.transporter.close();
  }
}
