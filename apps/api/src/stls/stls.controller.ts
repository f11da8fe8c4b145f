import { type Entidad } from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { readableEntidades } from '../auth/entidad-access';
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { ApiAuthenticated } from '../auth/public.decorator';
import { IdempotentCommand } from '../idempotency/idempotent-command.decorator';
import { EntidadParamPipe } from './stl-validation';
import { detailFor, type StlDetailResponse, type StlResponse, summaryFor } from './stl-views';
import {
  AppointFacilitadorDto,
  ChangeDecisionRuleDto,
  CompleteRenewalDto,
  InstallStlDto,
  ListStlsQuery,
  SetNonWorkingDaysDto,
  StartRenewalDto,
  VacateFacilitadorDto,
} from './stls.dto';
import { StlsService } from './stls.service';
import { AdoptGovernanceMechanismDto, RecordWorkingMeetingDto } from './stl-governance.dto';
import { STL_DETAIL_EXAMPLE, STL_LIST_EXAMPLE } from './stl-openapi-examples';
import { OnStl } from './stl-routes';

const NEW_STATE = 'El nuevo estado del STL: resumen, integrantes, sesiones y escalamientos abiertos';

@ApiTags('stl')
@ApiAuthenticated()
@Controller('stls')
export class StlsController {
  constructor(private readonly stls: StlsService) {}

  @Get()
  @EntidadAccess('read', entidadFrom.query('entidad'))
  @ApiOkResponse({ description: 'Resumen de cada STL que la cuenta puede consultar', schema: { example: STL_LIST_EXAMPLE } })
  @ApiBadRequestResponse({ description: 'Filtro inválido (VALIDATION_FAILED)' })
  async list(@Query() query: ListStlsQuery, @CurrentUser() user: AuthenticatedUser): Promise<StlResponse[]> {
    return (await this.stls.list(query, readableEntidades(user))).map((stl) => summaryFor(user, stl));
  }

  @Get(':entidad')
  @OnStl('read')
  @ApiOkResponse({ description: 'Resumen, integrantes, sesiones y escalamientos abiertos del STL', schema: { example: STL_DETAIL_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'La entidad no tiene STL registrado (STL_NOT_FOUND)' })
  async get(@Param('entidad', EntidadParamPipe) entidad: Entidad, @CurrentUser() user: AuthenticatedUser): Promise<StlDetailResponse> {
    return detailFor(user, await this.stls.get(entidad));
  }

  @Post(':entidad/installation')
  @IdempotentCommand()
  @OnStl('command')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      `STL instalado (etapa 10, acta de instalación): el ejercicio de la entidad lo sabe por el estado que el STL le informa, y el paso 3 concluye si no le falta otra cosa. Un STL ya instalado queda igual. ${NEW_STATE}`,
  })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'MISSING_SECTOR_TITULAR (con `missing`: los sectores sin titular)' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE' })
  install(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: InstallStlDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.installStl(entidad, body, user.username);
  }

  @Put(':entidad/facilitador')
  @IdempotentCommand()
  @OnStl('command')
  @ApiOkResponse({ description: `Facilitador nombrado; resuelve los escalamientos por vacante. ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'FACILITADOR_ALREADY_APPOINTED (primero registre la vacante), DUPLICATE_MEMBER, DECISION_REQUIRED (STL instalado sin decisión ni acto histórico)',
  })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE' })
  appointFacilitador(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: AppointFacilitadorDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.appointFacilitador(entidad, body, user.username);
  }

  @Delete(':entidad/facilitador')
  @IdempotentCommand()
  @OnStl('command')
  @ApiOkResponse({
    description: `Puesto de facilitador vacante desde \`vacatedOn\` (cuerpo JSON opcional, no parámetros de consulta; sin cuerpo, vacante desde hoy y sin motivo). ${NEW_STATE}`,
  })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'FACILITADOR_ALREADY_VACANT' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, VACATED_BEFORE_APPOINTED' })
  vacateFacilitador(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: VacateFacilitadorDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.vacateFacilitador(entidad, body, user.username);
  }

  @Put(':entidad/decision-rule')
  @IdempotentCommand()
  @OnStl('command')
  @ApiOkResponse({ description: `Regla de decisión del STL (la misma regla otra vez no cambia nada). ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  changeDecisionRule(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: ChangeDecisionRuleDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.changeDecisionRule(entidad, body, user.username);
  }

  @Put(':entidad/governance')
  @IdempotentCommand()
  @OnStl('command')
  @ApiOkResponse({
    description:
      `Nueva versión del mecanismo de gobernanza (etapa 9; una vez instalado, por decisión del STL o como acto histórico). ${NEW_STATE}`,
  })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'DECISION_REQUIRED, DECISION_NOT_FOUND, DECISION_NOT_ABOUT_ACT, DECISION_NOT_APPROVED, DECISION_ALREADY_USED, MECHANISM_BEFORE_CURRENT' })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_MECHANISM, DATE_IN_FUTURE' })
  adoptGovernance(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: AdoptGovernanceMechanismDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.adoptGovernance(entidad, body, user.username);
  }

  @Post(':entidad/working-meetings')
  @IdempotentCommand()
  @OnStl('command')
  @ApiCreatedResponse({ description: `Reunión de trabajo registrada aparte de las sesiones: nunca cuenta como inasistencia. ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'WORKING_MEETING_EXISTS, UNKNOWN_MEMBER' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE' })
  recordWorkingMeeting(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: RecordWorkingMeetingDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.recordWorkingMeeting(entidad, body, user.username);
  }

  @Put(':entidad/non-working-days')
  @IdempotentCommand()
  @OnStl('command')
  @ApiOkResponse({ description: `Días inhábiles propios del STL, que cuentan para el aviso de cinco días hábiles. ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  setNonWorkingDays(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: SetNonWorkingDaysDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.setNonWorkingDays(entidad, body, user.username);
  }

  @Post(':entidad/civil-society-renewal/start')
  @IdempotentCommand()
  @OnStl('command')
  @HttpCode(200)
  @ApiOkResponse({ description: `Renovación de la sociedad civil abierta al concluir un PAL (MG cap. III, 3 d). ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'RENEWAL_ALREADY_PENDING, STL_NOT_INSTALLED' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE' })
  startRenewal(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: StartRenewalDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.startRenewal(entidad, body, user.username);
  }

  @Post(':entidad/civil-society-renewal/complete')
  @IdempotentCommand()
  @OnStl('command')
  @HttpCode(200)
  @ApiOkResponse({ description: `Renovación concluida: la sociedad civil tiene titular. ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'RENEWAL_NOT_PENDING, MISSING_SECTOR_TITULAR' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, RENEWAL_BEFORE_PAL_END' })
  completeRenewal(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: CompleteRenewalDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.completeRenewal(entidad, body, user.username);
  }
}
