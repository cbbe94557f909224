import type { INestApplicationContext } from '@nestjs/common';
import type { DemoContext, Step } from './demo-context.js';

/**
 * Issue 24 in the demo: the question bank. Nothing to add: the closed opening's thirty past
 * candidates (demo-past-opening.ts), each interviewed by the whole panel on the Tech Lead kit and
 * decided, already give every question of the kit its figures on first start (each asked 30 times
 * or more; the questions two steps share get agreement, and the decided candidates a correlation),
 * and two of them are flagged "raters cannot agree" (test/e2e/demo.e2e-spec.ts). No mark is seeded:
 * a mark takes its question out of the rubric's draft, and the demo's kit is meant to open as
 * published, with nothing pending.
 */
export async function seedDemoQuestionBank(
  _app: INestApplicationContext,
  _step: Step,
  _demo: DemoContext,
): Promise<void> {}
