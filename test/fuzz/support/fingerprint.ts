import { Client } from 'pg';

/**
 * Event types that a workflow appends on its own, never in answer to the HTTP request being made:
 *
 * - a durable timer fired (ReminderDue, EscalationRaised, MonitoringDue, EvaluationDue): the seeded STLs and
 *   exercises have deadlines that fall due whenever they fall due, including during this test, and an accepted
 *   fuzzed command may itself set a deadline that is already past (a date long ago) and fires a moment later;
 * - one workflow told the other by a signal after an earlier, accepted command (StlStatusRecorded on the exercise
 *   after the STL moved; StlInstalled, with its CompositionWarningsChanged, and CivilSocietyRenewalStarted on the
 *   STL after the exercise completed stage 10 or its evaluation fell due).
 *
 * Why types rather than streams: a fuzzed request may name any state (path, query or body), so scoping the
 * fingerprint to one stream would miss a rejected request that wrote elsewhere; and no state is free of background
 * activity for the whole run (an accepted near-valid command can start it). Every other event only exists because a
 * command was accepted, and a command refused with a 4xx must leave none.
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

  async take(): Promise<Fingerprint> {
    const { rows } = await this.database.query(FINGERPRINT, [BACKGROUND_EVENT_TYPES]);
    return rows[0] as Fingerprint;
  }
}
