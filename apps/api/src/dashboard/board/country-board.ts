import {
  addMonths,
  type Entidad,
  entidadName,
  type ExerciseSummary,
  type LocalDate,
  type StlSummary,
  TERM_MONTHS,
} from '@app/domain';
import { type CadenceStatus, cadenceStatus } from './traffic-light';

/** What the board knows of one state: its latest exercise, its STL and the escalations still open on both. */
export interface StateSnapshot {
  readonly entidad: Entidad;
  readonly exercise?: ExerciseSummary;
  readonly stl?: StlSummary;
  readonly openEscalations: number;
}

export const PROBLEMS = {
  facilitador_vacante: 'Facilitador vacante',
  sesion_vencida: 'Sesión bimestral vencida',
  sesion_por_vencer: 'Sesión bimestral por vencer',
  escalamientos: 'Escalamientos abiertos',
  sin_avance: 'Sin avances en el plazo de recordatorio',
  monitoreo_vencido: 'Monitoreo vencido',
  evaluacion_vencida: 'Evaluación vencida',
  advertencias: 'Advertencias de composición',
} as const;

export type Problem = keyof typeof PROBLEMS;

export interface BoardRow extends StateSnapshot {
  readonly nombre: string;
  readonly cadence: CadenceStatus;
  readonly problems: readonly Problem[];
}

export function boardRow(snapshot: StateSnapshot, today: LocalDate): BoardRow {
  const cadence = cadenceStatus(snapshot.stl, today);
  return { ...snapshot, nombre: entidadName(snapshot.entidad), cadence, problems: problemsOf(snapshot, cadence, today) };
}

function problemsOf({ exercise, stl, openEscalations }: StateSnapshot, cadence: CadenceStatus, today: LocalDate): Problem[] {
  const open = exercise?.status === 'open';
  const found: (Problem | false)[] = [
    // Before the installation the facilitador is still to be elected (stage 7): not a vacancy yet.
    stl?.status === 'instalado' && stl.facilitadorVacante && 'facilitador_vacante',
    cadence.light === 'rojo' && 'sesion_vencida',
    cadence.light === 'ambar' && 'sesion_por_vencer',
    openEscalations > 0 && 'escalamientos',
    open &&
      !exercise.palLaunchedOn &&
      exercise.stallReminderOn !== undefined &&
      exercise.stallReminderOn <= today &&
      'sin_avance',
    open && overdue(exercise.monitoringDueOn, exercise.monitoringCompletedOn, today) && 'monitoreo_vencido',
    open && overdue(exercise.evaluationDueOn, exercise.evaluationCompletedOn, today) && 'evaluacion_vencida',
    (stl?.warnings ?? []).some((warning) => warning.code !== 'FACILITADOR_VACANT') && 'advertencias',
  ];
  return found.filter((problem): problem is Problem => problem !== false);
}

function overdue(dueOn: LocalDate | undefined, completedOn: LocalDate | undefined, today: LocalDate): boolean {
  return dueOn !== undefined && completedOn === undefined && dueOn < today;
}

export const SORT_ORDERS = { entidad: 'Entidad', paso: 'Paso (menor primero)', problemas: 'Problemas (más primero)' } as const;
export type SortOrder = keyof typeof SORT_ORDERS;

export interface BoardFilter {
  readonly orden: SortOrder;
  /** Only states whose exercise is at this step; 0 = states without an exercise. */
  readonly paso?: number;
  readonly problema?: Problem;
  /** Part of the state's name, accents and case ignored. */
  readonly texto?: string;
}

export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Lenient: anything unknown in the query is ignored (the form can only send known values). */
export function parseBoardFilter(query: Readonly<Record<string, unknown>>): BoardFilter {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name]) : '');
  const orden = Object.hasOwn(SORT_ORDERS, text('orden')) ? (text('orden') as SortOrder) : 'entidad';
  const paso = /^[0-6]$/.test(text('paso')) ? Number(text('paso')) : undefined;
  const problema = Object.hasOwn(PROBLEMS, text('problema')) ? (text('problema') as Problem) : undefined;
  const texto = text('texto').slice(0, 60).trim() || undefined;
  return { orden, ...(paso !== undefined && { paso }), ...(problema && { problema }), ...(texto && { texto }) };
}

const stepOf = (row: BoardRow) => row.exercise?.currentStep ?? 0;

export function filterAndSort(rows: readonly BoardRow[], filter: BoardFilter): BoardRow[] {
  const texto = filter.texto && fold(filter.texto);
  const kept = rows.filter(
    (row) =>
      (filter.paso === undefined || stepOf(row) === filter.paso) &&
      (filter.problema === undefined || row.problems.includes(filter.problema)) &&
      (!texto || fold(row.nombre).includes(texto) || row.entidad === texto),
  );
  const byEntidad = (a: BoardRow, b: BoardRow) => a.entidad.localeCompare(b.entidad);
  const orders: Record<SortOrder, (a: BoardRow, b: BoardRow) => number> = {
    entidad: byEntidad,
    paso: (a, b) => stepOf(a) - stepOf(b) || byEntidad(a, b),
    problemas: (a, b) => b.problems.length - a.problems.length || byEntidad(a, b),
  };
  return [...kept].sort(orders[filter.orden]);
}

/** How many states are at each step (0 = no exercise yet), for the country chart. */
export function statesByStep(rows: readonly BoardRow[]): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const row of rows) counts[stepOf(row)] += 1;
  return counts;
}

export interface UpcomingDate {
  readonly entidad: Entidad;
  readonly nombre: string;
  readonly what: string;
  readonly on: LocalDate;
}

/**
 * What falls due next across the country (from today on): session marks, convened sessions, the end of the twelve
 * months for the six steps (until the PAL's launch), the end of a progress period, monitoring, evaluation.
 */
export function upcomingDates(rows: readonly BoardRow[], today: LocalDate, limit = 6): UpcomingDate[] {
  const dates = rows.flatMap((row) => {
    const { exercise, stl } = row;
    const open = exercise?.status === 'open';
    const candidates: [string, LocalDate | undefined][] = [
      ['Sesión convocada', stl?.nextSession?.date],
      ['Límite de la sesión bimestral', row.cadence.light === 'sin_plazo' ? undefined : row.cadence.dueOn],
      ['Fin de los doce meses para los seis pasos', open && !exercise.palLaunchedOn ? addMonths(exercise.startedOn, TERM_MONTHS) : undefined],
      ['Fin del periodo de reporte de avance', open && exercise.nextDeadline?.kind === 'progress_reminder' ? exercise.nextDeadline.dueOn : undefined],
      ['Monitoreo del PAL', exercise?.monitoringCompletedOn ? undefined : exercise?.monitoringDueOn],
      ['Evaluación del PAL', exercise?.evaluationCompletedOn ? undefined : exercise?.evaluationDueOn],
    ];
    return candidates
      .filter((candidate): candidate is [string, LocalDate] => candidate[1] !== undefined && candidate[1] >= today)
      .map(([what, on]) => ({ entidad: row.entidad, nombre: row.nombre, what, on }));
  });
  return dates.sort((a, b) => a.on.localeCompare(b.on) || a.entidad.localeCompare(b.entidad)).slice(0, limit);
}
