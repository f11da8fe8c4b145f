import {
  COMMITMENT_COMPLETIONS,
  type CommitmentCompletion,
  type Entidad,
  entidadName,
  EXERCISE_STAGES,
  EXERCISE_STEPS,
  type ExerciseSummary,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { exerciseResourceId } from '../exercises/exercise-id.pipe';
import { type CsvValue, toCsv } from './csv';

/**
 * One exercise as published for anyone (micrositio, MG cap. VII: "datos abiertos"): progress, dates and commitments.
 * Built from named columns only, never from STL members, users or notifications, so no contact data can leak.
 */
export interface OpenDataExercise {
  readonly id: string;
  readonly entidad: string;
  readonly entidadName: string;
  readonly number: number;
  readonly status: 'open' | 'closed';
  readonly currentStep: number;
  readonly currentStepName: string | null;
  readonly currentStage: number;
  readonly currentStageName: string | null;
  readonly startedOn: string;
  readonly lastProgressOn: string;
  readonly palLaunchedOn: string | null;
  readonly monitoringDueOn: string | null;
  readonly monitoringCompletedOn: string | null;
  readonly evaluationDueOn: string | null;
  readonly evaluationCompletedOn: string | null;
  readonly closedOn: string | null;
  readonly commitments: {
    readonly total: number;
    /** False while the commitments are the mesas' draft: then none is published (total 0, no items). */
    readonly launched: boolean;
    readonly byCompletion: Readonly<Record<CommitmentCompletion, number>>;
    readonly items: ExerciseSummary['commitments']['items'];
  };
}

export interface OpenDataDocument {
  readonly generatedAt: string;
  readonly count: number;
  readonly exercises: readonly OpenDataExercise[];
}

export interface OpenDataRow {
  readonly id: string;
  readonly entidad: Entidad;
  readonly number: number;
  readonly status: 'open' | 'closed';
  readonly current_step: number;
  readonly current_stage: number;
  readonly started_on: string;
  readonly last_progress_on: string;
  readonly pal_launched_on: string | null;
  readonly monitoring_due_on: string | null;
  readonly monitoring_completed_on: string | null;
  readonly evaluation_due_on: string | null;
  readonly evaluation_completed_on: string | null;
  readonly closed_on: string | null;
  readonly commitments: ExerciseSummary['commitments'] | null;
}

// Dates as text: PostgreSQL's YYYY-MM-DD, never shifted by the server's time zone.
const OPEN_DATA_QUERY = `
  SELECT id, entidad, number, status, current_step, current_stage,
         started_on::text, last_progress_on::text, pal_launched_on::text, monitoring_due_on::text,
         summary->>'monitoringCompletedOn' AS monitoring_completed_on, evaluation_due_on::text,
         summary->>'evaluationCompletedOn' AS evaluation_completed_on, closed_on::text,
         summary->'commitments' AS commitments
    FROM exercises
   ORDER BY entidad, number`;

const STEP_NAMES = new Map<number, string>(EXERCISE_STEPS.map(({ number, name }) => [number, name]));
const STAGE_NAMES = new Map<number, string>(EXERCISE_STAGES.map(({ number, name }) => [number, name]));

const COMPLETION_COLUMNS: Readonly<Record<CommitmentCompletion, string>> = {
  not_started: 'commitmentsNotStarted',
  limited: 'commitmentsLimited',
  substantial: 'commitmentsSubstantial',
  complete: 'commitmentsComplete',
  withdrawn: 'commitmentsWithdrawn',
};

const SCALAR_COLUMNS = [
  'id',
  'entidad',
  'entidadName',
  'number',
  'status',
  'currentStep',
  'currentStepName',
  'currentStage',
  'currentStageName',
  'startedOn',
  'lastProgressOn',
  'palLaunchedOn',
  'monitoringDueOn',
  'monitoringCompletedOn',
  'evaluationDueOn',
  'evaluationCompletedOn',
  'closedOn',
] as const satisfies readonly (keyof OpenDataExercise)[];

export const OPEN_DATA_CSV_HEADER: readonly string[] = [
  ...SCALAR_COLUMNS,
  'commitments',
  'commitmentsLaunched',
  ...COMMITMENT_COMPLETIONS.map((completion) => COMPLETION_COLUMNS[completion]),
];

export function publishExercise(row: OpenDataRow): OpenDataExercise {
  // The mesas' draft is not public: like the public board, nothing of the PAL (not even its count) before its launch.
  const launched = row.pal_launched_on !== null;
  const commitments = launched ? row.commitments : null;
  return {
    id: exerciseResourceId(row.id),
    entidad: row.entidad,
    entidadName: entidadName(row.entidad),
    number: row.number,
    status: row.status,
    currentStep: row.current_step,
    currentStepName: STEP_NAMES.get(row.current_step) ?? null,
    currentStage: row.current_stage,
    currentStageName: STAGE_NAMES.get(row.current_stage) ?? null,
    startedOn: row.started_on,
    lastProgressOn: row.last_progress_on,
    palLaunchedOn: row.pal_launched_on,
    monitoringDueOn: row.monitoring_due_on,
    monitoringCompletedOn: row.monitoring_completed_on,
    evaluationDueOn: row.evaluation_due_on,
    evaluationCompletedOn: row.evaluation_completed_on,
    closedOn: row.closed_on,
    commitments: {
      total: commitments?.total ?? 0,
      launched,
      byCompletion: Object.fromEntries(
        COMMITMENT_COMPLETIONS.map((completion) => [completion, commitments?.byCompletion[completion] ?? 0]),
      ) as Record<CommitmentCompletion, number>,
      items: (commitments?.items ?? []).map(({ id, title, kind, completion, reportedOn }) => ({
        id,
        title,
        kind,
        completion,
        ...(reportedOn !== undefined && { reportedOn }),
      })),
    },
  };
}

function csvRecord(exercise: OpenDataExercise): CsvValue[] {
  const { commitments } = exercise;
  return [
    ...SCALAR_COLUMNS.map((column) => exercise[column]),
    commitments.total,
    commitments.launched,
    ...COMMITMENT_COMPLETIONS.map((completion) => commitments.byCompletion[completion]),
  ];
}

@Injectable()
export class OpenDataService {
  constructor(private readonly dataSource: DataSource) {}

  async exercises(): Promise<OpenDataDocument> {
    const rows: OpenDataRow[] = await this.dataSource.query(OPEN_DATA_QUERY);
    const exercises = rows.map(publishExercise);
    return { generatedAt: new Date().toISOString(), count: exercises.length, exercises };
  }

  async exercisesCsv(): Promise<string> {
    const { exercises } = await this.exercises();
    return toCsv(OPEN_DATA_CSV_HEADER, exercises.map(csvRecord));
  }
}
