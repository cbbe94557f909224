import { Module } from '@nestjs/common';
import { type ChecklistContent, checklistEndpoints, rubricEndpoints, type RubricContent } from '@scorecard/contracts';
import { checklistPublishIssues, rubricPublishIssues } from '@scorecard/domain';
import { KitsService } from './kits.service.js';
import { CHECKLISTS, type ChecklistsService, RUBRICS, type RubricsService } from './library.tokens.js';
import { versionedDocumentsController } from './versioned-documents.controller.js';
import { CHECKLIST_TABLES, RUBRIC_TABLES } from './versioned-documents.repository.js';
import { VersionedDocumentsService } from './versioned-documents.service.js';
import { Db } from '../../database/db.js';

const RubricsController = versionedDocumentsController('RubricsController', rubricEndpoints, RUBRICS);
const ChecklistsController = versionedDocumentsController('ChecklistsController', checklistEndpoints, CHECKLISTS);

/** Rubrics, red-flag checklists and the built-in kits. */
@Module({
  controllers: [RubricsController, ChecklistsController],
  providers: [
    {
      provide: RUBRICS,
      inject: [Db],
      useFactory: (db: Db): RubricsService =>
        new VersionedDocumentsService<RubricContent>(db, {
          tables: RUBRIC_TABLES,
          noun: 'rubric',
          publishIssues: rubricPublishIssues,
        }),
    },
    {
      provide: CHECKLISTS,
      inject: [Db],
      useFactory: (db: Db): ChecklistsService =>
        new VersionedDocumentsService<ChecklistContent>(db, {
          tables: CHECKLIST_TABLES,
          noun: 'red-flag checklist',
          publishIssues: checklistPublishIssues,
        }),
    },
    KitsService,
  ],
  exports: [RUBRICS, CHECKLISTS, KitsService],
})
export class LibraryModule {}
