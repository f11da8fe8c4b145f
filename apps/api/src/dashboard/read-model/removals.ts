import {
  type ActBasis,
  type LocalDate,
  type MemberAdded,
  type MemberRemoved,
  type RemovalCause,
  type RemovalDecided,
  type RemovalProposed,
} from '@app/domain';

/** The STL's events a removal proceeding is told from: who the people are, the proposal, the vote's outcome, the leave. */
export const REMOVAL_EVENT_TYPES = ['MemberAdded', 'RemovalProposed', 'RemovalDecided', 'MemberRemoved'] as const;

/** What the log's rows hold of each of those events, still discriminated by type. */
type RemovalEvent<E = MemberAdded | RemovalProposed | RemovalDecided | MemberRemoved> = E extends { type: string; data: unknown } ? Pick<E, 'type' | 'data'> : never;

export interface RemovalProceeding {
  readonly memberId: string;
  /** The member's name as added; a removed member is no longer among the STL's rows. */
  readonly nombre: string;
  readonly cause: RemovalCause;
  readonly proposedOn: LocalDate;
  readonly proposedBy?: string;
  /** Absent while the STL has not decided. */
  readonly decision?: {
    readonly approved: boolean;
    readonly decidedOn: LocalDate;
    readonly sessionId?: string;
    readonly basis?: ActBasis;
  };
  readonly removedOn?: LocalDate;
}

/**
 * Every removal proceeding of an STL, oldest first, from its events in the order they were stored. A member may be
 * proposed again after a rejected proposal: each proposal is its own proceeding.
 */
export function removalProceedings(events: readonly { readonly type: string; readonly data: unknown }[]): RemovalProceeding[] {
  const names = new Map<string, string>();
  const proceedings: RemovalProceeding[] = [];
  const open = new Map<string, number>();
  const update = (memberId: string, change: (proceeding: RemovalProceeding) => RemovalProceeding) => {
    const index = open.get(memberId);
    if (index !== undefined) proceedings[index] = change(proceedings[index]);
  };
  for (const event of events as readonly RemovalEvent[]) {
    switch (event.type) {
      case 'MemberAdded':
        names.set(event.data.memberId, event.data.nombre);
        break;
      case 'RemovalProposed': {
        const { memberId, cause, proposedOn, proposedBy } = event.data;
        open.set(memberId, proceedings.length);
        proceedings.push({ memberId, nombre: names.get(memberId) ?? memberId, cause, proposedOn, ...(proposedBy && { proposedBy: names.get(proposedBy) ?? proposedBy }) });
        break;
      }
      case 'RemovalDecided': {
        const { memberId, approved, decidedOn, sessionId, basis } = event.data;
        update(memberId, (proceeding) => ({ ...proceeding, decision: { approved, decidedOn, ...(sessionId && { sessionId }), ...(basis && { basis }) } }));
        if (!approved) open.delete(memberId);
        break;
      }
      case 'MemberRemoved':
        update(event.data.memberId, (proceeding) => ({ ...proceeding, removedOn: event.data.on }));
        open.delete(event.data.memberId);
        break;
    }
  }
  return proceedings;
}
