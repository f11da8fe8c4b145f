import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { readableEntidades } from '../auth/entidad-access';
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { ApiAuthenticated } from '../auth/public.decorator';
import { ApiBodyExamples } from '../exercises/exercises.examples';
import { IdempotentCommand } from '../idempotency/idempotent-command.decorator';
import { EscalationHandlers } from './escalation-access.guard';
import { ListEscalationsQuery, ResolveEscalationDto } from './escalations.dto';
import { type EscalationResponse, EscalationsService } from './escalations.service';

const ESCALATION_EXAMPLE = {
  id: 'c3RsLzI5I3ZhY2FudGU6MjAyNi0wNS0yMTplc2NhbGFtaWVudG86MQ',
  streamId: 'stl/29',
  escalationId: 'vacante:2026-05-21:escalamiento:1',
  source: 'stl',
  entidad: '29',
  entidadName: 'Tlaxcala',
  kind: 'vacancy_escalation',
  level: 'enlace',
  status: 'reconocida',
  reason: 'El puesto de facilitador del STL de Tlaxcala está vacante desde el jueves 21 de mayo de 2026.',
  raisedAt: '2026-06-20T16:00:00.000Z',
  acknowledgedBy: 'enlace',
  acknowledgedAt: '2026-06-22T17:30:00.000Z',
  resolvedAt: null,
  resolution: null,
};

const ESCALATION_ID = {
  name: 'id',
  description: 'El `id` de la lista: `<flujo>#<escalamiento>` en base64url',
  example: 'c3RsLzIwI3ZhY2FudGU6MjAyNi0wNS0wMTplc2NhbGFtaWVudG86MQ',
};

@ApiTags('escalamientos')
@ApiAuthenticated()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @EntidadAccess('read', entidadFrom.query('entidad'))
  @ApiOkResponse({
    description: 'Escalamientos de ejercicios (estancamiento) y de STL (facilitador vacante, sesiones), los más recientes primero',
    example: [ESCALATION_EXAMPLE],
  })
  list(@Query() query: ListEscalationsQuery, @CurrentUser() user: AuthenticatedUser): Promise<EscalationResponse[]> {
    return this.escalations.list(query, readableEntidades(user));
  }

  @Post(':id/acknowledge')
  @IdempotentCommand()
  @EscalationHandlers()
  @HttpCode(200)
  @ApiParam(ESCALATION_ID)
  @ApiOkResponse({ description: 'Reconocido por la cuenta (una segunda vez no cambia nada); sin cuerpo', example: ESCALATION_EXAMPLE })
  @ApiNotFoundResponse({ description: 'ESCALATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ESCALATION_ALREADY_RESOLVED, EXERCISE_CLOSED' })
  acknowledge(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<EscalationResponse> {
    return this.escalations.acknowledge(id, user.username);
  }

  @Post(':id/resolve')
  @IdempotentCommand()
  @EscalationHandlers()
  @HttpCode(200)
  @ApiParam(ESCALATION_ID)
  @ApiBodyExamples(ResolveEscalationDto, {
    vacante: { summary: 'Vacante cubierta', value: { resolution: 'El STL designó facilitadora en su sesión del 12 de noviembre.' } },
  })
  @ApiOkResponse({ description: 'Resuelto, con la resolución y la cuenta que lo resolvió' })
  @ApiNotFoundResponse({ description: 'ESCALATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ESCALATION_ALREADY_RESOLVED, EXERCISE_CLOSED' })
  resolve(@Param('id') id: string, @Body() body: ResolveEscalationDto, @CurrentUser() user: AuthenticatedUser): Promise<EscalationResponse> {
    return this.escalations.resolve(id, body.resolution, user.username);
  }
}
