import {
  type CommitmentInput,
  type ExerciseCommand,
  exerciseDecider,
  type ExerciseEvent,
  type SectorComposition,
  type StageNumber,
} from '../exercise';
import { addDays, type Instant, instantAt, type LocalDate } from '../shared/local-date';
import { eventsOf, givenWhenThen } from './given-when-then';

/**
 * A realistic run of Jalisco's first exercise in 2026, written as the commands people would send, each at noon
 * Mexico City of the day it happened. Tests start from one of the named histories below.
 */
export type ExerciseCommandOf<T extends ExerciseCommand['type']> = Extract<ExerciseCommand, { type: T }>;

export function commandAt<T extends ExerciseCommand['type']>(
  now: Instant,
  type: T,
  data: ExerciseCommandOf<T>['data'],
  actor?: string,
): ExerciseCommandOf<T> {
  return { type, data, metadata: { now, ...(actor !== undefined && { actor }) } } as ExerciseCommandOf<T>;
}

/** A command sent at noon (Mexico City) of `date`. */
export function commandOn<T extends ExerciseCommand['type']>(
  date: LocalDate,
  type: T,
  data: ExerciseCommandOf<T>['data'],
  actor?: string,
): ExerciseCommandOf<T> {
  return commandAt(noonOf(date), type, data, actor);
}

export function noonOf(date: LocalDate): Instant {
  return instantAt(date, 12);
}

export const given = givenWhenThen(exerciseDecider);

export function historyOf(
  commands: readonly ExerciseCommand[],
  history: readonly ExerciseEvent[] = [],
): ExerciseEvent[] {
  return eventsOf(exerciseDecider, commands, history);
}

export const MICROSITIO = 'https://www.itei.org.mx/gobierno-abierto';
export const evidenceOf = (name: string) => [`${MICROSITIO}/${name}.pdf`];

export const STARTED_ON = '2026-01-12';
export const DECLARED_ON = '2026-01-20';
/** Stage n was completed on 1 February + 3n days: 4 Feb … 3 Mar 2026. */
export const stageDate = (stage: StageNumber): LocalDate => addDays('2026-02-01', 3 * stage);
export const MG_ADOPTED_ON = '2026-02-28';
export const AGENDA_ADOPTED_ON = '2026-03-05';
export const FACILITADOR_KNOWN_ON = '2026-03-06';
export const COMMITMENTS_DEFINED_ON = '2026-04-10';
export const MESAS_CONCLUDED_ON = '2026-04-15';
export const PAL_LAUNCHED_ON = '2026-05-04';

export const startJalisco = commandOn(STARTED_ON, 'StartExercise', { entidad: '14', number: 1, startedOn: STARTED_ON });
export const signDeclaration = commandOn(DECLARED_ON, 'CompleteStep', {
  step: 1,
  completedOn: DECLARED_ON,
  evidence: evidenceOf('declaracion-conjunta'),
});
export const completeStage = (stage: StageNumber) =>
  commandOn(stageDate(stage), 'CompleteStage', {
    stage,
    completedOn: stageDate(stage),
    evidence: evidenceOf(`etapa-${stage}`),
  });
export const completeStages = (from: StageNumber, to: StageNumber) =>
  Array.from({ length: to - from + 1 }, (_, index) => completeStage((from + index) as StageNumber));
export const recordGovernanceMechanism = commandOn('2026-03-04', 'RecordGovernanceMechanism', {
  adoptedOn: MG_ADOPTED_ON,
  documentUrl: `${MICROSITIO}/mecanismo-de-gobernanza.pdf`,
});
export const recordAnnualAgenda = commandOn(AGENDA_ADOPTED_ON, 'RecordAnnualAgenda', {
  adoptedOn: AGENDA_ADOPTED_ON,
  documentUrl: `${MICROSITIO}/agenda-anual-2026.pdf`,
});
/** Jalisco's STL as tabla 2 counts it, each seat with its suplente ("elegirán a los titulares y a los suplentes"). */
export const jaliscoComposicion: readonly SectorComposition[] = [
  { sector: 'gobierno', label: 'gobierno', titulares: 4, suplentes: 4 },
  { sector: 'sociedad_civil', label: 'sociedad civil', titulares: 4, suplentes: 4 },
  { sector: 'garante', label: 'organismo garante', titulares: 1, suplentes: 1 },
];
export const stlConFacilitador = commandOn(FACILITADOR_KNOWN_ON, 'RecordStlStatus', {
  installedOn: stageDate(10),
  composition: jaliscoComposicion,
  facilitador: { nombre: 'Dra. Ana Ruiz Téllez' },
  lastSessionOn: stageDate(10),
  nextSessionDueOn: '2026-05-03',
});

/**
 * Exactly the 2015 minimum: two national-agenda, two local-problem and one Follow the Money commitments, each with
 * its activities, products and indicators, answered for by `responsibles`.
 */
export function cincoCompromisosOf(responsibles: readonly string[]): CommitmentInput[] {
  const commitment = (id: string, kind: CommitmentInput['kind'], title: string): CommitmentInput => ({
    id,
    title,
    kind,
    activities: ['Mesa de trabajo con la dependencia responsable'],
    products: ['Reporte público en el micrositio'],
    indicators: ['Porcentaje de actividades concluidas'],
    responsibles: [...responsibles],
  });
  return [
    commitment('C1', 'agenda_nacional', 'Datos abiertos de obra pública'),
    commitment('C2', 'agenda_nacional', 'Contrataciones abiertas'),
    commitment('C3', 'problema_local', 'Transporte público seguro en la zona metropolitana'),
    commitment('C4', 'problema_local', 'Saneamiento del río Santiago'),
    commitment('C5', 'follow_the_money', 'Rastreo del gasto del programa de becas'),
  ];
}

export const cincoCompromisos: readonly CommitmentInput[] = cincoCompromisosOf([
  'Secretaría de la Hacienda Pública',
  'Colectivo Ciudadano por la Transparencia',
]);
export const defineCommitments = commandOn(COMMITMENTS_DEFINED_ON, 'DefineCommitments', {
  commitments: cincoCompromisos,
});
export const concludeMesas = commandOn(MESAS_CONCLUDED_ON, 'CompleteStep', {
  step: 4,
  completedOn: MESAS_CONCLUDED_ON,
  evidence: evidenceOf('minutas-mesas'),
});
export const launchPal = commandOn(PAL_LAUNCHED_ON, 'LaunchPal', {
  launchedOn: PAL_LAUNCHED_ON,
  evidence: evidenceOf('presentacion-pal'),
});

export const jaliscoIniciado = historyOf([startJalisco]);
export const jaliscoConDeclaracion = historyOf([signDeclaration], jaliscoIniciado);
/** Stages 1–10 done, step 2 done; step 3 still lacks MG, facilitador and agenda. */
export const jaliscoStlInstalado = historyOf(completeStages(1, 10), jaliscoConDeclaracion);
/** Step 3 completed by the facilitador's arrival (the last requirement). */
export const jaliscoIntegrado = historyOf(
  [recordGovernanceMechanism, recordAnnualAgenda, stlConFacilitador],
  jaliscoStlInstalado,
);
export const jaliscoConCompromisos = historyOf([defineCommitments], jaliscoIntegrado);
export const jaliscoMesasConcluidas = historyOf([concludeMesas], jaliscoConCompromisos);
export const jaliscoPalLanzado = historyOf([launchPal], jaliscoMesasConcluidas);
