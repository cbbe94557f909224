import { Body, Controller } from '@nestjs/common';
import { endpoints, type UpdateOrganizationSettingsRequest } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { OrganizationsService } from './organizations.service.js';

@Controller()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Route(endpoints.getOrganizationSettings)
  settings(@CurrentCaller() caller: Caller) {
    return this.organizations.settings(caller);
  }

  @Route(endpoints.updateOrganizationSettings)
  updateSettings(@CurrentCaller() caller: Caller, @Body() body: UpdateOrganizationSettingsRequest) {
    return this.organizations.updateSettings(caller, body);
  }
}
