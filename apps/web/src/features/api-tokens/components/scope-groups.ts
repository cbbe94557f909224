import { API_SCOPE_RESOURCES, API_SCOPES, type ApiScope } from '@scorecard/contracts';

/** A resource and the scopes it has, in the order of API_SCOPES: `candidates` → read, write. */
export interface ScopeGroup {
  resource: string;
  description: string;
  scopes: { scope: ApiScope; verb: string }[];
}

const VERB_LABELS: Record<string, string> = { read: 'Read', write: 'Write', manage: 'Manage' };

export const verbLabel = (verb: string) => VERB_LABELS[verb] ?? verb;

/** The scopes grouped by resource, for the checkboxes of the create dialog. */
export const SCOPE_GROUPS: ScopeGroup[] = API_SCOPES.reduce<ScopeGroup[]>((groups, scope) => {
  const [resource, verb] = scope.split(':') as [string, string];
  let group = groups.find((g) => g.resource === resource);
  if (!group) {
    group = { resource, description: API_SCOPE_RESOURCES[resource] ?? '', scopes: [] };
    groups.push(group);
  }
  group.scopes.push({ scope, verb });
  return groups;
}, []);

/** "Candidates" for `candidates`. */
export const resourceLabel = (resource: string) => resource.charAt(0).toUpperCase() + resource.slice(1);
