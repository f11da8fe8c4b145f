import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { type ApiProblem } from '../errors/api-problem';
import { IdempotencyKeys, type KeptAnswer, type KeyedRequest, type Lease } from './idempotency-keys';

const convocation: KeyedRequest = {
  account: 'garante-25',
  key: 'convocatoria-enero',
  fingerprint: 'a'.repeat(64),
  method: 'POST',
  path: '/api/stls/25/sessions',
};
const SESSION = '{"id":"2027-01-20-1","status":"convocada"}';

function problemOf(error: unknown): { status: number; code: string } {
  const problem = error as ApiProblem;
  return { status: problem.getStatus(), code: problem.body.code };
}

async function refusal(attempt: Promise<unknown>): Promise<{ status: number; code: string }> {
  const granted = Symbol('granted');
  const error = await attempt.then(() => granted, (reason: unknown) => reason);
  if (error === granted) throw new Error('the claim was granted');
  return problemOf(error);
}

describe('idempotency_keys (real PostgreSQL)', () => {
  let database: TestDatabase;
  let keys: IdempotencyKeys;
  let keyNumber = 0;
  /** A request under a key no other test uses. */
  const fresh = (): KeyedRequest => ({ ...convocation, key: `${convocation.key}-${(keyNumber += 1)}` });
  const run = async (request: KeyedRequest): Promise<Lease> => {
    const claim = await keys.claim(request);
    if (claim.kind !== 'run') throw new Error(`expected to run, got a replay of ${claim.status}`);
    return claim;
  };
  const sql = (text: string, request: KeyedRequest) => database.dataSource.query(text, [request.account, request.key]);

  beforeAll(async () => {
    database = await createTestDatabase();
    keys = new IdempotencyKeys(database.dataSource, { commandTimeoutMs: 15_000 });
  });

  afterAll(() => database?.drop());

  it('lets one of five simultaneous requests under a key run; the others are told it is in use (409)', async () => {
    const request = fresh();

    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map(() => keys.claim(request)));

    const granted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ value: { kind: 'run', fresh: true, updateId: expect.stringMatching(/^garante-25:convocatoria-enero-\d+@/) } });
    for (const outcome of outcomes.filter((each) => each.status === 'rejected')) {
      expect(problemOf(outcome.reason)).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' });
    }
  });

  it('replays a kept answer to the same request, and refuses another request under the key (422)', async () => {
    const request = fresh();
    await keys.complete(await run(request), 201, SESSION);

    const replay = (await keys.claim(request)) as KeptAnswer;

    expect(replay).toEqual({ kind: 'replay', status: 201, body: SESSION });
    expect(await refusal(keys.claim({ ...request, fingerprint: 'b'.repeat(64) }))).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('forgets a fresh key refused by validation, so a corrected request may take it', async () => {
    const request = fresh();
    await keys.forget(await run(request));

    const corrected = await run({ ...request, fingerprint: 'c'.repeat(64) });

    expect(corrected.fresh).toBe(true);
  });

  it('after a 5xx keeps the key bound to its request, with its Update id and choices, free for the retry', async () => {
    const request = fresh();
    const first = await run(request);
    await keys.keepChoices(first, { sessionId: '2027-01-20-1' });
    await keys.release(first);

    const retry = await run(request);

    expect(retry).toMatchObject({ fresh: false, updateId: first.updateId, choices: { sessionId: '2027-01-20-1' } });
    expect(await refusal(keys.claim({ ...request, fingerprint: 'd'.repeat(64) }))).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('gives the key to a retry once the lease of a request that died has ended; the dead holder can no longer answer', async () => {
    const request = fresh();
    const dead = await run(request);
    await sql(`UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE account = $1 AND key = $2`, request);

    const retry = await run(request);
    const lateChoice = await refusal(keys.keepChoices(dead, { sessionId: '2027-01-20-9' }));
    await keys.complete(dead, 500, '{"late":true}');
    await keys.complete(retry, 201, SESSION);

    expect(retry).toMatchObject({ fresh: false, updateId: dead.updateId, choices: {} });
    expect(lateChoice).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' });
    expect(await keys.claim(request)).toEqual({ kind: 'replay', status: 201, body: SESSION });
  });

  it('purges keys past their retention that nobody holds, and treats an expired key as new', async () => {
    const [expired, held, reused] = [fresh(), fresh(), fresh()];
    for (const request of [expired, held, reused]) await keys.complete(await run(request), 201, SESSION);
    const firstOfReused = await sql('SELECT update_id FROM idempotency_keys WHERE account = $1 AND key = $2', reused);
    for (const request of [expired, held, reused]) {
      await sql(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE account = $1 AND key = $2`, request);
    }
    await sql(`UPDATE idempotency_keys SET locked_until = now() + interval '1 minute' WHERE account = $1 AND key = $2`, held);

    const again = await run(reused);
    const purged = await keys.purgeExpired();

    expect(again.fresh).toBe(true);
    expect(again.updateId).not.toBe((firstOfReused as { update_id: string }[])[0].update_id);
    expect(purged).toBe(1);
    expect(await sql('SELECT key FROM idempotency_keys WHERE account = $1 AND key = $2', expired)).toEqual([]);
    expect(await sql('SELECT key FROM idempotency_keys WHERE account = $1 AND key = $2', held)).toHaveLength(1);
  });

  it('refuses at the database a key that is not 1–255 visible ASCII characters', async () => {
    await expect(run({ ...convocation, key: 'con espacio' })).rejects.toThrow(/idempotency_keys_key_check|check constraint/);
  });
});
