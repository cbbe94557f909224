import { zodResolver } from '@hookform/resolvers/zod';
import {
  API_TOKEN_MAX_LIFETIME_DAYS,
  ApiScope,
  ApiTokenName,
  type CreatedApiToken,
  type CreateApiTokenRequest,
} from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { SecretShownOnce } from '@/components/ui/SecretShownOnce';
import { Field } from '@/components/ui/Field';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useCreateApiToken } from '../api/api-tokens';
import { resourceLabel, SCOPE_GROUPS, verbLabel } from './scope-groups';

const DAY = 86_400_000;

/** `yyyy-mm-dd` of a local date, as a date input takes it. */
const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The end of a local day, as the instant the API takes. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59`);

/** The form: the request's name and scopes, and an optional expiry day (the token ends at its end). */
const TokenForm = z.object({
  name: ApiTokenName,
  scopes: z.array(ApiScope).min(1, 'Choose at least one scope.'),
  expiresOn: z
    .string()
    .refine((v) => v === '' || !Number.isNaN(endOfDay(v).getTime()), 'Enter a date.')
    .refine((v) => v === '' || endOfDay(v).getTime() > Date.now() + DAY / 24, 'Choose a day after today.')
    .refine(
      (v) => v === '' || endOfDay(v).getTime() <= Date.now() + API_TOKEN_MAX_LIFETIME_DAYS * DAY,
      `Choose a day at most ${API_TOKEN_MAX_LIFETIME_DAYS / 365} years ahead.`,
    ),
});
type TokenForm = z.infer<typeof TokenForm>;

function toRequest(form: TokenForm): CreateApiTokenRequest {
  return {
    name: form.name,
    scopes: form.scopes,
    ...(form.expiresOn ? { expiresAt: endOfDay(form.expiresOn).toISOString() } : {}),
  };
}

/**
 * "Create token": a name, scopes by resource (read, write), an optional expiry; then the secret
 * shown this once, with a Copy button and a warning, until the admin closes the dialog.
 */
export function CreateApiTokenDialog({
  open,
  onClose,
  created,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  created: CreatedApiToken | null;
  onCreated: (token: CreatedApiToken) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={created ? 'Copy your API token now' : 'Create an API token'}
      description={
        created ? undefined : (
          <p>
            The token acts as you, within the scopes you choose: it can never do more than you can, and it stops working
            if you are deactivated.
          </p>
        )
      }
    >
      {created ? (
        <ShownOnce token={created} onDone={onClose} />
      ) : (
        <TokenFormView onCreated={onCreated} onCancel={onClose} />
      )}
    </Dialog>
  );
}

function TokenFormView({ onCreated, onCancel }: { onCreated: (token: CreatedApiToken) => void; onCancel: () => void }) {
  const create = useCreateApiToken();
  const form = useForm<TokenForm>({
    resolver: zodResolver(TokenForm),
    defaultValues: { name: '', scopes: [], expiresOn: '' },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    create.mutate(toRequest(values), {
      onSuccess: onCreated,
      onError: (error) =>
        applyServerFieldErrors(error, form.setError, ['name', 'scopes', 'expiresOn'], (path) =>
          path === 'expiresAt' ? 'expiresOn' : path.startsWith('scopes') ? 'scopes' : path,
        ),
    }),
  );
  const showFormError = create.isError && !(create.error instanceof ApiError && create.error.fieldErrors.length > 0);
  const today = new Date();
  const scopesError = errors.scopes?.message ?? errors.scopes?.root?.message;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="New API token">
      {showFormError ? <Alert title="The token wasn’t created">{errorMessage(create.error)}</Alert> : null}
      <Field label="Name" error={errors.name?.message} hint="What will use it, for example “Greenhouse sync”.">
        {(control) => <input {...control} {...form.register('name')} className="input" autoComplete="off" autoFocus />}
      </Field>
      <fieldset
        className={scopesError ? 'api-token-scopes field--invalid' : 'api-token-scopes'}
        aria-describedby={scopesError ? 'api-token-scopes-error' : undefined}
      >
        <legend className="field__label">Scopes</legend>
        <p className="field__hint">Choose only what the machine needs. Tokens never read draft scorecards.</p>
        <table className="api-token-scopes__table">
          <tbody>
            {SCOPE_GROUPS.map((group) => (
              <tr key={group.resource}>
                <th scope="row">
                  <span className="api-token-scopes__resource">{resourceLabel(group.resource)}</span>
                  <span className="api-token-scopes__description">{group.description}</span>
                </th>
                {group.scopes.map(({ scope, verb }) => (
                  <td key={scope}>
                    <label className="api-token-scopes__option">
                      <input type="checkbox" className="checkbox" value={scope} {...form.register('scopes')} />
                      {verbLabel(verb)}
                      <span className="visually-hidden"> {group.resource}</span>
                    </label>
                  </td>
                ))}
                {group.scopes.length === 1 ? <td /> : null}
              </tr>
            ))}
          </tbody>
        </table>
        {scopesError ? (
          <p id="api-token-scopes-error" className="field__error">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <Field
        label="Expires on (optional)"
        error={errors.expiresOn?.message}
        hint="The token stops working at the end of that day. Leave empty for a token that works until revoked."
      >
        {(control) => (
          <input
            {...control}
            {...form.register('expiresOn')}
            type="date"
            className="input api-token-expiry"
            min={isoDay(new Date(today.getTime() + DAY))}
            max={isoDay(new Date(today.getTime() + API_TOKEN_MAX_LIFETIME_DAYS * DAY))}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}

function ShownOnce({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <SecretShownOnce
      label={`Token “${token.name}”`}
      value={token.token}
      onDone={onDone}
      warning="Scorecard keeps only a fingerprint of this token: it cannot show it again. Store it in your integration’s secret settings now. Anyone who has it can act as you within its scopes, so keep it secret and revoke it if it leaks."
    />
  );
}
