import {
  DEFAULT_DEADLINE_POLICY,
  type ExerciseCommand,
  exerciseDecider,
  type ExerciseState,
  type ExerciseSummary,
  exerciseSummary,
  instantAt,
  isDomainError,
  type LocalDate,
  minimosGuia,
  type StlSummary,
} from '@app/domain';
import { type UserRole } from '@app/persistence';
import { type AuthenticatedUser } from '../../auth/authenticated-user';

type Request = { [T in ExerciseCommand['type']]: { type: T; data: Extract<ExerciseCommand, { type: T }>['data']; on: LocalDate } }[ExerciseCommand['type']];

/** Folds commands through the real decider (each at noon of its day): the summary the projection would hold. */
export function exerciseAfter(requests: readonly Request[]): ExerciseSummary {
  let state: ExerciseState = exerciseDecider.initialState();
  for (const { type, data, on } of requests) {
    const decision = exerciseDecider.decide({ type, data, metadata: { now: instantAt(on, 12) } } as ExerciseCommand, state);
    if (isDomainError(decision)) throw new Error(`${type} refused: ${decision.message}`);
    state = decision.reduce((folded, event) => exerciseDecider.evolve(folded, event), state);
  }
  const summary = exerciseSummary(state, DEFAULT_DEADLINE_POLICY);
  if (!summary) throw new Error('No exercise started');
  return summary;
}

/** Jalisco's first exercise, started 12 January 2026, step 1 done and the first `stages` stages completed. */
export function jaliscoExercise(stages: number): ExerciseSummary {
  return exerciseAfter([
    { type: 'StartExercise', data: { entidad: '14', number: 1, startedOn: '2026-01-12' }, on: '2026-01-12' },
    { type: 'CompleteStep', data: { step: 1, completedOn: '2026-01-20', evidence: ['https://itei.example.org/declaracion.pdf'] }, on: '2026-01-20' },
    ...Array.from({ length: stages }, (_, index): Request => ({
      type: 'CompleteStage',
      data: { stage: index + 1, completedOn: `2026-02-${String(index + 2).padStart(2, '0')}`, evidence: [`https://itei.example.org/etapa-${index + 1}.pdf`] },
      on: '2026-03-01',
    })),
  ]);
}

/** Jalisco's mechanism: tabla 2's rule over the guide's minimum, adopted at stage 9. */
const jaliscoMechanism = {
  version: 1,
  mechanism: minimosGuia('consensus_then_majority_with_civil_society_vote'),
  validFrom: '2026-04-21',
  validUntil: null,
  basis: { kind: 'integracion' },
} as const;

export function stlFixture(overrides: Partial<StlSummary> = {}): StlSummary {
  return {
    entidad: '14',
    status: 'instalado',
    decisionRule: 'consensus_then_majority_with_civil_society_vote',
    installedOn: '2026-04-21',
    extraSectorName: null,
    titularesBySector: { gobierno: 4, sociedad_civil: 4, garante: 1, adicional: 0 },
    suplentesBySector: { gobierno: 0, sociedad_civil: 0, garante: 0, adicional: 0 },
    members: 9,
    facilitador: null,
    facilitadorVacante: true,
    vacantSince: '2026-04-21',
    warnings: [{ code: 'FACILITADOR_VACANT', message: 'El puesto de facilitador del STL de Jalisco está vacante.' }],
    lastSessionOn: '2026-10-23',
    nextSessionDueOn: '2026-12-23',
    cadenceReminderOn: '2026-12-09',
    sessions: { convocada: 0, celebrada: 1, sin_quorum: 0, cancelada: 0 },
    openEscalations: 1,
    pendingRemovals: 0,
    renewalPending: false,
    governance: {
      current: jaliscoMechanism,
      history: [jaliscoMechanism],
      adopted: true,
      actsWithoutSession: [],
      removalSuggestions: [],
      workingMeetings: 0,
    },
    ...overrides,
  };
}

export function userFixture(role: UserRole, entidades: readonly string[] = [], username: string = role): AuthenticatedUser {
  return { id: '00000000-0000-4000-8000-000000000001', username, role, entidades, nombre: `Cuenta ${username}` };
}
