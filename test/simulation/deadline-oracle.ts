import { AGGREGATES, type AggregateKind, type Deadline, type DeadlinePolicy, DEFAULT_DEADLINE_POLICY, type EventOf, parseStreamId } from '@app/domain';
import { type Violation } from './violation';

export interface LoggedEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
  /** The command that stored it (`metadata.commandId`: the Update id), when the store knows it. */
  readonly commandId?: string;
}

/** How far a firing may be recorded from its due instant: the workflow task that fires it, nothing more. */
export const FIRING_TOLERANCE_MS = 60_000;

/** The latest instant a deadline due at `dueMs` may be recorded fired. */
export type LatestFiring = (dueMs: number) => number;

const withinTolerance: LatestFiring = (dueMs) => dueMs + FIRING_TOLERANCE_MS;

/** A stream folded event by event with its aggregate's `evolve`, and the deadlines its state has under `policy`. */
function streamOf<K extends AggregateKind>(kind: K, policy: DeadlinePolicy) {
  const aggregate = AGGREGATES[kind];
  const { evolve, initialState } = aggregate.decider(policy);
  let state = initialState();
  return {
    deadlines: () => aggregate.deadlines(state, policy),
    apply(event: LoggedEvent) {
      // The log's events of a stream are its aggregate's: only that aggregate's append wrote them.
      state = evolve(state, { type: event.type, data: event.data } as EventOf<K>);
    },
  };
}

/**
 * Escalations a command raises (a refusal between workflows, an e-mail nobody can receive) carry an id in the same
 * field as a deadline's, but no deadline fell due: they are not firings.
 */
const RAISED_BY_COMMANDS: ReadonlySet<string> = new Set(['interplay_incident', 'mail_undeliverable']);

const deadlineIdOf = (event: LoggedEvent): string | undefined => {
  const data = event.data as { deadlineId?: unknown; escalation?: { kind?: string } } | null;
  if (RAISED_BY_COMMANDS.has(data?.escalation?.kind ?? '')) return undefined;
  return typeof data?.deadlineId === 'string' ? data.deadlineId : undefined;
};

export interface OracleResult {
  readonly firings: number;
  readonly violations: Violation[];
}

/**
 * The expected firings of one stream, from its log and the pure domain's `deadlines()` under the `policy` its workflow
 * was started with: before each event, every deadline pending in the state the log had reached must not
 * be overdue (else it was missed); an event that fires a deadline must fire one that was pending, at its due instant
 * or, when an event made it pending after that instant (a session without quorum no longer counts), at that event;
 * a second firing of the same id finds it no longer pending; and at `endedAt` nothing pending is overdue.
 */
export function checkDeadlines(
  streamId: string,
  events: readonly LoggedEvent[],
  endedAt: number,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  latestFiring: LatestFiring = withinTolerance,
): OracleResult {
  const stream = streamOf(parseStreamId(streamId)?.aggregate ?? 'exercise', policy);
  const violations: Violation[] = [];
  /** When each pending deadline became pending: one that appears already overdue is due at once. */
  let pendingSince = new Map<string, number>();
  let firings = 0;
  let firing: { id: string; occurredAt: string } | undefined;
  const dueAt = (deadline: Deadline) => Math.max(Date.parse(deadline.dueAt), pendingSince.get(deadline.id) ?? 0);
  const overdue = (at: number, seq: number) => {
    for (const deadline of stream.deadlines()) {
      if (latestFiring(dueAt(deadline)) < at) {
        violations.push({ invariant: 'b', streamId, seq, message: `el plazo ${deadline.id} venció el ${new Date(dueAt(deadline)).toISOString()} y no se disparó` });
      }
    }
  };
  for (const event of events) {
    const id = deadlineIdOf(event);
    const sameFiring = id !== undefined && firing?.id === id && firing.occurredAt === event.occurredAt;
    if (id !== undefined && !sameFiring) {
      const pending = stream.deadlines().find((deadline) => deadline.id === id);
      if (!pending) violations.push({ invariant: 'b', streamId, seq: event.seq, message: `se disparó ${id}, que no estaba pendiente (¿dos veces?)` });
      else if (isOutOfTime(Date.parse(event.occurredAt), dueAt(pending), latestFiring)) {
        violations.push({ invariant: 'b', streamId, seq: event.seq, message: `${id} se disparó el ${event.occurredAt}, vencía el ${new Date(dueAt(pending)).toISOString()}` });
      }
      firings += 1;
      firing = { id, occurredAt: event.occurredAt };
    } else if (id === undefined) {
      firing = undefined;
      overdue(Date.parse(event.occurredAt), event.seq);
    }
    stream.apply(event);
    const at = Date.parse(event.occurredAt);
    pendingSince = new Map(stream.deadlines().map((deadline) => [deadline.id, pendingSince.get(deadline.id) ?? at]));
  }
  overdue(endedAt, events.length);
  return { firings, violations: dedupe(violations) };
}

/** Early is early whatever the faults: only lateness can be excused by a stretch the system could not fire. */
const isOutOfTime = (firedMs: number, dueMs: number, latestFiring: LatestFiring) =>
  firedMs < dueMs - FIRING_TOLERANCE_MS || firedMs > latestFiring(dueMs);

/** A missed deadline is reported once, at the first event that should have come after it. */
function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const key = violation.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
