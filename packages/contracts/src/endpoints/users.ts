import { IdParams } from '../common.js';
import { PeopleList, PeopleQuery } from '../openings.js';
import { CreateUserRequest, UpdateUserRequest, User, UserList, UserListQuery } from '../users.js';
import { admins, hiringTeam, endpointGroup } from './endpoint.js';

/** The organization’s users (admins) and the people others choose from. */
export const userEndpoints = endpointGroup({
  listUsers: {
    method: 'get',
    path: '/api/v1/users',
    summary: 'List the users of the organization',
    tag: 'users',
    access: admins,
    query: UserListQuery,
    status: 200,
    response: UserList,
  },
  createUser: {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Add a user with a role: invited by email, or with a password the admin passes on',
    tag: 'users',
    access: admins,
    body: CreateUserRequest,
    status: 201,
    response: User,
  },
  getUser: {
    method: 'get',
    path: '/api/v1/users/:id',
    summary: 'One user of the organization',
    tag: 'users',
    access: admins,
    params: IdParams,
    status: 200,
    response: User,
  },
  updateUser: {
    method: 'patch',
    path: '/api/v1/users/:id',
    summary: 'Rename a user, change their role, or deactivate or reactivate them',
    tag: 'users',
    access: admins,
    params: IdParams,
    body: UpdateUserRequest,
    status: 200,
    response: User,
  },
  listPeople: {
    method: 'get',
    path: '/api/v1/people',
    summary: 'Active people of the organization, for choosing hiring managers and interviewers',
    tag: 'users',
    access: hiringTeam,
    query: PeopleQuery,
    status: 200,
    response: PeopleList,
  },
});
