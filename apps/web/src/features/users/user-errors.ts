import { ROLE_LABELS, type Role } from '@scorecard/contracts';
import { ApiError, errorMessage } from '@/lib/api';

type Action = 'role' | 'deactivate' | 'reactivate';

/** What to tell an admin when changing a user failed, in the words of what they tried. */
export function updateUserErrorMessage(error: unknown, name: string, action: Action, role?: Role): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'last_admin':
        return action === 'deactivate'
          ? `${name} is the only active admin. Make someone else an admin before deactivating them.`
          : `${name} is the only active admin, so their role can’t change. Make someone else an admin first.`;
      case 'not_found':
        return `${name} no longer exists in this organization. Refresh the list.`;
      case 'forbidden':
        return 'Only admins can change users.';
      default:
        break;
    }
  }
  const what = action === 'role' && role ? `change ${name}’s role to ${ROLE_LABELS[role]}` : `${action} ${name}`;
  return `Couldn’t ${what}. ${errorMessage(error)}`;
}
