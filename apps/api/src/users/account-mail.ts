import { randomUUID } from 'node:crypto';
import { type MailTransport, type OutgoingMail, senderDomain } from '@app/notifications';
import { escapeHtml } from '../dashboard/html/html';
import { PASSWORD_LINK_TTL_HOURS, type PasswordLinkPurpose } from './password-links';

export interface AccountMailInput {
  readonly purpose: PasswordLinkPurpose;
  readonly to: { readonly name: string; readonly address: string };
  readonly username: string;
  readonly link: string;
  readonly from: string;
}

const SUBJECTS: Record<PasswordLinkPurpose, string> = {
  invitation: 'Su cuenta en Cocreación desde lo Local',
  reset: 'Restablecer su contraseña de Cocreación desde lo Local',
};

function paragraphs(input: AccountMailInput): string[] {
  const opening =
    input.purpose === 'invitation'
      ? `Se creó para usted la cuenta «${input.username}» en el tablero de Cocreación desde lo Local (Gobierno Abierto, INAI).`
      : `Se pidió restablecer la contraseña de su cuenta «${input.username}» en el tablero de Cocreación desde lo Local.`;
  return [
    `A la atención de ${input.to.name}:`,
    opening,
    `Para definir su contraseña, abra este enlace; sirve una sola vez y vence en ${PASSWORD_LINK_TTL_HOURS} horas:`,
    input.link,
    input.purpose === 'invitation'
      ? 'Si no esperaba esta invitación, ignore este mensaje.'
      : 'Si usted no lo pidió, ignore este mensaje: su contraseña actual sigue vigente.',
  ];
}

/** The invitation and reset e-mails, in Spanish: plain text and the same words in HTML. */
export function accountMail(input: AccountMailInput): OutgoingMail {
  const lines = paragraphs(input);
  const html = lines
    .map((line) => (line === input.link ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n');
  return {
    from: input.from,
    to: input.to,
    subject: SUBJECTS[input.purpose],
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html lang="es"><body>${html}</body></html>`,
    // The sender's domain, like every other e-mail's (MAIL_FROM): a domain no server can reach looks forged to some.
    messageId: `<cuenta-${randomUUID()}@${senderDomain(input.from)}>`,
    attachments: [],
  };
}

export async function sendAccountMail(transport: MailTransport, input: AccountMailInput): Promise<void> {
  await transport.send(accountMail(input));
}
