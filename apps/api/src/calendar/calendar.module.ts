import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { StlCalendarReader } from './stl-calendar.reader';

@Module({ controllers: [CalendarController], providers: [CalendarService, StlCalendarReader], exports: [StlCalendarReader] })
export class CalendarModule {}
