import { controller } from '../../common/controller.js';
import { SsoSettingsService } from './sso-settings.service.js';

/** The connection settings (admins). */
export const SsoController = controller('SsoController', SsoSettingsService, {
  getSsoConnection: (settings, caller) => settings.get(caller),
  updateSsoConnection: (settings, caller, { body }) => settings.update(caller, body),
});
