import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { readableEntidades } from '../auth/entidad-access';
import { EntidadAccess } from '../auth/entidad-access.guard';
import { ApiAuthenticated } from '../auth/public.decorator';
import { IdempotentCommand } from '../idempotency/idempotent-command.decorator';
import { IntParamPipe } from '../validation/int-param.pipe';
import {
  AdoptedDocumentDto,
  CompleteStageDto,
  CompleteStepDto,
  DEFAULT_LIST_LIMIT,
  ListExercisesQuery,
  StartExerciseDto,
} from './exercises.dto';
import { ApiBodyExamples, EXERCISE_EXAMPLES, EXERCISE_LIST_EXAMPLE, VALIDATION_FAILED_EXAMPLE } from './exercises.examples';
import { ExerciseIdPipe } from './exercise-id.pipe';
import { ApiValidationFailed, ENTIDAD_OF_EXERCISE, OnExercise } from './exercise-routes';
import { type ExerciseResponse, ExercisesService } from './exercises.service';

@ApiTags('ejercicios')
@ApiAuthenticated()
@Controller('exercises')
export class ExercisesController {
  constructor(private readonly exercises: ExercisesService) {}

  @Post()
  @IdempotentCommand()
  @EntidadAccess('command', ENTIDAD_OF_EXERCISE.body)
  @ApiBodyExamples(StartExerciseDto, EXERCISE_EXAMPLES.start)
  @ApiCreatedResponse({ description: 'Ejercicio iniciado: flujo `exercise/<entidad>/<n>`, y `stl/<entidad>` si no existía' })
  @ApiBadRequestResponse({ description: 'Entidad, fecha o regla de decisión inválidas (VALIDATION_FAILED)', example: VALIDATION_FAILED_EXAMPLE })
  @ApiConflictResponse({ description: 'La entidad ya tiene un ejercicio abierto (EXERCISE_ALREADY_OPEN)' })
  @ApiUnprocessableEntityResponse({ description: 'Fecha futura (DATE_IN_FUTURE)' })
  start(@Body() body: StartExerciseDto, @CurrentUser() user: AuthenticatedUser): Promise<ExerciseResponse> {
    return this.exercises.start(body, user.username);
  }

  @Get()
  @EntidadAccess('read', ENTIDAD_OF_EXERCISE.query)
  @ApiOkResponse({
    description:
      'Ejercicios con su paso y etapa actuales, de las entidades que la cuenta puede consultar, por entidad y número; ' +
      `una página de \`limit\` (por omisión ${DEFAULT_LIST_LIMIT}) a partir de \`offset\`: pida la siguiente mientras llegue completa. ` +
      'Cada uno sin etapas, pasos, escalamientos ni atributos de búsqueda: el detalle los tiene',
    example: EXERCISE_LIST_EXAMPLE,
  })
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(@Query() query: ListExercisesQuery, @CurrentUser() user: AuthenticatedUser): Promise<string> {
    return this.exercises.list(query, readableEntidades(user));
  }

  @Get(':id')
  @OnExercise('read')
  @ApiOkResponse({ description: 'El resumen completo: etapas, pasos, escalamientos, compromisos, plazos' })
  @ApiNotFoundResponse({ description: 'EXERCISE_NOT_FOUND' })
  get(@Param('id', ExerciseIdPipe) id: string): Promise<ExerciseResponse> {
    return this.exercises.get(id);
  }

  @Post(':id/stages/:stage/complete')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiParam({ name: 'stage', description: 'Etapa de instalación (1–10, Anexo 1)', example: 1 })
  @ApiBodyExamples(CompleteStageDto, EXERCISE_EXAMPLES.stage)
  @ApiOkResponse({ description: 'Etapa concluida; el nuevo estado del ejercicio' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'STAGE_OUT_OF_ORDER, STAGE_ALREADY_COMPLETED, EXERCISE_CLOSED…' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS, JUSTIFICATION_REQUIRED…' })
  completeStage(
    @Param('id', ExerciseIdPipe) id: string,
    @Param('stage', new IntParamPipe('stage', 1, 10)) stage: number,
    @Body() body: CompleteStageDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.completeStage(id, stage, body, user.username);
  }

  @Post(':id/steps/:step/complete')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiParam({ name: 'step', description: 'Paso (1–6); solo el 1 y el 4 se concluyen así, los demás por sí mismos', example: 1 })
  @ApiBodyExamples(CompleteStepDto, EXERCISE_EXAMPLES.step)
  @ApiOkResponse({ description: 'Paso concluido; el nuevo estado del ejercicio' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'STEP_OUT_OF_ORDER, STEP_ALREADY_COMPLETED, STEP_REQUIREMENTS_MISSING (con `missing`)…' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, INVALID_STEP…' })
  completeStep(
    @Param('id', ExerciseIdPipe) id: string,
    @Param('step', new IntParamPipe('step', 1, 6)) step: number,
    @Body() body: CompleteStepDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.completeStep(id, step, body, user.username);
  }

  @Post(':id/governance-mechanism')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiBodyExamples(AdoptedDocumentDto, EXERCISE_EXAMPLES.governanceMechanism)
  @ApiOkResponse({ description: 'Mecanismo de gobernanza registrado (requisito del paso 3); el nuevo estado del ejercicio' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'EXERCISE_CLOSED…' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, INVALID_URL…' })
  recordGovernanceMechanism(
    @Param('id', ExerciseIdPipe) id: string,
    @Body() body: AdoptedDocumentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.recordGovernanceMechanism(id, body, user.username);
  }

  @Post(':id/annual-agenda')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiBodyExamples(AdoptedDocumentDto, EXERCISE_EXAMPLES.annualAgenda)
  @ApiOkResponse({ description: 'Agenda anual de trabajo registrada (requisito del paso 3); el nuevo estado del ejercicio' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'EXERCISE_CLOSED…' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, INVALID_URL…' })
  recordAnnualAgenda(
    @Param('id', ExerciseIdPipe) id: string,
    @Body() body: AdoptedDocumentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.recordAnnualAgenda(id, body, user.username);
  }
}
