import { type DataSource, type EntityManager } from 'typeorm';
import { DomainEventRecord } from '../entities/domain-event.entity';

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface AppendRequest {
  readonly streamId: string;
  /** Sequence number of the first event; the stream must end at `firstSeq - 1` (or already hold these events). */
  readonly firstSeq: number;
  readonly events: readonly NewEvent[];
  readonly occurredAt: string;
}

export type AppendOutcome = 'appended' | 'already_appended';

/** Different events already stored at the same positions: two writers on one stream, which must never happen. */
export class StreamConflictError extends Error {
  constructor(streamId: string, detail: string) {
    super(`Conflicto en el flujo ${streamId}: ${detail}`);
    this.name = 'StreamConflictError';
  }
}

type Projection = (manager: EntityManager) => Promise<void>;

export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends the events and runs `project` in the same transaction. Idempotent by `(stream_id, seq)`: a retried
   * append of events already stored changes nothing (their projection was committed with them).
   */
  async append(request: AppendRequest, project: Projection): Promise<AppendOutcome> {
    if (request.events.length === 0) return 'appended';
    return this.dataSource.transaction(async (manager) => {
      const inserted = await this.insertIgnoringDuplicates(manager, request);
      if (inserted === 0) {
        await this.assertSameEventsStored(manager, request);
        return 'already_appended';
      }
      if (inserted !== request.events.length) {
        throw new StreamConflictError(request.streamId, 'se guardó solo una parte de los eventos');
      }
      await this.assertNoGap(manager, request);
      await project(manager);
      return 'appended';
    });
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

  private async insertIgnoringDuplicates(manager: EntityManager, request: AppendRequest): Promise<number> {
    const values: unknown[] = [];
    const tuples = request.events.map((event, index) => {
      const at = values.length;
      values.push(request.streamId, request.firstSeq + index, event.type, JSON.stringify(event.data), request.occurredAt);
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5})`;
    });
    const inserted: unknown[] = await manager.query(
      `INSERT INTO domain_events (stream_id, seq, type, data, occurred_at) VALUES ${tuples.join(', ')}
       ON CONFLICT ON CONSTRAINT domain_events_stream_seq DO NOTHING RETURNING seq`,
      values,
    );
    return inserted.length;
  }

  private async assertSameEventsStored(manager: EntityManager, request: AppendRequest): Promise<void> {
    const lastSeq = request.firstSeq + request.events.length - 1;
    const stored: { seq: number; type: string }[] = await manager.query(
      'SELECT seq, type FROM domain_events WHERE stream_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
      [request.streamId, request.firstSeq, lastSeq],
    );
    const same =
      stored.length === request.events.length &&
      stored.every((row, index) => row.type === request.events[index].type);
    if (!same) throw new StreamConflictError(request.streamId, `otros eventos ocupan las posiciones ${request.firstSeq}–${lastSeq}`);
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
