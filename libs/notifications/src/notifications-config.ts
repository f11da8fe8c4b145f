/** What the notifications need from the environment (validated by the worker's configuration). */
export interface NotificationsConfig {
  /** `SMTP_URL`: where e-mails are handed over. */
  readonly smtpUrl: string;
  /** `MAIL_FROM`: the sender. */
  readonly mailFrom: string;
  /** `PUBLIC_BASE_URL`: links in the e-mails point at this server's dashboard. */
  readonly publicBaseUrl: string;
  /** `MAIL_REPLY_TO`: where a recipient's reply goes (a person of the coordinación); none by default. */
  readonly replyTo?: string;
  /** `MAIL_LINK_SECRET`: signs the personal links to answer a convocation (the API verifies them with it). */
  readonly mailLinkSecret: string;
}

export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';
export const DEFAULT_MAIL_FROM = '"Cocreación desde lo Local" <avisos@cocreacion.local>';
export const DEFAULT_PUBLIC_BASE_URL = 'http://127.0.0.1:3000';
