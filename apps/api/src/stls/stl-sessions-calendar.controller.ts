import { type Entidad } from '@app/domain';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../auth/public.decorator';
import { publicSessionsCalendar } from './public-session-calendar';
import { StlReadModel } from './stl-read-model';
import { ENTIDAD_PARAM, EntidadParamPipe } from './stl-validation';

/**
 * `sessions.ics` for calendar subscriptions, which cannot send bearer tokens: public, and therefore without any
 * personal or contact data nor meeting links (public-session-calendar.ts).
 */
@ApiTags('stl')
@Public()
@Controller('stls')
export class StlSessionsCalendarController {
  constructor(private readonly readModel: StlReadModel) {}

  @Get(':entidad/sessions.ics')
  @ApiParam(ENTIDAD_PARAM)
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      'Calendario iCalendar (RFC 5545) con una entrada por sesión: fecha, tipo, orden del día, lugar y estado ' +
      '(las canceladas como CANCELLED). Público para suscribirse desde cualquier calendario; sin datos de contacto ' +
      'ni enlaces de videoconferencia.',
    content: { 'text/calendar': { schema: { type: 'string' }, example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n' } },
  })
  @ApiNotFoundResponse({ description: 'La entidad no tiene STL registrado (STL_NOT_FOUND)' })
  async sessions(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { sessions, updatedAt } = await this.readModel.sessions(entidad);
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Content-Disposition', `inline; filename="stl-${entidad}-sesiones.ics"`);
    return publicSessionsCalendar(entidad, sessions, updatedAt);
  }
}
