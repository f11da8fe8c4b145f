import { DEFAULT_DEADLINE_POLICY } from '@app/domain';
import { type EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { contentHash } from './event-content';
import { type AppendRequest, EventsNotStorableError, EventStore, StreamConflictError } from './event-store';

const STREAM = { aggregate: 'stl', policy: DEFAULT_DEADLINE_POLICY } as const;

describe('EventStore on PostgreSQL', () => {
  let database: TestDatabase;
  let store: EventStore;
  let projected: string[];
  const recordProjection = (label: string) => async (manager: EntityManager) => {
    await manager.query('SELECT 1');
    projected.push(label);
  };

  const stageEvents = (streamId: string, firstSeq: number, ...types: string[]): AppendRequest => ({
    streamId,
    firstSeq,
    events: types.map((type) => ({ type, data: { type } })),
    occurredAt: '2026-11-10T15:00:00.000Z',
    ...STREAM,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new EventStore(database.dataSource);
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    projected = [];
  });

  it('stores the events in order with their data and runs the projection once', async () => {
    const outcome = await store.append(stageEvents('exercise/14/1', 1, 'ExerciseStarted', 'StageCompleted'), recordProjection('a'));

    expect(outcome).toEqual({ kind: 'appended' });
    expect(projected).toEqual(['a']);
    const stored = await store.readStream('exercise/14/1');
    expect(stored.map((event) => [event.seq, event.type, event.data])).toEqual([
      [1, 'ExerciseStarted', { type: 'ExerciseStarted' }],
      [2, 'StageCompleted', { type: 'StageCompleted' }],
    ]);
    expect(stored[0].occurredAt.toISOString()).toBe('2026-11-10T15:00:00.000Z');
  });

  it('keeps with the stream what it is and the policy its workflow runs under, the latest append\'s', async () => {
    const longer = { ...DEFAULT_DEADLINE_POLICY, stallReminderDays: 10 };
    await store.append({ ...stageEvents('exercise/9/1', 1, 'ExerciseStarted'), aggregate: 'exercise' }, recordProjection('a'));
    expect(await store.streamOf('exercise/9/1')).toEqual({ streamId: 'exercise/9/1', aggregate: 'exercise', policy: DEFAULT_DEADLINE_POLICY });

    await store.append({ ...stageEvents('exercise/9/1', 2, 'StageCompleted'), aggregate: 'exercise', policy: longer }, recordProjection('b'));
    expect(await store.streamOf('exercise/9/1')).toMatchObject({ aggregate: 'exercise', policy: longer });
    expect(await store.streamOf('exercise/9/2')).toBeNull();
  });

  it('a retried append of stored events changes nothing and does not project again', async () => {
    const request = stageEvents('exercise/14/2', 1, 'ExerciseStarted');
    await store.append(request, recordProjection('first'));
    const retry = await store.append(request, recordProjection('retry'));

    expect(retry).toEqual({ kind: 'already_stored', events: [{ seq: 1, type: 'ExerciseStarted', data: { type: 'ExerciseStarted' }, metadata: {} }] });
    expect(projected).toEqual(['first']);
    expect(await store.readStream('exercise/14/2')).toHaveLength(1);
  });

  it('concurrent appends of the same events store them exactly once', async () => {
    const request = stageEvents('exercise/20/1', 1, 'ExerciseStarted', 'StageCompleted');
    const outcomes = await Promise.all([1, 2, 3, 4].map((n) => store.append(request, recordProjection(`attempt ${n}`))));

    expect(outcomes.filter((outcome) => outcome.kind === 'appended')).toHaveLength(1);
    expect(projected).toHaveLength(1);
    expect(await store.readStream('exercise/20/1')).toHaveLength(2);
  });

  it('answers a legacy retry (no command id) with different types as superseded, never as already stored', async () => {
    await store.append(stageEvents('stl/14', 1, 'StlRegistered'), recordProjection('x'));

    const outcome = await store.append(stageEvents('stl/14', 1, 'MemberAdded'), recordProjection('y'));

    expect(outcome).toMatchObject({ kind: 'superseded', events: [{ seq: 1, type: 'StlRegistered' }] });
    expect(projected).toEqual(['x']);
    expect((await store.readStream('stl/14')).map((event) => event.type)).toEqual(['StlRegistered']);
  });

  describe('the store is the truth (issue 13, "a retried append with other content passes as a duplicate")', () => {
    const decided = (streamId: string, firstSeq: number, commandId: string, at: string): AppendRequest => ({
      streamId,
      firstSeq,
      commandId,
      events: [{ type: 'SessionConvened', data: { sessionId: 's1', recordedAt: at } }],
      occurredAt: at,
      ...STREAM,
    });

    it('a retry of the same command decided again with another clock gets the first attempt\'s events back', async () => {
      await store.append(decided('stl/03', 1, 'update-1', '2026-11-10T15:00:00.000Z'), recordProjection('first'));

      const retry = await store.append(decided('stl/03', 1, 'update-1', '2026-11-10T15:00:07.000Z'), recordProjection('retry'));

      expect(retry).toEqual({
        kind: 'already_stored',
        events: [{ seq: 1, type: 'SessionConvened', data: { sessionId: 's1', recordedAt: '2026-11-10T15:00:00.000Z' }, metadata: { commandId: 'update-1' } }],
      });
      expect(projected).toEqual(['first']);
    });

    it('another command\'s events at the same positions come back whole, for the caller to fold and decide again', async () => {
      await store.append(decided('stl/04', 1, 'update-1', '2026-11-10T15:00:00.000Z'), recordProjection('first'));
      await store.append(decided('stl/04', 2, 'update-2', '2026-11-10T15:01:00.000Z'), recordProjection('second'));

      const late = await store.append(decided('stl/04', 1, 'update-3', '2026-11-10T15:02:00.000Z'), recordProjection('late'));

      expect(late).toMatchObject({ kind: 'superseded', events: [{ seq: 1, metadata: { commandId: 'update-1' } }, { seq: 2 }] });
      expect(projected).toEqual(['first', 'second']);
    });

    it('keeps the command id and the content hash with every event', async () => {
      const request = decided('stl/05', 1, 'update-9', '2026-11-10T15:00:00.000Z');
      await store.append(request, recordProjection('a'));

      const [event] = await store.readStream('stl/05');
      expect(event.metadata).toEqual({ commandId: 'update-9' });
      expect(event.contentHash).toBe(contentHash({ type: event.type, data: event.data, metadata: event.metadata }));
    });
  });

  describe('content PostgreSQL refuses (issue 13, "one character wedges a workflow for ever")', () => {
    it.each([
      ['a NUL', 'https://ejemplo.org/acta\u0000.pdf'],
      ['a lone surrogate', 'acta \ud800'],
    ])('%s is refused for good, as not storable, and nothing is stored', async (_label, text) => {
      const request: AppendRequest = { ...stageEvents('exercise/31/1', 1, 'StageCompleted'), events: [{ type: 'StageCompleted', data: { evidence: [text] } }] };

      const failure = await store.append(request, recordProjection('never')).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(EventsNotStorableError);
      expect(projected).toEqual([]);
      expect(await store.readStream('exercise/31/1')).toEqual([]);
    });
  });

  it('refuses a gap in the sequence', async () => {
    await expect(store.append(stageEvents('stl/20', 3, 'MemberAdded'), recordProjection('gap'))).rejects.toBeInstanceOf(
      StreamConflictError,
    );
    expect(await store.readStream('stl/20')).toEqual([]);
  });

  it('stores nothing when the projection fails: events and read model commit together', async () => {
    const failing = () => Promise.reject(new Error('projection broke'));

    await expect(store.append(stageEvents('exercise/29/1', 1, 'ExerciseStarted'), failing)).rejects.toThrow('projection broke');
    expect(await store.readStream('exercise/29/1')).toEqual([]);
  });

  it('the database itself refuses to update or delete stored events', async () => {
    await store.append(stageEvents('exercise/30/1', 1, 'ExerciseStarted'), recordProjection('z'));

    await expect(database.dataSource.query(`UPDATE domain_events SET type = 'X' WHERE stream_id = 'exercise/30/1'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.dataSource.query(`DELETE FROM domain_events WHERE stream_id = 'exercise/30/1'`)).rejects.toThrow(
      /append-only/,
    );
  });
});
