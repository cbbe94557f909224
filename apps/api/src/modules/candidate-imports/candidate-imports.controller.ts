import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  type AddImportRowsRequest,
  type ApplyImportRequest,
  type CommitImportRequest,
  endpoints,
  type ImportedCandidatesQuery,
} from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { CandidateImportsService } from './candidate-imports.service.js';

@Controller()
export class CandidateImportsController {
  constructor(private readonly imports: CandidateImportsService) {}

  @Route(endpoints.createCandidateImport)
  create(@CurrentCaller() caller: Caller) {
    return this.imports.create(caller);
  }

  @Route(endpoints.getCandidateImport)
  get(@CurrentCaller() caller: Caller, @Param() p: { id: string }) {
    return this.imports.get(caller, p.id);
  }

  @Route(endpoints.addCandidateImportRows)
  addRows(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: AddImportRowsRequest) {
    return this.imports.addRows(caller, p.id, body);
  }

  @Route(endpoints.commitCandidateImport)
  commit(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: CommitImportRequest) {
    return this.imports.commit(caller, p.id, body);
  }

  @Route(endpoints.listCandidateImportCandidates)
  listAdded(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Query() query: ImportedCandidatesQuery) {
    return this.imports.listAdded(caller, p.id, query);
  }

  @Route(endpoints.applyCandidateImport)
  applyAll(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: ApplyImportRequest) {
    return this.imports.applyAll(caller, p.id, body);
  }
}
