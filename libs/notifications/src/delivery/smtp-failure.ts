/** Why a message was not sent, and whether trying again can ever help. */
export interface DeliveryFailure {
  /** True when trying again cannot help (a 5xx reply, refused credentials): the row becomes undeliverable. */
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
 * A server that cannot be reached, a timeout or a 4xx reply (greylisting, a full queue) is worth retrying later.
 * A 5xx reply (a refused recipient, sender or message) and refused credentials are not: they wait for a person to
 * fix an address or the configuration, and retrying them for ever would only hide that from the coordinación.
 */
export function describeSmtpFailure(error: unknown): DeliveryFailure {
  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  const message = String(fields.message ?? error);
  const response = typeof fields.response === 'string' ? fields.response : message;
  const command = typeof fields.command === 'string' ? fields.command : '';
  const permanent = code === 'EAUTH' || (responseCode !== undefined && responseCode >= 500 && responseCode < 600);
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
