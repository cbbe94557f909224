import { OrganizationSettings, UpdateOrganizationSettingsRequest } from '../organizations.js';
import { admins, anyone, endpointGroup } from './endpoint.js';

/** The organization’s settings. */
export const organizationEndpoints = endpointGroup({
  getOrganizationSettings: {
    method: 'get',
    path: '/api/v1/organization/settings',
    summary: 'The organization’s settings (the matched units a calibration offset needs)',
    tag: 'organization',
    access: anyone,
    status: 200,
    response: OrganizationSettings,
  },
  updateOrganizationSettings: {
    method: 'patch',
    path: '/api/v1/organization/settings',
    summary: 'Change the organization’s settings: the matched units (2–1000) before anyone is called lenient or severe',
    tag: 'organization',
    access: admins,
    body: UpdateOrganizationSettingsRequest,
    status: 200,
    response: OrganizationSettings,
    auditEntity: 'organization',
  },
});
