import { controller } from '../../common/controller.js';
import { DebriefsService } from './debriefs.service.js';

export const DebriefsController = controller('DebriefsController', DebriefsService, {
  getDebrief: (debriefs, caller, { params, query }) => debriefs.debrief(caller, params.id, query.ratings),
  getComparison: (debriefs, caller, { params, query }) => debriefs.comparison(caller, params.id, query),
});
