import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ApiAuthenticated } from '../auth/public.decorator';
import { IdempotentCommand } from '../idempotency/idempotent-command.decorator';
import { CommitmentIdPipe } from './commitment-id.pipe';
import { CommitmentProgressDto, DefineCommitmentsDto, LaunchPalDto } from './commitments.dto';
import { PalReviewDto } from './exercises.dto';
import { ApiBodyExamples, EXERCISE_EXAMPLES, PAL_INVALID_EXAMPLE } from './exercises.examples';
import { ExerciseIdPipe } from './exercise-id.pipe';
import { ApiValidationFailed, OnExercise } from './exercise-routes';
import { type ExerciseResponse, ExercisesService } from './exercises.service';

/** Steps 4 to 6: the mesas' commitments, the PAL's launch, its progress, monitoring and evaluation. */
@ApiTags('ejercicios')
@ApiAuthenticated()
@Controller('exercises/:id')
export class PalController {
  constructor(private readonly exercises: ExercisesService) {}

  @Put('commitments')
  @IdempotentCommand()
  @OnExercise('command')
  @ApiBodyExamples(DefineCommitmentsDto, EXERCISE_EXAMPLES.commitments)
  @ApiOkResponse({ description: 'Borrador de compromisos de las mesas (paso 4), que reemplaza al anterior; el nuevo estado' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'PAL_ALREADY_LAUNCHED, EXERCISE_CLOSED…' })
  @ApiUnprocessableEntityResponse({ description: 'COMMITMENTS_INVALID (identificadores repetidos…), con `violations`' })
  defineCommitments(
    @Param('id', ExerciseIdPipe) id: string,
    @Body() body: DefineCommitmentsDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.defineCommitments(id, body, user.username);
  }

  @Post('pal')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiBodyExamples(LaunchPalDto, EXERCISE_EXAMPLES.pal)
  @ApiOkResponse({ description: 'PAL lanzado (paso 5): inicia su año; monitoreo a los 6 meses y evaluación a los 12' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'PAL_ALREADY_LAUNCHED, STEP_OUT_OF_ORDER, EXERCISE_CLOSED…' })
  @ApiUnprocessableEntityResponse({
    description: 'PAL_INVALID con la lista `violations` (mínimos de 2015: 5 compromisos, 2 + 2 + 1), DATE_IN_FUTURE…',
    example: PAL_INVALID_EXAMPLE,
  })
  launchPal(
    @Param('id', ExerciseIdPipe) id: string,
    @Body() body: LaunchPalDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.launchPal(id, body, user.username);
  }

  @Post('commitments/:commitmentId/progress')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiParam({ name: 'commitmentId', description: 'Identificador del compromiso', example: 'C1' })
  @ApiBodyExamples(CommitmentProgressDto, EXERCISE_EXAMPLES.progress)
  @ApiOkResponse({ description: 'Avance registrado en la escala del MRI; el nuevo estado del ejercicio' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'PAL_NOT_LAUNCHED, COMMITMENT_NOT_FOUND, DATE_BEFORE_PREVIOUS…' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, INVALID_URL…' })
  updateCommitmentProgress(
    @Param('id', ExerciseIdPipe) id: string,
    @Param('commitmentId', CommitmentIdPipe) commitmentId: string,
    @Body() body: CommitmentProgressDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.updateCommitmentProgress(id, commitmentId, body, user.username);
  }

  @Post('monitoring')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiBodyExamples(PalReviewDto, EXERCISE_EXAMPLES.monitoring)
  @ApiOkResponse({ description: 'Monitoreo de los seis meses registrado; el nuevo estado del ejercicio' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'PAL_NOT_LAUNCHED, MONITORING_NOT_DUE, MONITORING_ALREADY_RECORDED…' })
  @ApiUnprocessableEntityResponse({ description: 'SUMMARY_REQUIRED, DATE_IN_FUTURE…' })
  recordMonitoring(
    @Param('id', ExerciseIdPipe) id: string,
    @Body() body: PalReviewDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.recordMonitoring(id, body, user.username);
  }

  @Post('evaluation')
  @IdempotentCommand()
  @OnExercise('command')
  @HttpCode(200)
  @ApiBodyExamples(PalReviewDto, EXERCISE_EXAMPLES.evaluation)
  @ApiOkResponse({ description: 'Evaluación anual registrada: concluye el paso 6 y cierra el ejercicio' })
  @ApiValidationFailed()
  @ApiConflictResponse({ description: 'PAL_NOT_LAUNCHED, EVALUATION_NOT_DUE, EXERCISE_CLOSED…' })
  @ApiUnprocessableEntityResponse({ description: 'SUMMARY_REQUIRED, DATE_IN_FUTURE…' })
  recordEvaluation(
    @Param('id', ExerciseIdPipe) id: string,
    @Body() body: PalReviewDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseResponse> {
    return this.exercises.recordEvaluation(id, body, user.username);
  }
}
