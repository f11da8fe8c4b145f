import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { IDEMPOTENCY_KEY_RETENTION_DAYS, keyInUse, keyReused, updateIdFor } from './idempotency-key';

export interface KeyedRequest {
  readonly account: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly method: string;
  readonly path: string;
}

/** The request may run: under this Update id, holding the key until it answers or its lease ends. */
export interface Lease {
  readonly kind: 'run';
  readonly account: string;
  readonly key: string;
  readonly updateId: string;
  readonly token: string;
  /** No earlier attempt holds anything under the key: a refusal by validation may leave no trace. */
  readonly fresh: boolean;
  /** What earlier attempts chose before sending their Update (see command-scope.ts). */
  readonly choices: Record<string, unknown>;
}

/** The request was answered before: the same status and the same bytes. */
export interface KeptAnswer {
  readonly kind: 'replay';
  readonly status: number;
  readonly body: string | null;
}

interface KeyRow {
  readonly fingerprint: string;
  readonly update_id: string;
  readonly choices: Record<string, unknown>;
  readonly status: 'in_progress' | 'completed';
  readonly leased: boolean;
  readonly expired: boolean;
  readonly response_status: number | null;
  readonly response_body: string | null;
}

/** Other requests under the key coming and going faster than we can look: they are using it. */
const CLAIM_ATTEMPTS = 3;

/**
 * A request makes at most two workflow calls (POST /api/exercises registers the STL, then starts the exercise), each
 * bounded by COMMAND_TIMEOUT_MS; the margin covers the database reads around them.
 */
export function leaseMsFor(commandTimeoutMs: number): number {
  return 2 * commandTimeoutMs + 5_000;
}

/**
 * The `idempotency_keys` table. Every decision is taken in one transaction with the row locked, and every time is
 * PostgreSQL's, so several API processes agree on who holds a key and until when.
 */
@Injectable()
export class IdempotencyKeys {
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) config: Pick<ApiConfig, 'commandTimeoutMs'>,
  ) {
    this.leaseMs = leaseMsFor(config.commandTimeoutMs);
  }

  /** Takes the key for `request`, or answers why not: the kept answer, 422 (another request), 409 (still running). */
  async claim(request: KeyedRequest): Promise<Lease | KeptAnswer> {
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
      const outcome = await this.dataSource.transaction((manager) => this.claimWithin(manager.queryRunner!, request));
      // The row vanished between our insert and our lock (a refused first attempt let it go): look again.
      if (outcome) return outcome;
    }
    throw keyInUse();
  }

  /** Keeps the answer; a holder whose lease was taken over keeps nothing (the new holder answers the same). */
  async complete(lease: Lease, status: number, body: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET status = 'completed', response_status = $4, response_body = $5, completed_at = now(),
              lease_token = NULL, locked_until = NULL
        WHERE account = $1 AND key = $2 AND lease_token = $3`,
      [lease.account, lease.key, lease.token, status, body],
    );
  }

  /**
   * Kept before the Update that carries them is sent, so a retry sends the same arguments. A holder whose lease was
   * taken over stops here (409): the new holder may have chosen otherwise under the same Update id.
   */
  async keepChoices(lease: Lease, choices: Record<string, unknown>): Promise<void> {
    const [, updated] = await this.dataSource.query<[unknown, number]>(
      'UPDATE idempotency_keys SET choices = $4 WHERE account = $1 AND key = $2 AND lease_token = $3',
      [lease.account, lease.key, lease.token, JSON.stringify(choices)],
    );
    if (updated === 0) throw keyInUse();
  }

  /** No answer worth keeping (a 5xx): the key stays bound to its request, and the next attempt may run at once. */
  async release(lease: Lease): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET lease_token = NULL, locked_until = NULL
        WHERE account = $1 AND key = $2 AND lease_token = $3`,
      [lease.account, lease.key, lease.token],
    );
  }

  /** Refused before any workflow heard of it (400): a fresh key is forgotten, so a corrected request may use it. */
  async forget(lease: Lease): Promise<void> {
    if (!lease.fresh) return this.release(lease);
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE account = $1 AND key = $2 AND lease_token = $3', [
      lease.account,
      lease.key,
      lease.token,
    ]);
  }

  /** Deletes the keys past their retention that nobody holds; answers how many. */
  async purgeExpired(): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE expires_at <= now() AND (locked_until IS NULL OR locked_until <= now())`,
    );
    return deleted;
  }

  private async claimWithin(runner: QueryRunner, request: KeyedRequest): Promise<Lease | KeptAnswer | undefined> {
    const token = randomUUID();
    const updateId = updateIdFor(request.account, request.key, new Date());
    const inserted = (await runner.query(
      `INSERT INTO idempotency_keys
              (account, key, fingerprint, method, path, update_id, status, lease_token, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'in_progress', $7,
               now() + $8 * interval '1 millisecond', now() + $9 * interval '1 day')
       ON CONFLICT (account, key) DO NOTHING
       RETURNING update_id`,
      [request.account, request.key, request.fingerprint, request.method, request.path, updateId, token, this.leaseMs, IDEMPOTENCY_KEY_RETENTION_DAYS],
    )) as unknown[];
    if (inserted.length === 1) return this.lease(request, token, updateId);
    const [row] = (await runner.query(
      `SELECT fingerprint, update_id, choices, status, response_status, response_body,
              coalesce(locked_until > now(), false) AS leased, expires_at <= now() AS expired
         FROM idempotency_keys WHERE account = $1 AND key = $2 FOR UPDATE`,
      [request.account, request.key],
    )) as KeyRow[];
    if (!row) return undefined;
    if (row.expired) {
      await runner.query('DELETE FROM idempotency_keys WHERE account = $1 AND key = $2', [request.account, request.key]);
      return this.claimWithin(runner, request);
    }
    if (row.fingerprint !== request.fingerprint) throw keyReused();
    if (row.status === 'completed') return { kind: 'replay', status: row.response_status!, body: row.response_body };
    if (row.leased) throw keyInUse();
    await runner.query(
      `UPDATE idempotency_keys SET lease_token = $3, locked_until = now() + $4 * interval '1 millisecond'
        WHERE account = $1 AND key = $2`,
      [request.account, request.key, token, this.leaseMs],
    );
    return this.lease(request, token, row.update_id, row);
  }

  /** The key held by `token`: a new row, or the row an `earlier` attempt left. */
  private lease(request: KeyedRequest, token: string, updateId: string, earlier?: KeyRow): Lease {
    const { account, key } = request;
    return { kind: 'run', account, key, updateId, token, fresh: earlier === undefined, choices: { ...earlier?.choices } };
  }
}
