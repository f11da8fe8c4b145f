import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { ConvocationAnswerController } from './convocation-answer.controller';
import { ConvocationAnswers } from './convocation-answers.service';
import { StlGateway } from './stl-gateway';
import { StlMembersController } from './stl-members.controller';
import { StlReadModel } from './stl-read-model';
import { StlSessionsCalendarController } from './stl-sessions-calendar.controller';
import { StlSessionsController } from './stl-sessions.controller';
import { StlSessionsService } from './stl-sessions.service';
import { StlsController } from './stls.controller';
import { StlsService } from './stls.service';

/** The STL endpoints; brings the calendar (notice deadline) along, which reads the STLs' own non-working days. */
@Module({
  imports: [CalendarModule],
  controllers: [StlsController, StlMembersController, StlSessionsController, StlSessionsCalendarController, ConvocationAnswerController],
  providers: [StlsService, StlSessionsService, StlGateway, StlReadModel, WorkflowCommands, ConvocationAnswers],
})
export class StlsModule {}
