import { controller } from '../../common/controller.js';
import { RemindersService } from './reminders.service.js';

export const RemindersController = controller('RemindersController', RemindersService, {
  getReminderSettings: (reminders, caller) => reminders.settings(caller),
  updateReminderSettings: (reminders, caller, { body }) => reminders.updateSettings(caller, body),
  remindInterviewer: (reminders, caller, { params }) => reminders.remindNow(caller, params.id),
});
