import { controller } from '../../common/controller.js';
import { OrganizationsService } from './organizations.service.js';

export const OrganizationsController = controller('OrganizationsController', OrganizationsService, {
  getOrganizationSettings: (organizations, caller) => organizations.settings(caller),
  updateOrganizationSettings: (organizations, caller, { body }) => organizations.updateSettings(caller, body),
});
