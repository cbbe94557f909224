import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { EventsModule } from '../events/events.module.js';
import { InterviewsModule } from '../interviews/interviews.module.js';
import { UsersModule } from '../users/users.module.js';
import { QualificationController } from './qualification.controller.js';
import { QualificationRepository } from './qualification.repository.js';
import { QualificationService } from './qualification.service.js';

/**
 * Interviewer qualification: shadowing, reverse-shadowing, qualified (issue 24 §5). The settings,
 * each member's path, promotions approved by a hiring manager, and the training seat beside a
 * scheduled interview. A shadow's scorecard (`scorecards.shadow`) counts in no figure: every
 * aggregate in the other modules leaves it out.
 */
@Module({
  imports: [UsersModule, EventsModule, CalendarModule, InterviewsModule],
  controllers: [QualificationController],
  providers: [QualificationRepository, QualificationService],
})
export class QualificationModule {}
