import { type Entidad } from '../shared/entidades';
import { countOpen } from '../shared/escalation';
import { type LocalDate } from '../shared/local-date';
import { facilitadorSelectionDue, vacancySince } from './composition-warnings';
import { type DeadlinePolicy } from '../shared/deadline';
import { cadenceReminderOn, nextSessionDueOn } from './stl-deadlines';
import { type GovernanceVersion } from './governance';
import { seatsPastThreshold } from './membership';
import {
  type CompositionWarning,
  currentGovernance,
  governanceVersions,
  type HistoricalReservedAct,
  type RegisteredStl,
  type Facilitador,
  lastSessionHeldOn,
  sessionList,
  type SessionStatus,
  type StlState,
  suplentesBySector,
  compositionCompleteOn,
  titularesBySector,
} from './stl-state';
import { type DecisionRule, type Sector, type SessionKind } from './stl-terms';

/** A plain, JSON-ready view for the read model, the coordinators' board and the workflow's search attributes. */
export interface StlSummary {
  readonly entidad: Entidad;
  readonly status: 'en_integracion' | 'instalado';
  readonly decisionRule: DecisionRule;
  readonly installedOn?: LocalDate;
  readonly extraSectorName: string | null;
  readonly titularesBySector: Readonly<Record<Sector, number>>;
  /** Seats with a suplente, per sector. */
  readonly suplentesBySector: Readonly<Record<Sector, number>>;
  /** The day every sector first had a titular with a suplente (step 3 of the exercise), by the members' dates. */
  readonly compositionCompleteOn?: LocalDate;
  /** Current members of every role (titulares, suplentes, enlaces, invitados); the facilitador is not one. */
  readonly members: number;
  readonly facilitador: Facilitador | null;
  readonly facilitadorVacante: boolean;
  readonly vacantSince?: LocalDate;
  readonly warnings: readonly CompositionWarning[];
  /** The last session held with quorum. */
  readonly lastSessionOn?: LocalDate;
  /** The two-month mark by which the STL must meet again (installed STLs only). */
  readonly nextSessionDueOn?: LocalDate;
  /** When the reminder to convene before that mark goes out, under the STL's deadline policy. */
  readonly cadenceReminderOn?: LocalDate;
  /** The earliest convened session not yet held. */
  readonly nextSession?: { readonly sessionId: string; readonly date: LocalDate; readonly kind: SessionKind };
  readonly sessions: Readonly<Record<SessionStatus, number>>;
  readonly openEscalations: number;
  readonly pendingRemovals: number;
  /** The PAL end that started a civil-society renewal still in course. */
  readonly renewalPendingSince?: LocalDate;
  readonly renewalPending: boolean;
  readonly governance: StlGovernanceSummary;
}

/** The STL's mecanismo de gobernanza as people read it: the version in force, its history, what it warns about. */
export interface StlGovernanceSummary {
  readonly current: GovernanceVersion;
  /** Every version, oldest first, each with its validity dates and what it rests on. */
  readonly history: readonly GovernanceVersion[];
  /** Stage 9 done: false while only the provisional version of the registration ("mínimos de la guía") applies. */
  readonly adopted: boolean;
  /** Reserved acts recorded without the session that decided them: shown as "acto sin sesión registrada". */
  readonly actsWithoutSession: readonly HistoricalReservedAct[];
  /** Seats past the mechanism's absences: a member may propose the removal; the system never does. */
  readonly removalSuggestions: readonly RemovalSuggestion[];
  readonly workingMeetings: number;
}

export interface RemovalSuggestion {
  readonly seatId: string;
  readonly titularId: string;
  readonly absences: readonly string[];
  /** Spanish, for the board. */
  readonly message: string;
}

function governanceSummary(state: RegisteredStl): StlGovernanceSummary {
  const current = currentGovernance(state);
  const pending = (titularId: string) => state.removalProposals[titularId] !== undefined;
  const removal = current.mechanism.removal;
  const removalSuggestions = seatsPastThreshold(state, removal)
    .filter((seat) => !pending(seat.titularId))
    .map((seat) => ({
      ...seat,
      message:
        `La representación de ${state.members[seat.titularId]?.nombre ?? seat.titularId} suma ${seat.absences.length} ` +
        `inasistencias${removal?.consecutive === true ? ' seguidas' : ''}: un integrante puede proponer su remoción, ` +
        'que se decide por votación en la siguiente sesión.',
    }));
  return {
    current,
    history: governanceVersions(state),
    adopted: current.basis.kind !== 'registro',
    actsWithoutSession: state.actsWithoutSession ?? [],
    removalSuggestions,
    workingMeetings: (state.workingMeetings ?? []).length,
  };
}

/** Null while the STL is not registered; its dates are the ones the workflow keeps under `policy`. */
export function stlSummary(state: StlState, policy: DeadlinePolicy): StlSummary | null {
  if (state.status === 'unregistered') return null;
  const sessions = sessionList(state);
  const next = sessions.find((session) => session.status === 'convocada');
  const vacantSince = vacancySince(state);
  const completeOn = compositionCompleteOn(state);
  const lastSessionOn = lastSessionHeldOn(state);
  const count = (status: SessionStatus) => sessions.filter((session) => session.status === status).length;
  return {
    entidad: state.entidad,
    status: state.status,
    decisionRule: state.decisionRule,
    ...(state.status === 'instalado'
      ? {
          installedOn: state.installedOn,
          nextSessionDueOn: nextSessionDueOn(state, policy),
          cadenceReminderOn: cadenceReminderOn(state, policy),
        }
      : {}),
    extraSectorName: state.extraSectorName,
    titularesBySector: titularesBySector(state),
    suplentesBySector: suplentesBySector(state),
    ...(completeOn === undefined ? {} : { compositionCompleteOn: completeOn }),
    members: Object.keys(state.members).length,
    facilitador: state.facilitador,
    facilitadorVacante: state.facilitador === null && facilitadorSelectionDue(state),
    ...(vacantSince === undefined ? {} : { vacantSince }),
    warnings: state.warnings,
    ...(lastSessionOn === undefined ? {} : { lastSessionOn }),
    ...(next === undefined ? {} : { nextSession: { sessionId: next.sessionId, date: next.date, kind: next.kind } }),
    sessions: {
      convocada: count('convocada'),
      celebrada: count('celebrada'),
      sin_quorum: count('sin_quorum'),
      cancelada: count('cancelada'),
    },
    openEscalations: countOpen(state.escalations),
    pendingRemovals: Object.keys(state.removalProposals).length,
    ...(state.renewal === null ? {} : { renewalPendingSince: state.renewal.palEndedOn }),
    renewalPending: state.renewal !== null,
    governance: governanceSummary(state),
  };
}
