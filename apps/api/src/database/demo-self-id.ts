import type { INestApplicationContext } from '@nestjs/common';
import type { DemoContext, Step } from './demo-context.js';

/** Issue 24 in the demo: self-identification on enough past candidates to report. Filled in by its slice. */
export async function seedDemoSelfId(_app: INestApplicationContext, _step: Step, _demo: DemoContext): Promise<void> {}
