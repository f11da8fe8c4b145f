import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { fold } from '../shared/decider';
import {
  commandAt,
  commandOn,
  completeStage,
  evidenceOf,
  FACILITADOR_KNOWN_ON,
  historyOf,
  jaliscoConDeclaracion,
  jaliscoIniciado,
  jaliscoPalLanzado,
  jaliscoStlInstalado,
  stageDate,
  MICROSITIO,
} from '../test-support/exercise-fixtures';
import { exerciseDecider } from './exercise-decider';
import { type ExerciseEvent } from './exercise-events';
import { stepRequirementsMissing } from './exercise-requirements';
import { exerciseSummary } from './exercise-summary';

const summaryOf = (events: readonly ExerciseEvent[]) => exerciseSummary(fold(exerciseDecider, events), DEFAULT_DEADLINE_POLICY);

describe('exerciseSummary: every state at a glance for INAI coordinators (DOMAIN.md, "What the users need")', () => {
  it('is undefined before the exercise starts', () => {
    expect(summaryOf([])).toBeUndefined();
  });

  it('shows a fresh exercise: step 1, stage 1, the next deadline and the search attributes', () => {
    expect(summaryOf(jaliscoIniciado)).toMatchObject({
      streamId: 'exercise/14/1',
      entidad: '14',
      entidadName: 'Jalisco',
      number: 1,
      status: 'open',
      currentStep: 1,
      completedSteps: [],
      currentStage: 1,
      completedStages: [],
      skippedStages: [],
      missingForCurrentStep: [],
      startedOn: '2026-01-12',
      lastProgressOn: '2026-01-12',
      progressRecordedOn: '2026-01-12',
      openEscalations: 0,
      stl: null,
      commitments: { total: 0 },
      nextDeadline: { id: 'stall:2026-01-12:reminder', kind: 'stall_reminder', dueOn: '2026-02-11' },
      searchAttributes: { Entidad: '14', Paso: 1, Etapa: 1, EscalacionesAbiertas: 0 },
    });
  });

  it('shows each stage with its date, evidence and justification, skipped ones apart', () => {
    const skip = commandOn(stageDate(3), 'CompleteStage', {
      stage: 3,
      completedOn: stageDate(3),
      justification: 'El respaldo político ya existía.',
    });
    const merged = commandOn(stageDate(5), 'CompleteStage', {
      stage: 4,
      mergedWith: [5],
      completedOn: stageDate(5),
      justification: 'Una sola jornada de socialización y reunión preparatoria.',
    });
    const summary = summaryOf(historyOf([completeStage(1), skip, merged], jaliscoConDeclaracion));
    expect(summary).toMatchObject({
      completedStages: [1, 3, 4, 5],
      skippedStages: [2],
      currentStage: 6,
      currentStep: 3,
    });
    expect(summary?.stages.slice(0, 4)).toEqual([
      {
        number: 1,
        name: 'Ruta de trabajo del Grupo Promotor',
        status: 'concluida',
        on: stageDate(1),
        evidence: evidenceOf('etapa-1'),
      },
      {
        number: 2,
        name: 'Búsqueda de respaldo político de alto nivel',
        status: 'omitida',
        on: stageDate(3),
        evidence: [],
        justification: 'El respaldo político ya existía.',
      },
      {
        number: 3,
        name: 'Mapeo y convocatoria de actores sociales locales',
        status: 'concluida',
        on: stageDate(3),
        evidence: [],
        justification: 'El respaldo político ya existía.',
      },
      {
        number: 4,
        name: 'Sensibilización y socialización',
        status: 'concluida',
        on: stageDate(5),
        evidence: [],
        justification: 'Una sola jornada de socialización y reunión preparatoria.',
        mergedWith: [5],
      },
    ]);
    expect(summary?.stages[5]).toMatchObject({ number: 6, status: 'pendiente' });
    expect(summary?.missingForCurrentStep.map((requirement) => requirement.code)).toEqual([
      'etapa_6',
      'etapa_7',
      'etapa_8',
      'etapa_9',
      'etapa_10',
      'stl_instalado',
      'titulares_y_suplentes',
      'mecanismo_de_gobernanza',
      'facilitador',
      'agenda_anual',
    ]);
  });

  it('shows step 3 waiting for its requirements, and the facilitador the STL reports missing', () => {
    const vacant = commandOn('2026-03-04', 'RecordStlStatus', { installedOn: stageDate(10), facilitador: null });
    const summary = summaryOf(historyOf([vacant], jaliscoStlInstalado));
    expect(summary).toMatchObject({
      currentStep: 3,
      completedSteps: [1, 2],
      currentStage: 10,
      stl: { installedOn: stageDate(10), facilitador: null },
      searchAttributes: { Paso: 3, Etapa: 10 },
    });
    // Whether the post is vacant or still "por elegir" is the STL's to say (issue 17, item 5).
    expect(summary?.searchAttributes).not.toHaveProperty('FacilitadorVacante');
    expect(summary?.missingForCurrentStep.map((requirement) => requirement.code)).toEqual([
      'titulares_y_suplentes',
      'mecanismo_de_gobernanza',
      'facilitador',
      'agenda_anual',
    ]);
    expect(summary?.steps[1]).toMatchObject({ number: 2, status: 'concluido', automatic: true });
  });

  it('shows the PAL: its dates, documents, commitments by kind and completion, and open escalations', () => {
    const progress = commandOn('2026-07-01', 'UpdateCommitmentProgress', {
      commitmentId: 'C2',
      completion: 'limited',
      reportedOn: '2026-07-01',
    });
    const summary = summaryOf(historyOf([progress], jaliscoPalLanzado));
    expect(summary).toMatchObject({
      currentStep: 6,
      completedSteps: [1, 2, 3, 4, 5],
      palLaunchedOn: '2026-05-04',
      monitoringDueOn: '2026-11-04',
      evaluationDueOn: '2027-05-04',
      governanceMechanism: { adoptedOn: '2026-02-28' },
      annualAgenda: { adoptedOn: '2026-03-05' },
      stl: { facilitador: { nombre: 'Dra. Ana Ruiz Téllez' } },
      commitments: {
        total: 5,
        byKind: { agenda_nacional: 2, problema_local: 2, follow_the_money: 1 },
        byCompletion: { not_started: 4, limited: 1, substantial: 0, complete: 0, withdrawn: 0 },
      },
      nextDeadline: { kind: 'progress_reminder', dueOn: '2026-07-04' },
      missingForCurrentStep: [{ code: 'monitoreo' }, { code: 'micrositio' }, { code: 'evaluacion' }],
    });
    expect(summary?.steps[2]).toMatchObject({ completedOn: FACILITADOR_KNOWN_ON });
    expect(summary?.commitments.items.slice(0, 2)).toEqual([
      { id: 'C1', title: 'Datos abiertos de obra pública', kind: 'agenda_nacional', completion: 'not_started' },
      {
        id: 'C2',
        title: 'Contrataciones abiertas',
        kind: 'agenda_nacional',
        completion: 'limited',
        reportedOn: '2026-07-01',
      },
    ]);
  });

  it('answers what a step lacks even for steps already behind (none)', () => {
    const state = fold(exerciseDecider, jaliscoPalLanzado);
    expect(state.status === 'open' && [stepRequirementsMissing(state, 1), stepRequirementsMissing(state, 5)]).toEqual([
      [],
      [],
    ]);
  });

  it('shows a closed exercise at step 6 with its monitoring, evaluation and closing dates', () => {
    const closed = historyOf(
      [
        commandOn('2026-11-05', 'RecordMonitoring', { completedOn: '2026-11-05', summary: 'Avance medio.', micrositioUrl: MICROSITIO }),
        commandAt('2027-05-04T15:00:00.000Z', 'FireDeadline', { deadlineId: 'evaluation:2027-05-04:due' }),
        commandOn('2027-05-20', 'RecordEvaluation', { completedOn: '2027-05-20', summary: 'Logro alto.' }),
      ],
      jaliscoPalLanzado,
    );
    const summary = summaryOf(closed);
    expect(summary).toMatchObject({
      status: 'closed',
      currentStep: 6,
      completedSteps: [1, 2, 3, 4, 5, 6],
      monitoringCompletedOn: '2026-11-05',
      evaluationCompletedOn: '2027-05-20',
      closedOn: '2027-05-20',
      missingForCurrentStep: [],
    });
    expect(summary?.nextDeadline).toBeUndefined();
    const state = fold(exerciseDecider, closed);
    expect(state.status === 'closed' && stepRequirementsMissing(state, 6)).toEqual([]);
  });
});
