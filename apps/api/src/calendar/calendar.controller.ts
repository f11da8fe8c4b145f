import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { type NoticeDeadlineResponse, NoticeDeadlineQuery } from './calendar.dto';
import { CalendarService } from './calendar.service';

/** Pure calendar arithmetic, public: the convocation date picker needs it before anyone signs in. */
@ApiTags('calendario')
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('notice-deadline')
  @ApiOkResponse({
    description:
      'Última fecha válida para emitir la convocatoria: el quinto día hábil anterior a la sesión (sin contarla), ' +
      'descontando los días de descanso obligatorio (LFT art. 74); con `entidad`, los días hábiles de aviso que pide ' +
      'el mecanismo de gobernanza del STL vigente en la fecha de la sesión y los días inhábiles propios del STL',
    schema: { example: { sessionDate: '2026-11-23', deadline: '2026-11-13', noticeBusinessDays: 5 } },
  })
  @ApiBadRequestResponse({ description: 'Fecha o entidad inválidas (VALIDATION_FAILED)' })
  @ApiNotFoundResponse({ description: 'La entidad no tiene STL registrado (STL_NOT_FOUND)' })
  noticeDeadline(@Query() query: NoticeDeadlineQuery): Promise<NoticeDeadlineResponse> {
    return this.calendar.noticeDeadline(query);
  }
}
