import { type CommandPayload, type CommandUpdateDefinition, exerciseUpdates, exerciseWorkflowId, getExerciseState } from '@app/contracts';
import { entidadName, type Entidad, type ExerciseState, type ExerciseSummary, exerciseSummary } from '@app/domain';
import { ExerciseView } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ALL_ENTIDADES } from '../auth/entidad-access';
import { ApiProblem } from '../errors/api-problem';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { type CompleteStageDto, type ListExercisesQuery, type StartExerciseDto } from './exercises.dto';
import { exerciseResourceId } from './exercise-id.pipe';

export type ExerciseResponse = ExerciseSummary & { readonly id: string; readonly workflowId: string };

const EXERCISE_NOT_FOUND = { code: 'EXERCISE_NOT_FOUND', message: 'El ejercicio no existe.' };

function present(summary: ExerciseSummary): ExerciseResponse {
  return { id: exerciseResourceId(summary.streamId), workflowId: summary.streamId, ...summary };
}

function presentState(state: ExerciseState): ExerciseResponse {
  const summary = exerciseSummary(state);
  if (!summary) throw new ApiProblem(404, EXERCISE_NOT_FOUND.code, EXERCISE_NOT_FOUND.message);
  return present(summary);
}

@Injectable()
export class ExercisesService {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly dataSource: DataSource,
  ) {}

  async start(dto: StartExerciseDto, actor?: string): Promise<ExerciseResponse> {
    const views = this.dataSource.getRepository(ExerciseView);
    const alreadyOpen = {
      code: 'EXERCISE_ALREADY_OPEN',
      message: `${entidadName(dto.entidad as Entidad)} ya tiene un ejercicio abierto; ciérrelo antes de iniciar otro.`,
    };
    const open = await views.findOne({ where: { entidad: dto.entidad, status: 'open' } });
    if (open) throw new ApiProblem(409, alreadyOpen.code, alreadyOpen.message, { exerciseId: exerciseResourceId(open.id) });
    const latest = await views.maximum('number', { entidad: dto.entidad });
    const number = (latest ?? 0) + 1;
    const state = await this.commands.startWith(
      'exerciseWorkflow',
      { workflowId: exerciseWorkflowId(dto.entidad, number), args: [{ entidad: dto.entidad, number }] },
      exerciseUpdates.StartExercise,
      { data: { entidad: dto.entidad, number, startedOn: dto.startedOn }, actor },
      alreadyOpen,
    );
    return presentState(state);
  }

  /** Only the rows of `readable`, the states the caller may see (a foreign `entidad` filter finds nothing). */
  async list(query: ListExercisesQuery, readable: typeof ALL_ENTIDADES | readonly Entidad[]): Promise<ExerciseResponse[]> {
    const scope = readable === ALL_ENTIDADES ? undefined : readable;
    if (scope && (scope.length === 0 || (query.entidad && !scope.some((entidad) => entidad === query.entidad)))) return [];
    const entidad = query.entidad ?? (scope && In([...scope]));
    const rows = await this.dataSource.getRepository(ExerciseView).find({
      where: { ...(entidad && { entidad }), ...(query.status && { status: query.status }) },
      order: { entidad: 'ASC', number: 'ASC' },
    });
    return rows.map((row) => present(row.summary));
  }

  async get(workflowId: string): Promise<ExerciseResponse> {
    const row = await this.dataSource.getRepository(ExerciseView).findOneBy({ id: workflowId });
    if (row) return present(row.summary);
    // Not projected yet (the first command is still being stored): ask the workflow itself.
    const state = await this.commands.query(workflowId, (handle) => handle.query(getExerciseState), EXERCISE_NOT_FOUND);
    return presentState(state);
  }

  async completeStage(workflowId: string, stage: number, dto: CompleteStageDto, actor?: string): Promise<ExerciseResponse> {
    return this.command(workflowId, 'CompleteStage', { stage, ...dto }, actor);
  }

  private async command<T extends keyof typeof exerciseUpdates>(
    workflowId: string,
    type: T,
    data: CommandPayload['data'],
    actor?: string,
  ): Promise<ExerciseResponse> {
    const update = exerciseUpdates[type] as CommandUpdateDefinition<ExerciseState>;
    return presentState(await this.commands.execute(workflowId, update, { data, actor }, EXERCISE_NOT_FOUND));
  }
}
