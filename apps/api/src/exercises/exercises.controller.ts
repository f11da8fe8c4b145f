import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { ApiAuthenticated } from '../auth/public.decorator';
import { IntParamPipe } from '../validation/int-param.pipe';
import { CompleteStageDto, ListExercisesQuery, StartExerciseDto } from './exercises.dto';
import { entidadOfExerciseParam, ExerciseIdPipe } from './exercise-id.pipe';
import { type ExerciseResponse, ExercisesService } from './exercises.service';

const EXERCISE_ID = { name: 'id', description: 'Ejercicio: <entidad>-<número>', example: '14-1' };

const ENTIDAD_OF_EXERCISE = entidadFrom.param('id', entidadOfExerciseParam);

@ApiTags('ejercicios')
@ApiAuthenticated()
@Controller('exercises')
export class ExercisesController {
  constructor(private readonly exercises: ExercisesService) {}

  @Post()
  @EntidadAccess('command', entidadFrom.body('entidad'))
  @ApiCreatedResponse({ description: 'Ejercicio iniciado: flujo `exercise/<entidad>/<n>`' })
  @ApiBadRequestResponse({ description: 'Entidad o fecha inválidas (VALIDATION_FAILED)' })
  @ApiConflictResponse({ description: 'La entidad ya tiene un ejercicio abierto (EXERCISE_ALREADY_OPEN)' })
  @ApiUnprocessableEntityResponse({ description: 'Fecha futura (DATE_IN_FUTURE)' })
  start(@Body() body: StartExerciseDto, @CurrentUser() user: AuthenticatedUser): Promise<ExerciseResponse> {
    return this.exercises.start(body, user.username);
  }

  @Get()
  @EntidadAccess('read', entidadFrom.query('entidad'))
  @ApiOkResponse({ description: 'Ejercicios con su paso y etapa actuales, de las entidades que la cuenta puede consultar' })
  list(@Query() query: ListExercisesQuery, @CurrentUser() user: AuthenticatedUser): Promise<ExerciseResponse[]> {
    return this.exercises.list(query, readableEntidades(user));
  }

  @Get(':id')
  @EntidadAccess('read', ENTIDAD_OF_EXERCISE)
  @ApiParam(EXERCISE_ID)
  @ApiNotFoundResponse({ description: 'EXERCISE_NOT_FOUND' })
  get(@Param('id', ExerciseIdPipe) id: string): Promise<ExerciseResponse> {
    return this.exercises.get(id);
  }

  @Post(':id/stages/:stage/complete')
  @EntidadAccess('command', ENTIDAD_OF_EXERCISE)
  @HttpCode(200)
  @ApiParam(EXERCISE_ID)
  @ApiParam({ name: 'stage', description: 'Etapa de instalación (1–10, Anexo 1)', example: 1 })
  @ApiOkResponse({ description: 'Etapa concluida; el nuevo estado del ejercicio' })
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
}
