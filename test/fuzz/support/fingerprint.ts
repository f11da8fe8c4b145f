import { Client } from 'pg';

/**
 * What a rejected request must not change, and what changes anyway (the choice the fuzz rests on).
 *
 * The system is never idle: the seeded STLs and exercises have durable timers that fall due whenever they fall due,
 * this run included, and an accepted fuzzed command may set one that is already past (a date long ago) and fires a
 * moment later. So the fingerprint leaves out the event types that a workflow appends on its own, never in answer to
 * the request being made:
 *
 * - a timer fired: ReminderDue, EscalationRaised, MonitoringDue, EvaluationDue;
 * - one workflow told by the other, by a signal sent after an earlier accepted command: StlStatusRecorded on the
 *   exercise after its STL moved; StlInstalled (with its CompositionWarningsChanged) and CivilSocietyRenewalStarted on
 *   the STL after the exercise completed stage 10 or its evaluation fell due.
 *
 * And after each accepted command the runner waits for the log to go quiet (`settle`), so that whatever the workflows
 * decide in its wake (an automatic step, a resolved escalation) is stored before the next request is measured.
 *
 * Why types rather than one stream or one quiet state: a fuzzed request may name any state (in its path, query or
 * body), so a fingerprint of one stream would miss a refused request that wrote elsewhere; and no state stays free of
 * timers once accepted commands reach it. Every other event exists only because a command was accepted, and a
 * command refused with a 4xx must leave none.
 */
export const BACKGROUND_EVENT_TYPES = [
  'ReminderDue',
  'EscalationRaised',
  'MonitoringDue',
  'EvaluationDue',
  'StlStatusRecorded',
  'StlInstalled',
  'CompositionWarningsChanged',
  'CivilSocietyRenewalStarted',
] as const;

/**
 * A cheap fingerprint of what a request may change: the events a command leaves (count and last position, outside
 * the background types), the rows of the projections that only commands add, and the accounts.
 */
const FINGERPRINT = `
  SELECT
    (SELECT count(*) FROM domain_events WHERE type <> ALL($1::text[]))::int AS events,
    (SELECT coalesce(max(position), 0) FROM domain_events WHERE type <> ALL($1::text[]))::text AS "lastPosition",
    (SELECT count(DISTINCT stream_id) FROM domain_events)::int AS streams,
    (SELECT count(*) FROM exercises)::int AS exercises,
    (SELECT count(*) FROM stls)::int AS stls,
    (SELECT count(*) FROM stl_members)::int AS members,
    (SELECT count(*) FROM stl_sessions)::int AS sessions,
    (SELECT count(*) FROM commitments)::int AS commitments,
    (SELECT count(*) FROM users WHERE active)::int AS "activeUsers",
    (SELECT count(*) FROM users)::int AS users`;

export type Fingerprint = Record<string, number | string>;

export class StateFingerprint {
  private readonly database: Client;

  constructor(connectionString = process.env.E2E_DATABASE_URL) {
    if (!connectionString) throw new Error('E2E_DATABASE_URL is not set: run the fuzz tests through their Jest project');
    this.database = new Client({ connectionString });
  }

  async connect(): Promise<void> {
    await this.database.connect();
  }

  end(): Promise<void> {
    return this.database.end();
  }

  /**
   * After an accepted command: wait until no event has been appended for `quietMs` (at most `maxMs`), so that what the
   * workflows do in its wake (signals to each other, and what those decide: an automatic step, a resolved escalation)
   * is stored before the next request's fingerprint is taken.
   */
  async settle(quietMs = 600, maxMs = 10_000): Promise<void> {
    const started = Date.now();
    let last = await this.lastPosition();
    let quietSince = Date.now();
    while (Date.now() - quietSince < quietMs && Date.now() - started < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const position = await this.lastPosition();
      if (position !== last) {
        last = position;
        quietSince = Date.now();
      }
    }
  }

  private async lastPosition(): Promise<string> {
    const { rows } = await this.database.query('SELECT coalesce(max(position), 0)::text AS position FROM domain_events');
    return (rows[0] as { position: string }).position;
  }

  async take(): Promise<Fingerprint> {
    const { rows } = await this.database.query(FINGERPRINT, [BACKGROUND_EVENT_TYPES]);
    return rows[0] as Fingerprint;
  }
}
