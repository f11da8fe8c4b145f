import { type Entidad, type LocalDate } from '@app/domain';
import { type Addressee } from '../plan/notification-kind';
import { type NotificationContent } from '../plan/notification-content';
import { addresseeLabel } from '../recipients/recipients';
import { type MessageParts } from './message-parts';
import { messageParts } from './notification-templates';
import { spanishLongDate as longDateInWords } from '@app/domain';

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface RenderOptions {
  /** Where the dashboard is served, e.g. `http://127.0.0.1:3000`. */
  readonly publicBaseUrl: string;
}

/** The day the e-mail is written (Mexico City): a deadline before it is said to be past. */
export interface RenderContext extends RenderOptions {
  readonly today?: LocalDate;
  /** The recipient's own link to confirm or decline a session (convocations and their reminders). */
  readonly answerUrl?: string;
}

const SENDER = 'Mensaje automático del sistema de seguimiento de Gobierno Abierto: Cocreación desde lo Local (INAI).';
const SIGNATURE = `${SENDER} No responda a este correo.`;
// Where the link is the way to answer, a reply is not asked for, and nothing says not to write back.
const SIGNATURE_WITH_ANSWER_LINK = `${SENDER} Su respuesta a la convocatoria se registra con su enlace personal.`;
const ANSWER_LINK_LABEL = 'Confirmar o declinar mi asistencia';

/** The state's page on the dashboard. */
export function dashboardUrl(publicBaseUrl: string, entidad: Entidad): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/tablero/entidades/${entidad}`;
}

/** One e-mail to one person, as plain text and as HTML with the same words. */
export function renderNotification(
  content: NotificationContent,
  recipient: { readonly nombre: string; readonly addressee: Addressee; readonly suplente?: boolean },
  options: RenderContext,
): RenderedMessage {
  const parts = messageParts(content, recipient.addressee, recipient.suplente === true);
  const link = dashboardUrl(options.publicBaseUrl, content.entidad);
  const why = `Recibe este aviso como ${addresseeLabel(recipient.addressee, content.entidad)}.`;
  const frame: Frame = { nombre: recipient.nombre, link, why, today: options.today, answerUrl: options.answerUrl };
  return { subject: parts.subject, text: asText(parts, frame), html: asHtml(parts, frame) };
}

/** What surrounds the words of the kind: who it is for, the board, the personal link, the signature. */
interface Frame {
  readonly nombre: string;
  readonly link: string;
  readonly why: string;
  readonly today?: LocalDate;
  readonly answerUrl?: string;
}

function signatureOf(frame: Frame): string {
  return `${frame.why} ${frame.answerUrl === undefined ? SIGNATURE : SIGNATURE_WITH_ANSWER_LINK}`;
}

/** A deadline already past when the e-mail is written (a worker that was down, a late report) says so. */
function deadlineLine(parts: MessageParts, today: LocalDate | undefined): string | undefined {
  if (parts.deadline === null) return undefined;
  const past = today !== undefined && parts.deadline < today ? ' (ya vencida)' : '';
  return `Fecha límite: ${longDateInWords(parts.deadline)}${past}`;
}

function asText(parts: MessageParts, frame: Frame): string {
  const list = parts.list ? [`${parts.list.title}:\n${parts.list.items.map((item, i) => `  ${i + 1}. ${item}`).join('\n')}`] : [];
  const deadline = deadlineLine(parts, frame.today);
  return [
    `Estimado(a) ${frame.nombre}:`,
    ...parts.paragraphs,
    ...list,
    [`Qué hacer: ${parts.action}`, ...(deadline ? [deadline] : [])].join('\n'),
    ...(frame.answerUrl === undefined ? [] : [`${ANSWER_LINK_LABEL}: ${frame.answerUrl}`]),
    `Consulte la entidad en el tablero: ${frame.link}`,
    `--\n${signatureOf(frame)}`,
  ].join('\n\n') + '\n';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A meeting link in a paragraph is something to click, not to copy (escaped text in, the same text with anchors out). */
function withLinks(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+[^\s<.,;:]/g, (url) => `<a href="${url}">${url}</a>`);
}

function asHtml(parts: MessageParts, frame: Frame): string {
  const { nombre, link, today, answerUrl } = frame;
  const p = (text: string) => `<p>${withLinks(escapeHtml(text))}</p>`;
  const list = parts.list
    ? `<p><strong>${escapeHtml(parts.list.title)}:</strong></p><ol>${parts.list.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`
    : '';
  const deadline = deadlineLine(parts, today);
  return [
    '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>',
    escapeHtml(parts.subject),
    '</title></head><body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">',
    p(`Estimado(a) ${nombre}:`),
    ...parts.paragraphs.map(p),
    list,
    `<p><strong>Qué hacer:</strong> ${escapeHtml(parts.action)}</p>`,
    deadline ? `<p><strong>${escapeHtml(deadline)}</strong></p>` : '',
    answerUrl === undefined ? '' : `<p><a href="${escapeHtml(answerUrl)}"><strong>${ANSWER_LINK_LABEL}</strong></a></p>`,
    `<p><a href="${escapeHtml(link)}">Consulte la entidad en el tablero</a></p>`,
    `<hr><p style="color: #555; font-size: smaller">${escapeHtml(signatureOf(frame))}</p>`,
    '</body></html>',
  ].join('');
}
