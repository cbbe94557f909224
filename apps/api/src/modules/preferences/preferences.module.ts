import { Module } from '@nestjs/common';

/** Each user's time zone and email preferences, one-click unsubscribe, and the hiring managers' daily digest. */
@Module({})
export class PreferencesModule {}
