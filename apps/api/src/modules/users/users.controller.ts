import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  endpoints,
  type CreateUserRequest,
  type PeopleQuery,
  type UpdateUserRequest,
  type UserListQuery,
} from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { UsersService } from './users.service.js';

@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Route(endpoints.listUsers)
  list(@CurrentCaller() caller: Caller, @Query() query: UserListQuery) {
    return this.users.list(caller, query);
  }

  @Route(endpoints.listPeople)
  people(@CurrentCaller() caller: Caller, @Query() query: PeopleQuery) {
    return this.users.people(caller, query);
  }

  @Route(endpoints.createUser)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateUserRequest) {
    return this.users.create(caller, body);
  }

  @Route(endpoints.getUser)
  get(@CurrentCaller() caller: Caller, @Param() params: { id: string }) {
    return this.users.get(caller, params.id);
  }

  @Route(endpoints.updateUser)
  update(@CurrentCaller() caller: Caller, @Param() params: { id: string }, @Body() body: UpdateUserRequest) {
    return this.users.update(caller, params.id, body);
  }
}
