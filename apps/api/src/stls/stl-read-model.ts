import { stlWorkflowId } from '@app/contracts';
import { type Entidad, type LocalDate } from '@app/domain';
import { EscalationView, StlMemberView, StlSessionView, StlView } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, Like } from 'typeorm';
import { entidadWhere, type Readable, readScope } from '../auth/read-scope';
import { StlCalendarReader } from '../calendar/stl-calendar.reader';
import { stlNotFoundProblem } from './stl-problems';
import { type ListStlsQuery } from './stls.dto';
import { type StlDetailResponse, stlDetailFromRows, type StlResponse, stlResponse } from './stl-views';

/** Reads of the STL projections (`stls`, `stl_members`, `stl_sessions`, `escalations`); never the workflows. */
@Injectable()
export class StlReadModel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: StlCalendarReader,
  ) {}

  /** Only the rows of `readable`, the states the caller may see (a foreign `entidad` filter finds nothing). */
  async list(query: ListStlsQuery, readable: Readable): Promise<StlResponse[]> {
    const scope = readScope(readable, query.entidad);
    if (!scope) return [];
    const rows = await this.dataSource.getRepository(StlView).find({
      where: {
        ...entidadWhere(scope),
        ...(query.status && { status: query.status }),
        ...(query.facilitadorVacante && { facilitadorVacante: query.facilitadorVacante === 'true' }),
      },
      order: { entidad: 'ASC' },
    });
    return rows.map((row) => stlResponse(row.summary));
  }

  async detail(entidad: Entidad): Promise<StlDetailResponse> {
    const row = await this.summaryRow(entidad);
    const [members, sessions, escalations, extraNonWorkingDays] = await Promise.all([
      this.dataSource.getRepository(StlMemberView).findBy({ entidad }),
      this.dataSource.getRepository(StlSessionView).findBy({ entidad }),
      this.dataSource.getRepository(EscalationView).findBy({ streamId: stlWorkflowId(entidad) }),
      this.calendars.extraNonWorkingDays(entidad),
    ]);
    return stlDetailFromRows(row, { members, sessions, escalations, extraNonWorkingDays: extraNonWorkingDays ?? [] });
  }

  /** The sessions of an STL and when its rows last changed (the calendar's DTSTAMP). */
  async sessions(entidad: Entidad): Promise<{ readonly updatedAt: Date; readonly sessions: StlSessionView[] }> {
    const row = await this.summaryRow(entidad);
    const sessions = await this.dataSource.getRepository(StlSessionView).find({
      where: { entidad },
      order: { date: 'ASC', sessionId: 'ASC' },
    });
    return { updatedAt: row.updatedAt, sessions };
  }

  /** One session's row; the caller named a session that its command just wrote. */
  async session(entidad: Entidad, sessionId: string): Promise<StlSessionView> {
    return this.dataSource.getRepository(StlSessionView).findOneByOrFail({ entidad, sessionId });
  }

  /** Ids already given to sessions of that date (`<date>-<n>`). */
  async sessionIdsOn(entidad: Entidad, date: LocalDate): Promise<string[]> {
    const rows = await this.dataSource.getRepository(StlSessionView).find({
      select: { sessionId: true },
      where: { entidad, sessionId: Like(`${date}-%`) },
    });
    return rows.map((row) => row.sessionId);
  }

  private async summaryRow(entidad: Entidad): Promise<StlView> {
    const row = await this.dataSource.getRepository(StlView).findOneBy({ entidad });
    if (!row) throw stlNotFoundProblem(entidad);
    return row;
  }
}
