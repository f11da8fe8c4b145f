import { type Entidad } from '@app/domain';
import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ApiAuthenticated } from '../auth/public.decorator';
import { IdempotentCommand } from '../idempotency/idempotent-command.decorator';
import {
  ATTENDANCE_EXAMPLE,
  DECISION_EXAMPLE,
  NOTICE_TOO_SHORT_EXAMPLE,
  SESSION_EXAMPLE,
} from './stl-openapi-examples';
import {
  ApproveMinutesDto,
  CancelSessionDto,
  RescheduleSessionDto,
  ConveneSessionDto,
  RecordAttendanceDto,
  RecordDecisionDto,
} from './stl-sessions.dto';
import { StlSessionsService } from './stl-sessions.service';
import { type AttendanceOutcome, type DecisionOutcomeResponse } from './stl-session-views';
import { EntidadParamPipe, IdentifierParamPipe } from './stl-validation';
import { type StlSessionResponse } from './stl-views';
import { OnStl } from './stl-routes';

const SESSION_ID = { name: 'id', description: 'Sesión: `<fecha>-<n>` para las convocadas por la API', example: '2027-02-10-1' };
const SESSION_ID_PIPE = new IdentifierParamPipe('id');

/** An act on one convened session: idempotent, authorised on its STL, answered with the session (200). */
const SessionAct = () => applyDecorators(IdempotentCommand(), OnStl('command'), HttpCode(200), ApiParam(SESSION_ID));

/** Sessions of the STL (mecanismo-gobernanza-edomex.md, cap. VI): convocation, quorum, decisions, acta. */
@ApiTags('stl')
@ApiAuthenticated()
@Controller('stls/:entidad/sessions')
export class StlSessionsController {
  constructor(private readonly sessions: StlSessionsService) {}

  @Post()
  @IdempotentCommand()
  @OnStl('command')
  @ApiCreatedResponse({ description: 'Sesión convocada; su `id` lo asigna la API (`<fecha>-<n>`)', schema: { example: SESSION_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STL_NOT_INSTALLED' })
  @ApiUnprocessableEntityResponse({
    description: 'Aviso menor a cinco días hábiles (NOTICE_TOO_SHORT, con `deadline`), DATE_IN_FUTURE, AGENDA_REQUIRED',
    schema: { example: NOTICE_TOO_SHORT_EXAMPLE },
  })
  convene(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: ConveneSessionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlSessionResponse> {
    return this.sessions.convene(entidad, body, user.username);
  }

  @Post(':id/attendance')
  @SessionAct()
  @ApiOkResponse({
    description:
      'Asistencia registrada desde la fecha de la sesión, con o sin quórum; otra lista (llegadas tarde) la corrige y recalcula el quórum hasta el primer acuerdo: `code` dice por qué no lo hubo ' +
      '(NO_QUORUM, NO_CIVIL_SOCIETY_PRESENT); `removalsProposed`, quién acumuló tres ausencias seguidas',
    schema: { example: ATTENDANCE_EXAMPLE },
  })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND, SESSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ATTENDANCE_ALREADY_RECORDED, SESSION_NOT_YET_HELD, SESSION_CANCELLED, UNKNOWN_MEMBER' })
  recordAttendance(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('id', SESSION_ID_PIPE) id: string,
    @Body() body: RecordAttendanceDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AttendanceOutcome> {
    return this.sessions.recordAttendance(entidad, id, body, user.username);
  }

  @Post(':id/decisions')
  @IdempotentCommand()
  @OnStl('command')
  @ApiParam(SESSION_ID)
  @ApiCreatedResponse({
    description:
      'Decisión registrada según la regla del STL: `approved`, `rule`, `via` y, cuando aplica, `code` ' +
      '(NO_CONSENSUS, NO_MAJORITY, NO_CIVIL_SOCIETY_VOTE, NO_EACH_SECTOR_VOTE, TIE_CASTING_VOTE, TIE_UNRESOLVED)',
    schema: { example: DECISION_EXAMPLE },
  })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND, SESSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'NO_QUORUM, ATTENDANCE_NOT_RECORDED, MINUTES_ALREADY_APPROVED, VOTER_NOT_PRESENT, TITULAR_PRESENT…' })
  @ApiUnprocessableEntityResponse({
    description: 'NON_VOTING_ROLE, DUPLICATE_SEAT_VOTE, VOTES_MISSING, CONSENSUS_CONTRADICTED, IMPEDIMENT_REASON_REQUIRED',
  })
  recordDecision(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('id', SESSION_ID_PIPE) id: string,
    @Body() body: RecordDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DecisionOutcomeResponse> {
    return this.sessions.recordDecision(entidad, id, body, user.username);
  }

  @Post(':id/minutes')
  @SessionAct()
  @ApiOkResponse({ description: 'Acta aprobada y firmada por quienes asistieron; la sesión queda cerrada' })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND, SESSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ATTENDANCE_NOT_RECORDED, MISSING_SIGNATURES, SIGNER_NOT_PRESENT, MINUTES_ALREADY_APPROVED' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, MINUTES_BEFORE_SESSION' })
  approveMinutes(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('id', SESSION_ID_PIPE) id: string,
    @Body() body: ApproveMinutesDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlSessionResponse> {
    return this.sessions.approveMinutes(entidad, id, body, user.username);
  }

  @Post(':id/cancel')
  @SessionAct()
  @ApiOkResponse({ description: 'Sesión cancelada (cancelarla otra vez no cambia nada); deja de cubrir el bimestre' })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND, SESSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SESSION_ALREADY_HELD' })
  cancel(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('id', SESSION_ID_PIPE) id: string,
    @Body() body: CancelSessionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlSessionResponse> {
    return this.sessions.cancel(entidad, id, body, user.username);
  }

  @Post(':id/reschedule')
  @SessionAct()
  @ApiOkResponse({
    description:
      'Sesión movida a otra fecha, con el motivo: cada integrante recibe un correo y un .ics que mueve la entrada de su ' +
      'calendario (mismo UID, SEQUENCE mayor)',
  })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND, SESSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SESSION_NOT_RESCHEDULABLE (ya celebrada o cancelada)' })
  @ApiUnprocessableEntityResponse({ description: 'NOTICE_TOO_SHORT (cinco días hábiles desde hoy), SAME_SESSION_DATE' })
  reschedule(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('id', SESSION_ID_PIPE) id: string,
    @Body() body: RescheduleSessionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlSessionResponse> {
    return this.sessions.reschedule(entidad, id, body, user.username);
  }
}
