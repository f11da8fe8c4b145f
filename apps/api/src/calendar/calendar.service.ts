import { businessCalendar, type Entidad, type LocalDate, noticeDeadline } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { stlNotFoundProblem } from '../stls/stl-problems';
import { type NoticeDeadlineQuery, type NoticeDeadlineResponse } from './calendar.dto';
import { StlCalendarReader } from './stl-calendar.reader';

@Injectable()
export class CalendarService {
  constructor(private readonly stlCalendars: StlCalendarReader) {}

  async noticeDeadline(query: NoticeDeadlineQuery): Promise<NoticeDeadlineResponse> {
    const entidad = query.entidad as Entidad | undefined;
    const ownDays = entidad === undefined ? [] : await this.ownNonWorkingDays(entidad);
    const deadline = noticeDeadline(query.sessionDate, businessCalendar(ownDays));
    return { sessionDate: query.sessionDate, deadline, ...(entidad === undefined ? {} : { entidad }) };
  }

  private async ownNonWorkingDays(entidad: Entidad): Promise<LocalDate[]> {
    const days = await this.stlCalendars.extraNonWorkingDays(entidad);
    if (days === undefined) throw stlNotFoundProblem(entidad);
    return days;
  }
}
