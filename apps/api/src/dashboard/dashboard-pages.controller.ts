import { randomBytes } from 'node:crypto';
import { type Entidad, isEntidad, localDateAt } from '@app/domain';
import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { forbiddenEntidad } from '../auth/auth-problems';
import { ALL_ENTIDADES, canRead, readableEntidades } from '../auth/entidad-access';
import { ApiProblem, notFound } from '../errors/api-problem';
import { boardRow, filterAndSort, parseBoardFilter } from './board/country-board';
import { DashboardPageFilter, sendPage } from './dashboard-page.filter';
import { DashboardReader, type EscalationFilter } from './read-model/dashboard-reader';
import { boardView } from './views/board.view';
import { entidadView } from './views/entidad.view';
import { inboxView } from './views/inbox.view';
import { NotificationsService } from '../notifications/notifications.service';

const today = () => localDateAt(Date.now());

const ESCALATION_STATUSES = ['abierta', 'reconocida', 'resuelta', 'pendientes'] as const;

/** Lenient like the board's filter: the inbox opens on what is pending. */
export function parseEscalationFilter(query: Readonly<Record<string, unknown>>): EscalationFilter {
  const estado = typeof query.estado === 'string' ? query.estado : 'pendientes';
  const status = (ESCALATION_STATUSES as readonly string[]).includes(estado) ? (estado as EscalationFilter['status']) : undefined;
  return { ...(status && { status }), ...(isEntidad(query.entidad) && { entidad: query.entidad }) };
}

/** The signed-in pages: national board, a state's page, the escalation inbox. They read the projections only. */
@ApiExcludeController()
@UseFilters(DashboardPageFilter)
@Controller('tablero')
export class DashboardPagesController {
  constructor(
    private readonly reader: DashboardReader,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  async board(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const day = today();
    const all = (await this.reader.countrySnapshots(readableEntidades(user))).map((snapshot) => boardRow(snapshot, day));
    const filter = parseBoardFilter(query);
    sendPage(response, 200, boardView({ user, today: day, all, shown: filterAndSort(all, filter), filter }));
  }

  @Get('entidades/:entidad')
  async entidad(
    @CurrentUser() user: AuthenticatedUser,
    @Param('entidad') entidad: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const padded = /^\d$/.test(entidad) ? `0${entidad}` : entidad;
    if (!isEntidad(padded)) throw notFound('ENTIDAD_NOT_FOUND', `«${entidad}» no es una clave de entidad federativa (de 01 a 32).`);
    // «1» is how people type Aguascalientes; the page lives at «01».
    if (padded !== entidad) return response.redirect(301, `/tablero/entidades/${padded}`);
    if (!canRead(user, padded)) throw forbiddenEntidad(user, padded, 'read');
    const record = await this.reader.entidad(padded);
    const publicUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}/tablero/publico/${padded}`;
    const newMemberId = `${padded}-integrante-${randomBytes(4).toString('hex')}`;
    sendPage(response, 200, entidadView({ user, today: today(), record, publicUrl, newMemberId }));
  }

  @Get('escalamientos')
  async inbox(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    if (user.role !== 'coordinador' && user.role !== 'enlace') {
      throw new ApiProblem(403, 'FORBIDDEN_ROLE', 'La bandeja de escalamientos es para la coordinación y los enlaces del INAI.');
    }
    const readable = readableEntidades(user);
    const filter = parseEscalationFilter(query);
    const escalations = await this.reader.escalations(filter, readable);
    const entidades: readonly Entidad[] =
      readable === ALL_ENTIDADES ? [...new Set(escalations.map((row) => row.entidad))].filter(isEntidad).sort() : readable;
    const requeueable = user.role === 'coordinador' ? await this.notifications.requeueable() : 0;
    sendPage(response, 200, inboxView({ user, escalations, filter, entidades, requeueable }));
  }
}
