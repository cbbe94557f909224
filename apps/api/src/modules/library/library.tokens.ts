import type { ChecklistContent, RubricContent } from '@scorecard/contracts';
import type { VersionedDocumentsService } from './versioned-documents.service.js';

export const RUBRICS = Symbol('RUBRICS');
export const CHECKLISTS = Symbol('CHECKLISTS');
export type RubricsService = VersionedDocumentsService<RubricContent>;
export type ChecklistsService = VersionedDocumentsService<ChecklistContent>;
