import { createHash } from 'node:crypto';

/** What travels with every event besides its data: which command produced it (an Update id, a deadline, a signal). */
export interface EventMetadata {
  readonly commandId?: string;
}

/** An event as the store keeps it. */
export interface StoredEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * SHA-256 of the event's type, data and metadata in canonical JSON (keys sorted), so that two attempts are compared
 * by content, not by type alone, and so that jsonb's own key order never makes equal content look different.
 */
export function contentHash(event: { readonly type: string; readonly data: unknown; readonly metadata: EventMetadata }): string {
  return createHash('sha256').update(canonicalJson([event.type, event.data, event.metadata])).digest('hex');
}

/** JSON with object keys sorted: equal content gives equal text, whatever order jsonb or a writer left the keys in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
}
