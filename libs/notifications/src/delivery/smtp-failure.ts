/** Why a message was not sent, and whether trying again can ever help. */
export interface DeliveryFailure {
  /** True when the server refused the recipient for good (5xx on RCPT TO): the row becomes undeliverable. */
  readonly permanent: boolean;
  /** Spanish, for `GET /api/notifications`. */
  readonly reason: string;
}

interface SmtpErrorFields {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
  readonly command?: unknown;
  readonly message?: unknown;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
const MAX_REASON = 500;

/**
 * Everything is worth retrying (server down, greylisting 4xx, wrong credentials being fixed, a refused sender
 * address) except a recipient the server rejects permanently: retrying that forever would only hide it.
 */
export function describeSmtpFailure(error: unknown): DeliveryFailure {
  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  const message = String(fields.message ?? error);
  const response = typeof fields.response === 'string' ? fields.response : message;
  const command = typeof fields.command === 'string' ? fields.command : '';
  const permanent = responseCode !== undefined && responseCode >= 500 && /RCPT/i.test(command);
  const reason =
    code !== undefined && CONNECTION_CODES.has(code)
      ? `No se pudo conectar con el servidor SMTP (${code}): ${message}`
      : code === 'EAUTH'
        ? `El servidor SMTP rechazó las credenciales: ${response}`
        : responseCode !== undefined
          ? `El servidor SMTP rechazó el envío (${responseCode}${command ? ` en ${command}` : ''}): ${response}`
          : `No se pudo enviar: ${message}`;
  return { permanent, reason: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason };
}
