import { businessCalendar, type Entidad, type LocalDate, NOTICE_BUSINESS_DAYS, noticeDeadline } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { stlNotFoundProblem } from '../stls/stl-problems';
import { type NoticeDeadlineQuery, type NoticeDeadlineResponse } from './calendar.dto';
import { StlCalendarReader } from './stl-calendar.reader';

@Injectable()
export class CalendarService {
  constructor(private readonly stlCalendars: StlCalendarReader) {}

  async noticeDeadline(query: NoticeDeadlineQuery): Promise<NoticeDeadlineResponse> {
    const entidad = query.entidad as Entidad | undefined;
    if (entidad === undefined) {
      return { sessionDate: query.sessionDate, deadline: noticeDeadline(query.sessionDate, businessCalendar()), noticeBusinessDays: NOTICE_BUSINESS_DAYS };
    }
    const ownDays = await this.ownNonWorkingDays(entidad);
    const noticeBusinessDays = (await this.stlCalendars.noticeBusinessDays(entidad, query.sessionDate)) ?? NOTICE_BUSINESS_DAYS;
    const deadline = noticeDeadline(query.sessionDate, businessCalendar(ownDays), noticeBusinessDays);
    return { sessionDate: query.sessionDate, deadline, noticeBusinessDays, entidad };
  }

  private async ownNonWorkingDays(entidad: Entidad): Promise<LocalDate[]> {
    const days = await this.stlCalendars.extraNonWorkingDays(entidad);
    if (days === undefined) throw stlNotFoundProblem(entidad);
    return days;
  }
}
