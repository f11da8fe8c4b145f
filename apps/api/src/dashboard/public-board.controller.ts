import { isEntidad, localDateAt } from '@app/domain';
import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../auth/public.decorator';
import { notFound } from '../errors/api-problem';
import { DashboardPageFilter } from './dashboard-page.filter';
import { DashboardReader } from './read-model/dashboard-reader';
import { actsWithoutSession, publicBoardView } from './views/public-board.view';

/**
 * The tracking board each garante publishes (no session needed). main.ts lets other sites frame this path, and
 * only this one.
 */
@ApiExcludeController()
@Public()
@UseFilters(DashboardPageFilter)
@Controller('tablero/publico')
export class PublicBoardController {
  constructor(private readonly reader: DashboardReader) {}

  @Get(':entidad')
  async board(@Param('entidad') entidad: string, @Res() response: Response): Promise<void> {
    if (!isEntidad(entidad)) throw notFound('ENTIDAD_NOT_FOUND', `«${entidad}» no es una clave de entidad federativa (de 01 a 32).`);
    const record = await this.reader.publicRecord(entidad);
    const page = publicBoardView({
      entidad,
      today: localDateAt(Date.now()),
      ...(record.exercise && { exercise: record.exercise }),
      commitments: record.commitments,
      sessions: record.sessions.map(({ date, kind, status, minutes, historicalJustification }) => ({ date, kind, status, minutes, historicalJustification })),
      actsWithoutSession: record.stl ? actsWithoutSession(record.stl) : [],
    });
    response.status(200).type('html').setHeader('Cache-Control', 'public, max-age=60');
    response.send(page.value);
  }
}
