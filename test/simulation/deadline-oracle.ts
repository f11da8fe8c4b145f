import { DEFAULT_DEADLINE_POLICY, type Deadline, exerciseDecider, exerciseDeadlines, stlDecider, stlDeadlines } from '@app/domain';
import { type Violation } from './violation';

export interface LoggedEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
}

/** How late a firing may be recorded after its due instant: the workflow task that fires it, nothing more. */
const FIRING_TOLERANCE_MS = 60_000;

interface Aggregate {
  evolve(state: unknown, event: { type: string; data: unknown }): unknown;
  initialState(): unknown;
  deadlines(state: unknown): Deadline[];
}

const AGGREGATES: Record<'exercise' | 'stl', Aggregate> = {
  exercise: { evolve: exerciseDecider.evolve, initialState: exerciseDecider.initialState, deadlines: (state) => exerciseDeadlines(state as never, DEFAULT_DEADLINE_POLICY) },
  stl: { evolve: stlDecider.evolve, initialState: stlDecider.initialState, deadlines: (state) => stlDeadlines(state as never, DEFAULT_DEADLINE_POLICY) },
};

const deadlineIdOf = (event: LoggedEvent): string | undefined => {
  const id = (event.data as { deadlineId?: unknown } | null)?.deadlineId;
  return typeof id === 'string' ? id : undefined;
};

export interface OracleResult {
  readonly firings: number;
  readonly violations: Violation[];
}

/**
 * The expected firings of one stream, from its log and the pure domain's `deadlines()` (the default policy, as the
 * simulation's workflows run): before each event, every deadline pending in the state the log had reached must not
 * be overdue (else it was missed); an event that fires a deadline must fire one that was pending, at its due instant
 * or, when an event made it pending after that instant (a session without quorum no longer counts), at that event;
 * a second firing of the same id finds it no longer pending; and at `endedAt` nothing pending is overdue.
 */
export function checkDeadlines(streamId: string, events: readonly LoggedEvent[], endedAt: number): OracleResult {
  const aggregate = AGGREGATES[streamId.startsWith('stl/') ? 'stl' : 'exercise'];
  const violations: Violation[] = [];
  let state = aggregate.initialState();
  /** When each pending deadline became pending: one that appears already overdue is due at once. */
  let pendingSince = new Map<string, number>();
  let firings = 0;
  let firing: { id: string; occurredAt: string } | undefined;
  const dueAt = (deadline: Deadline) => Math.max(Date.parse(deadline.dueAt), pendingSince.get(deadline.id) ?? 0);
  const overdue = (at: number, seq: number) => {
    for (const deadline of aggregate.deadlines(state)) {
      if (dueAt(deadline) + FIRING_TOLERANCE_MS < at) {
        violations.push({ invariant: 'b', streamId, seq, message: `el plazo ${deadline.id} venció el ${new Date(dueAt(deadline)).toISOString()} y no se disparó` });
      }
    }
  };
  for (const event of events) {
    const id = deadlineIdOf(event);
    const sameFiring = id !== undefined && firing?.id === id && firing.occurredAt === event.occurredAt;
    if (id !== undefined && !sameFiring) {
      const pending = aggregate.deadlines(state).find((deadline) => deadline.id === id);
      if (!pending) violations.push({ invariant: 'b', streamId, seq: event.seq, message: `se disparó ${id}, que no estaba pendiente (¿dos veces?)` });
      else if (Math.abs(Date.parse(event.occurredAt) - dueAt(pending)) > FIRING_TOLERANCE_MS) {
        violations.push({ invariant: 'b', streamId, seq: event.seq, message: `${id} se disparó el ${event.occurredAt}, vencía el ${new Date(dueAt(pending)).toISOString()}` });
      }
      firings += 1;
      firing = { id, occurredAt: event.occurredAt };
    } else if (id === undefined) {
      firing = undefined;
      overdue(Date.parse(event.occurredAt), event.seq);
    }
    state = aggregate.evolve(state, event);
    const at = Date.parse(event.occurredAt);
    pendingSince = new Map(aggregate.deadlines(state).map((deadline) => [deadline.id, pendingSince.get(deadline.id) ?? at]));
  }
  overdue(endedAt, events.length);
  return { firings, violations: dedupe(violations) };
}

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
