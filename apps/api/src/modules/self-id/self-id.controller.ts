import { Controller } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import { controller } from '../../common/controller.js';
import { Input, Route } from '../../common/route.decorator.js';
import { AdverseImpactService } from './adverse-impact.service.js';
import { SelfIdService } from './self-id.service.js';

/** The organization's questions (admins) and a candidate's link (the recruiting roles). */
export const SelfIdController = controller('SelfIdController', SelfIdService, {
  getSelfIdSettings: (selfId, caller) => selfId.settings(caller),
  updateSelfIdSettings: (selfId, caller, { body }) => selfId.updateSettings(caller, body),
  getSelfIdLink: (selfId, caller, { params }) => selfId.linkStatus(caller, params.id),
  createSelfIdLink: (selfId, caller, { params, body }) => selfId.createLink(caller, params.id, body),
});

/** The adverse-impact report (admins and hiring managers). */
export const AdverseImpactController = controller('AdverseImpactController', AdverseImpactService, {
  getAdverseImpact: (report, caller, { query }) => report.report(caller, query),
});

/** The candidate's side: the link's page, no session (the token in the body is the credential). */
@Controller()
export class SelfIdLinkController {
  constructor(private readonly selfId: SelfIdService) {}

  @Route(endpoints.getSelfIdForm)
  getSelfIdForm(@Input() { body }: InputOf<'getSelfIdForm'>) {
    return this.selfId.form(body.token);
  }

  @Route(endpoints.submitSelfId)
  submitSelfId(@Input() { body }: InputOf<'submitSelfId'>) {
    return this.selfId.submit(body);
  }

  @Route(endpoints.withdrawSelfId)
  withdrawSelfId(@Input() { body }: InputOf<'withdrawSelfId'>) {
    return this.selfId.withdraw(body.token);
  }
}
