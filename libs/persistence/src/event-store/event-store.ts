import { type AggregateKind } from '@app/contracts';
import { type DeadlinePolicy } from '@app/domain';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { DomainEventRecord } from '../entities/domain-event.entity';
import { EventStreamRecord } from '../entities/event-stream.entity';
import { contentHash, type EventMetadata, type StoredEvent } from './event-content';

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface AppendRequest {
  readonly streamId: string;
  /** Sequence number of the first event; the stream must end at `firstSeq - 1` (or already hold these positions). */
  readonly firstSeq: number;
  readonly events: readonly NewEvent[];
  readonly occurredAt: string;
  /** The command that produced the events, kept with each of them. */
  readonly commandId?: string;
  /** What the stream is and the deadline policy its workflow runs under, kept with the stream for every reader. */
  readonly aggregate: AggregateKind;
  readonly policy: DeadlinePolicy;
}

/**
 * Append means "append, or tell what is already stored at these positions"; the store is the truth.
 * - `appended`: the events are stored now, with their projection.
 * - `already_stored`: the same command stored its events earlier (a retried attempt, perhaps decided again with
 *   another clock): these are the events as stored, which the caller must take instead of its own.
 * - `superseded`: another command's events hold these positions; these are every stored event from `firstSeq` on,
 *   for the caller to fold before deciding again.
 */
export type AppendOutcome =
  | { readonly kind: 'appended' }
  | { readonly kind: 'already_stored'; readonly events: readonly StoredEvent[] }
  | { readonly kind: 'superseded'; readonly events: readonly StoredEvent[] };

/** The stream is not what any writer of it could have left (a missing event): never papered over. */
export class StreamConflictError extends Error {
  constructor(streamId: string, detail: string) {
    super(`Conflicto en el flujo ${streamId}: ${detail}`);
    this.name = 'StreamConflictError';
  }
}

/** PostgreSQL refused the content itself (a character it cannot store, a value too long): retrying cannot help. */
export class EventsNotStorableError extends Error {
  constructor(
    streamId: string,
    readonly sqlState: string,
    detail: string,
  ) {
    super(`Los eventos de ${streamId} no se pueden guardar (${sqlState}): ${detail}`);
    this.name = 'EventsNotStorableError';
  }
}

/** Another writer took the positions between our read and our insert; the next attempt reads what it stored. */
class ConcurrentAppendError extends Error {}

// Data exceptions (class 22) and integrity violations other than the unique key: the same input fails again.
const CONTENT_REFUSED = new Set(['22P02', '22P05', '22021', '22001', '22003', '22007', '22008', '22023', '22026', '23502', '23514']);

type Projection = (manager: EntityManager) => Promise<void>;

export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends the events and runs `project` in the same transaction, unless the positions are taken (see AppendOutcome). */
  async append(request: AppendRequest, project: Projection): Promise<AppendOutcome> {
    if (request.events.length === 0) return { kind: 'appended' };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction((manager) => this.appendIn(manager, request, project));
      } catch (error) {
        if (error instanceof ConcurrentAppendError && attempt < 3) continue;
        throw classified(error, request.streamId);
      }
    }
  }

  async readStream(streamId: string, manager: EntityManager = this.dataSource.manager): Promise<DomainEventRecord[]> {
    return manager.find(DomainEventRecord, { where: { streamId }, order: { seq: 'ASC' } });
  }

  /** Every stream id with its events, in recording order; for rebuilding projections. */
  async *readAllStreams(manager: EntityManager = this.dataSource.manager): AsyncGenerator<DomainEventRecord[]> {
    const rows: { stream_id: string }[] = await manager.query(
      'SELECT stream_id FROM domain_events GROUP BY stream_id ORDER BY min(position)',
    );
    for (const { stream_id } of rows) yield this.readStream(stream_id, manager);
  }

  private async appendIn(manager: EntityManager, request: AppendRequest, project: Projection): Promise<AppendOutcome> {
    const taken = await this.storedFrom(manager, request.streamId, request.firstSeq);
    if (taken.length > 0) return compareWithStored(request, taken);
    await this.assertNoGap(manager, request);
    const inserted = await this.insertIgnoringDuplicates(manager, request);
    if (inserted !== request.events.length) throw new ConcurrentAppendError();
    await this.keepStream(manager, request);
    await project(manager);
    return { kind: 'appended' };
  }

  /** What the stream is and the policy it runs under (a stream's workflow may restart with another). */
  async streamOf(streamId: string, manager: EntityManager = this.dataSource.manager): Promise<EventStreamRecord | null> {
    return manager.findOneBy(EventStreamRecord, { streamId });
  }

  private async keepStream(manager: EntityManager, request: AppendRequest): Promise<void> {
    await manager.query(
      `INSERT INTO event_streams (stream_id, aggregate, policy) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (stream_id) DO UPDATE SET policy = EXCLUDED.policy WHERE event_streams.policy IS DISTINCT FROM EXCLUDED.policy`,
      [request.streamId, request.aggregate, JSON.stringify(request.policy)],
    );
  }

  private async storedFrom(manager: EntityManager, streamId: string, firstSeq: number): Promise<StoredEvent[]> {
    const rows: StoredEvent[] = await manager.query(
      'SELECT seq, type, data, metadata FROM domain_events WHERE stream_id = $1 AND seq >= $2 ORDER BY seq',
      [streamId, firstSeq],
    );
    return rows;
  }

  private async insertIgnoringDuplicates(manager: EntityManager, request: AppendRequest): Promise<number> {
    const metadata: EventMetadata = request.commandId === undefined ? {} : { commandId: request.commandId };
    const values: unknown[] = [];
    const tuples = request.events.map((event, index) => {
      const at = values.length;
      values.push(
        request.streamId,
        request.firstSeq + index,
        event.type,
        JSON.stringify(event.data),
        request.occurredAt,
        JSON.stringify(metadata),
        contentHash({ type: event.type, data: event.data, metadata }),
      );
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5}, $${at + 6}::jsonb, $${at + 7})`;
    });
    const inserted: unknown[] = await manager.query(
      `INSERT INTO domain_events (stream_id, seq, type, data, occurred_at, metadata, content_hash) VALUES ${tuples.join(', ')}
       ON CONFLICT ON CONSTRAINT domain_events_stream_seq DO NOTHING RETURNING seq`,
      values,
    );
    return inserted.length;
  }

  private async assertNoGap(manager: EntityManager, request: AppendRequest): Promise<void> {
    if (request.firstSeq === 1) return;
    const previous: unknown[] = await manager.query(
      'SELECT 1 FROM domain_events WHERE stream_id = $1 AND seq = $2',
      [request.streamId, request.firstSeq - 1],
    );
    if (previous.length === 0) throw new StreamConflictError(request.streamId, `falta el evento ${request.firstSeq - 1}`);
  }
}

/**
 * The leading stored events that the same command produced are its earlier attempt; anything else is another
 * command's doing. Events stored before command ids were kept are recognised, as they were then, by their types.
 */
function compareWithStored(request: AppendRequest, stored: readonly StoredEvent[]): AppendOutcome {
  const { commandId } = request;
  const ownEvents =
    commandId === undefined || stored[0].metadata.commandId === undefined
      ? legacyAttempt(request, stored)
      : stored.slice(0, leadingCount(stored, (event) => event.metadata.commandId === commandId));
  return ownEvents.length > 0 ? { kind: 'already_stored', events: ownEvents } : { kind: 'superseded', events: stored };
}

function legacyAttempt(request: AppendRequest, stored: readonly StoredEvent[]): readonly StoredEvent[] {
  const attempt = stored.slice(0, request.events.length);
  const sameTypes = attempt.length === request.events.length && attempt.every((event, index) => event.type === request.events[index].type);
  return sameTypes ? attempt : [];
}

function leadingCount<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  const index = items.findIndex((item) => !predicate(item));
  return index === -1 ? items.length : index;
}

function classified(error: unknown, streamId: string): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const sqlState = (error.driverError as { code?: unknown } | undefined)?.code;
  if (typeof sqlState === 'string' && CONTENT_REFUSED.has(sqlState)) {
    return new EventsNotStorableError(streamId, sqlState, error.message);
  }
  return error;
}
