import type { INestApplicationContext } from '@nestjs/common';
import type { DemoContext, Step } from './demo-context.js';

/** Issue 24 in the demo: one finished two-round debrief meeting. Filled in by its slice. */
export async function seedDemoMeetings(_app: INestApplicationContext, _step: Step, _demo: DemoContext): Promise<void> {}
