import { Module } from '@nestjs/common';
import { PreferencesController, UnsubscribeController } from './preferences.controller.js';
import { PreferencesRepository } from './preferences.repository.js';
import { PreferencesService } from './preferences.service.js';

/** Each user's time zone and email preferences, and the one-click unsubscribe link of optional emails. */
@Module({
  controllers: [PreferencesController, UnsubscribeController],
  providers: [PreferencesRepository, PreferencesService],
})
export class PreferencesModule {}
