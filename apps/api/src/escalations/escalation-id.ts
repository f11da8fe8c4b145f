import { type AggregateKind, type Entidad, parseStreamId } from '@app/domain';

/**
 * Escalation ids are unique within their stream only, so a row is `<stream id>#<escalation id>`
 * (`exercise/14/1#stall:2026-10-01:enlace`, `stl/20#vacante:2026-05-01:escalamiento:1`). In URLs it travels as
 * base64url: opaque, URL-safe, whatever characters the rules put in the escalation id.
 */
export interface EscalationRef {
  readonly rowId: string;
  readonly streamId: string;
  readonly escalationId: string;
  readonly entidad: Entidad;
  readonly source: AggregateKind;
}

const BASE64URL = /^[A-Za-z0-9_-]{1,1000}$/;

export function escalationResourceId(rowId: string): string {
  return Buffer.from(rowId, 'utf8').toString('base64url');
}

/** The stream an escalation belongs to: which workflow to ask, and in which state. */
export function escalationSource(streamId: string): Pick<EscalationRef, 'entidad' | 'source'> | undefined {
  const stream = parseStreamId(streamId);
  return stream && { entidad: stream.entidad, source: stream.aggregate };
}

/** Undefined for anything that is not the encoding of an escalation row id (answered with 404). */
export function parseEscalationResourceId(value: string): EscalationRef | undefined {
  if (!BASE64URL.test(value)) return undefined;
  const rowId = Buffer.from(value, 'base64url').toString('utf8');
  // Only the canonical encoding: one escalation, one URL.
  if (escalationResourceId(rowId) !== value) return undefined;
  const separator = rowId.indexOf('#');
  if (separator < 0) return undefined;
  const streamId = rowId.slice(0, separator);
  const escalationId = rowId.slice(separator + 1);
  const source = escalationSource(streamId);
  return source && escalationId ? { rowId, streamId, escalationId, ...source } : undefined;
}

export function entidadOfEscalationParam(value: string): string | undefined {
  return parseEscalationResourceId(value)?.entidad;
}
