import {
  type CommandPayload,
  type CommandUpdateDefinition,
  exerciseUpdates,
  exerciseWorkflowId,
  stlUpdates,
  stlWorkflowId,
} from '@app/contracts';
import { type DecisionRule, entidadName, type Entidad, type ExerciseSummary } from '@app/domain';
import { ExerciseView } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Readable, readScope } from '../auth/read-scope';
import { ApiProblem } from '../errors/api-problem';
import { choiceKeptAcrossRetries, earlierChoice } from '../idempotency/command-scope';
import { type NotFoundMessage, WorkflowCommands } from '../temporal/workflow-commands';
import { WorkflowInputs } from '../temporal/workflow-inputs';
import {
  type CommitmentProgressDto,
  type DefineCommitmentsDto,
  type LaunchPalDto,
} from './commitments.dto';
import {
  type AdoptedDocumentDto,
  type CompleteStageDto,
  type CompleteStepDto,
  DEFAULT_LIST_LIMIT,
  type ListExercisesQuery,
  type PalReviewDto,
  type StartExerciseDto,
} from './exercises.dto';
import { closedExerciseOr } from './closed-exercise';
import { exerciseResourceId } from './exercise-id.pipe';
import { EXERCISE_LIST_ITEM_SQL, type ExerciseListRow, listPageJson } from './exercise-list';

export type ExerciseResponse = ExerciseSummary & { readonly id: string; readonly workflowId: string };

/** The number a POST /api/exercises chose, kept with its Idempotency-Key for its retries. */
const EXERCISE_NUMBER = 'exerciseNumber';

const EXERCISE_NOT_FOUND = { code: 'EXERCISE_NOT_FOUND', message: 'El ejercicio no existe.' };

/** The STL is created with the exercise that needs it, and this rule, unless the request names another. */
export const DEFAULT_DECISION_RULE: DecisionRule = 'consensus_then_majority';

function present(summary: ExerciseSummary): ExerciseResponse {
  return { id: exerciseResourceId(summary.streamId), workflowId: summary.streamId, ...summary };
}


@Injectable()
export class ExercisesService {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly dataSource: DataSource,
    private readonly inputs: WorkflowInputs,
  ) {}

  /**
   * Starts `exercise/<entidad>/<n>`, after making sure `stl/<entidad>` runs: the exercise signals its STL (the
   * installation at stage 10, its opening) and a signal to a workflow that does not exist is lost.
   */
  async start(dto: StartExerciseDto, actor?: string): Promise<ExerciseResponse> {
    const alreadyOpen = {
      code: 'EXERCISE_ALREADY_OPEN',
      message: `${entidadName(dto.entidad as Entidad)} ya tiene un ejercicio abierto; ciérrelo antes de iniciar otro.`,
    };
    // A retry under the same Idempotency-Key starts the number its first attempt chose, even if that one is open now.
    const number = earlierChoice<number>(EXERCISE_NUMBER) ?? (await this.nextExerciseNumber(dto.entidad, alreadyOpen));
    await choiceKeptAcrossRetries(EXERCISE_NUMBER, number);
    await this.ensureStl(dto.entidad as Entidad, dto.decisionRule ?? DEFAULT_DECISION_RULE, actor);
    const workflowId = exerciseWorkflowId(dto.entidad, number);
    await this.commands.startWith(
      'exerciseWorkflow',
      { workflowId, args: [this.inputs.exercise(dto.entidad, number)] },
      exerciseUpdates.StartExercise,
      { data: { entidad: dto.entidad, number, startedOn: dto.startedOn }, actor },
      alreadyOpen,
    );
    return this.get(workflowId);
  }

  /**
   * Only the rows of `readable`, the states the caller may see (a foreign `entidad` filter finds nothing), one page
   * at a time in (entidad, number) order, which the unique index on those columns serves; each row cut down to the
   * list's fields by PostgreSQL and passed through as JSON text (ExerciseListItem[]).
   */
  async list(query: ListExercisesQuery, readable: Readable): Promise<string> {
    const scope = readScope(readable, query.entidad);
    if (!scope) return '[]';
    const page = this.dataSource
      .getRepository(ExerciseView)
      .createQueryBuilder('exercise')
      .select('exercise.id', 'id')
      .addSelect(EXERCISE_LIST_ITEM_SQL, 'item')
      .orderBy('exercise.entidad')
      .addOrderBy('exercise.number')
      .limit(query.limit ?? DEFAULT_LIST_LIMIT)
      .offset(query.offset ?? 0);
    if (scope.entidades) page.andWhere('exercise.entidad IN (:...entidades)', { entidades: scope.entidades });
    if (query.status) page.andWhere('exercise.status = :status', { status: query.status });
    return listPageJson(await page.getRawMany<ExerciseListRow>(), exerciseResourceId);
  }

  /**
   * The exercise as its projection row holds it: what GETs show and what a command answers, since the command's
   * append wrote the row in its own transaction before the Update returned (read-your-writes).
   */
  async get(workflowId: string): Promise<ExerciseResponse> {
    const row = await this.dataSource.getRepository(ExerciseView).findOne({ where: { id: workflowId }, select: { id: true, summary: true } });
    if (!row) throw new ApiProblem(404, EXERCISE_NOT_FOUND.code, EXERCISE_NOT_FOUND.message);
    return present(row.summary);
  }

  completeStage(workflowId: string, stage: number, dto: CompleteStageDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'CompleteStage', { stage, ...dto }, actor);
  }

  completeStep(workflowId: string, step: number, dto: CompleteStepDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'CompleteStep', { step, ...dto }, actor);
  }

  recordGovernanceMechanism(workflowId: string, dto: AdoptedDocumentDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'RecordGovernanceMechanism', { ...dto }, actor);
  }

  recordAnnualAgenda(workflowId: string, dto: AdoptedDocumentDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'RecordAnnualAgenda', { ...dto }, actor);
  }

  defineCommitments(workflowId: string, dto: DefineCommitmentsDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'DefineCommitments', { ...dto }, actor);
  }

  launchPal(workflowId: string, dto: LaunchPalDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'LaunchPal', { ...dto }, actor);
  }

  updateCommitmentProgress(workflowId: string, commitmentId: string, dto: CommitmentProgressDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'UpdateCommitmentProgress', { commitmentId, ...dto }, actor);
  }

  recordMonitoring(workflowId: string, dto: PalReviewDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'RecordMonitoring', { ...dto }, actor);
  }

  recordEvaluation(workflowId: string, dto: PalReviewDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'RecordEvaluation', { ...dto }, actor);
  }

  private async nextExerciseNumber(entidad: string, alreadyOpen: NotFoundMessage): Promise<number> {
    const views = this.dataSource.getRepository(ExerciseView);
    const open = await views.findOne({ where: { entidad, status: 'open' }, select: { id: true } });
    if (open) throw new ApiProblem(409, alreadyOpen.code, alreadyOpen.message, { exerciseId: exerciseResourceId(open.id) });
    return ((await views.maximum('number', { entidad })) ?? 0) + 1;
  }

  /** `stl/<entidad>` registered once; an STL already running (or already registered) is just what we want. */
  private async ensureStl(entidad: Entidad, decisionRule: DecisionRule, actor?: string): Promise<void> {
    await this.commands.ensureStarted(
      'stlWorkflow',
      { workflowId: stlWorkflowId(entidad), args: [this.inputs.stl(entidad)] },
      stlUpdates.RegisterStl,
      { data: { entidad, decisionRule }, actor },
      ['STL_ALREADY_REGISTERED'],
    );
  }

  private async command<T extends keyof typeof exerciseUpdates>(
    workflowId: string,
    type: T,
    data: CommandPayload['data'],
    actor?: string,
  ): Promise<ExerciseResponse> {
    const update = exerciseUpdates[type] as CommandUpdateDefinition;
    await this.commands.execute(workflowId, update, { data, actor }, EXERCISE_NOT_FOUND).catch(async (error: unknown) => {
      throw await closedExerciseOr(error, this.dataSource, workflowId);
    });
    return this.get(workflowId);
  }
}
