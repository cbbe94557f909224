import { Controller } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import { controller } from '../../common/controller.js';
import { Input, Route } from '../../common/route.decorator.js';
import { PreferencesService } from './preferences.service.js';

/** The signed-in user's own preferences. */
export const PreferencesController = controller('PreferencesController', PreferencesService, {
  getPreferences: (preferences, caller) => preferences.get(caller),
  updatePreferences: (preferences, caller, { body }) => preferences.update(caller, body),
});

/**
 * The unsubscribe link of optional emails: public (the token is the credential). A mail client's
 * RFC 8058 one-click POST carries no session and no CSRF header, and needs neither: the guard only
 * asks cookie-authenticated writes for the header, and this route reads no cookie.
 */
@Controller()
export class UnsubscribeController {
  constructor(private readonly preferences: PreferencesService) {}

  @Route(endpoints.describeUnsubscribe)
  describe(@Input() { query }: InputOf<'describeUnsubscribe'>) {
    return this.preferences.describeUnsubscribe(query.token);
  }

  @Route(endpoints.unsubscribe)
  unsubscribe(@Input() { query }: InputOf<'unsubscribe'>) {
    return this.preferences.unsubscribe(query.token);
  }
}
