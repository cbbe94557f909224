import { controller } from '../../common/controller.js';
import { UsersService } from './users.service.js';

export const UsersController = controller('UsersController', UsersService, {
  listUsers: (users, caller, { query }) => users.list(caller, query),
  listPeople: (users, caller, { query }) => users.people(caller, query),
  getUser: (users, caller, { params }) => users.get(caller, params.id),
  updateUser: (users, caller, { params, body }) => users.update(caller, params.id, body),
});
