import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Entidad, isEntidad } from '@app/domain';

/** Who a personal answer link speaks for: one convened person, for one session of one state's STL. */
export interface AnswerLinkSubject {
  readonly entidad: Entidad;
  readonly sessionId: string;
  readonly memberId: string;
}

/** Only for development and tests (`APP_MODE=development`): production refuses to start with it. */
export const DEVELOPMENT_MAIL_LINK_SECRET = 'desarrollo-inseguro-enlaces-de-correo-no-usar';
const MIN_PRODUCTION_SECRET_LENGTH = 32;
const VERSION = 1;
// Tells these signatures apart from any other use of the same key.
const PURPOSE = 'respuesta-a-convocatoria';
const MAX_TOKEN_LENGTH = 1024;

const signatureOf = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`${PURPOSE}.${payload}`, 'utf8').digest();

/**
 * `<payload>.<signature>`, both base64url: the payload names the state, the session and the person; the signature
 * (HMAC-SHA256 under `MAIL_LINK_SECRET`) makes the link theirs alone without storing anything. The link carries no
 * date of its own: the STL refuses answers once the session is held, cancelled or past.
 */
export function signAnswerToken(subject: AnswerLinkSubject, secret: string): string {
  const payload = Buffer.from(JSON.stringify([VERSION, subject.entidad, subject.sessionId, subject.memberId]), 'utf8').toString('base64url');
  return `${payload}.${signatureOf(payload, secret).toString('base64url')}`;
}

/** The subject of a genuine token; undefined for anything altered, truncated, forged or signed under another key. */
export function verifyAnswerToken(token: string, secret: string): AnswerLinkSubject | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = signatureOf(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return subjectOf(payload);
}

function subjectOf(payload: string): AnswerLinkSubject | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== VERSION) return undefined;
  const [, entidad, sessionId, memberId] = parsed as unknown[];
  if (!isEntidad(entidad) || typeof sessionId !== 'string' || typeof memberId !== 'string') return undefined;
  return { entidad, sessionId, memberId };
}

/** The public page where the person answers, without signing in. */
export function answerLinkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/tablero/convocatoria/${token}`;
}

/**
 * `MAIL_LINK_SECRET`, read the way the API reads `JWT_SECRET`: only a development run (`APP_MODE=development`,
 * which npm start and the tests set) may go without one; production needs 32 characters or more.
 */
export function mailLinkSecret(env: NodeJS.ProcessEnv, production: boolean, problems: string[]): string {
  const secret = env.MAIL_LINK_SECRET ?? '';
  if (!production) return secret || DEVELOPMENT_MAIL_LINK_SECRET;
  const outside = 'outside development (APP_MODE=development, which only npm start and the tests set)';
  if (!secret) problems.push(`MAIL_LINK_SECRET is required ${outside}: a random string of 32 or more characters`);
  else if (secret === DEVELOPMENT_MAIL_LINK_SECRET) problems.push(`MAIL_LINK_SECRET must not be the development default ${outside}`);
  else if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    problems.push(`MAIL_LINK_SECRET must have at least ${MIN_PRODUCTION_SECRET_LENGTH} characters ${outside}`);
  }
  return secret;
}
