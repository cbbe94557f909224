import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  ROLE_LABELS,
  ROLES,
  type SsoConnection,
  type UpdateSsoConnectionRequest,
  UpdateSsoConnectionRequest as UpdateSchema,
} from '@scorecard/contracts';
import { Alert, NoticeSlot, type Notice } from '@/components/ui/Alert';
import { Field, FormSection, OptionList } from '@/components/ui/Field';
import { errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useActiveAdmins, useUpdateSsoConnection } from '../api/sso-queries';
import { CopyField } from '@/components/ui/CopyField';

type FormValues = {
  protocol: 'oidc' | 'saml';
  enabled: boolean;
  oidcIssuer: string;
  oidcClientId: string;
  oidcClientSecret: string;
  samlEntryPoint: string;
  samlIdpIssuer: string;
  samlIdpCertificate: string;
  allowedDomains: string;
  defaultRole: UpdateSsoConnectionRequest['defaultRole'];
  requireSso: boolean;
  breakGlassUserId: string;
};

const FIELDS = [
  'protocol',
  'enabled',
  'oidcIssuer',
  'oidcClientId',
  'oidcClientSecret',
  'samlEntryPoint',
  'samlIdpIssuer',
  'samlIdpCertificate',
  'allowedDomains',
  'defaultRole',
  'requireSso',
  'breakGlassUserId',
] as const;

function valuesOf(c: SsoConnection): FormValues {
  return {
    protocol: c.protocol,
    enabled: c.enabled,
    oidcIssuer: c.oidcIssuer ?? '',
    oidcClientId: c.oidcClientId ?? '',
    oidcClientSecret: '',
    samlEntryPoint: c.samlEntryPoint ?? '',
    samlIdpIssuer: c.samlIdpIssuer ?? '',
    samlIdpCertificate: c.samlIdpCertificate ?? '',
    allowedDomains: c.allowedDomains.join('\n'),
    defaultRole: c.defaultRole,
    requireSso: c.requireSso,
    breakGlassUserId: c.breakGlassUserId ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function requestOf(v: FormValues): unknown {
  return {
    protocol: v.protocol,
    enabled: v.enabled,
    oidcIssuer: orNull(v.oidcIssuer),
    oidcClientId: orNull(v.oidcClientId),
    ...(v.oidcClientSecret !== '' ? { oidcClientSecret: v.oidcClientSecret } : {}),
    samlEntryPoint: orNull(v.samlEntryPoint),
    samlIdpIssuer: orNull(v.samlIdpIssuer),
    samlIdpCertificate: orNull(v.samlIdpCertificate),
    allowedDomains: v.allowedDomains
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean),
    defaultRole: v.defaultRole,
    requireSso: v.requireSso,
    breakGlassUserId: orNull(v.breakGlassUserId),
  };
}

/** `allowedDomains.2` → `allowedDomains`: the form has one box for the list. */
const fieldFor = (path: string) => path.split('.')[0] ?? path;

/** The connection form: protocol and its fields, the addresses to copy, domains, default role, require SSO. */
export function SsoConnectionForm({ saved }: { saved: SsoConnection }) {
  const update = useUpdateSsoConnection();
  const admins = useActiveAdmins();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<FormValues>({ defaultValues: valuesOf(saved) });
  const { register, formState, watch } = form;
  const errors = formState.errors;
  const protocol = watch('protocol');
  const requireSso = watch('requireSso');

  const submit = form.handleSubmit(async (values) => {
    setNotice(null);
    setFailure(null);
    const parsed = UpdateSchema.safeParse(requestOf(values));
    if (!parsed.success) {
      let first = true;
      for (const issue of parsed.error.issues) {
        const field = fieldFor(issue.path.map(String).join('.')) as (typeof FIELDS)[number];
        if (!FIELDS.includes(field) || form.getFieldState(field).error) continue;
        form.setError(field, { type: 'client', message: issue.message }, { shouldFocus: first });
        first = false;
      }
      return;
    }
    try {
      const result = await update.mutateAsync(parsed.data);
      form.reset(valuesOf(result));
      setNotice('Single sign-on settings saved.');
    } catch (error) {
      if (!applyServerFieldErrors(error, form.setError, FIELDS, fieldFor)) setFailure(error);
    }
  });

  return (
    <form className="form sso-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Single sign-on connection">
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {failure ? (
        <Alert title="Not saved" onDismiss={() => setFailure(null)}>
          <p>{errorMessage(failure)}</p>
        </Alert>
      ) : null}
      <FormSection
        title="Identity provider"
        description="Create an app for Scorecard in your identity provider, copy the addresses below into it, then fill in what it gives you."
      >
        <fieldset className="sso-form__protocol">
          <legend className="field__label">Protocol</legend>
          <label className="sso-form__choice">
            <input type="radio" className="radio" value="oidc" {...register('protocol')} /> OpenID Connect
          </label>
          <label className="sso-form__choice">
            <input type="radio" className="radio" value="saml" {...register('protocol')} /> SAML 2.0
          </label>
        </fieldset>
        {protocol === 'oidc' ? (
          <>
            <CopyField label="Redirect URI (sign-in redirect)" value={saved.oidcRedirectUri} />
            <Field
              label="Issuer URL"
              error={errors.oidcIssuer?.message}
              hint="For example https://acme.okta.com, https://login.microsoftonline.com/<tenant id>/v2.0 or https://accounts.google.com."
            >
              {(control) => <input {...control} className="input" type="url" {...register('oidcIssuer')} />}
            </Field>
            <Field label="Client id" error={errors.oidcClientId?.message}>
              {(control) => <input {...control} className="input" autoComplete="off" {...register('oidcClientId')} />}
            </Field>
            <Field
              label="Client secret"
              error={errors.oidcClientSecret?.message}
              hint={
                saved.clientSecretSet
                  ? 'A secret is saved; it is never shown again. Leave this empty to keep it, or enter a new one.'
                  : 'Stored encrypted; never shown again once saved.'
              }
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="password"
                  autoComplete="new-password"
                  placeholder={saved.clientSecretSet ? '•••••••• (saved)' : ''}
                  {...register('oidcClientSecret')}
                />
              )}
            </Field>
          </>
        ) : (
          <>
            <CopyField label="Assertion consumer service (ACS) URL" value={saved.samlAcsUrl} />
            <CopyField label="Service provider metadata URL" value={saved.samlMetadataUrl} />
            <Field label="Identity provider sign-in URL" error={errors.samlEntryPoint?.message}>
              {(control) => <input {...control} className="input" type="url" {...register('samlEntryPoint')} />}
            </Field>
            <Field label="Identity provider entity id (issuer)" error={errors.samlIdpIssuer?.message}>
              {(control) => <input {...control} className="input" {...register('samlIdpIssuer')} />}
            </Field>
            <Field
              label="Identity provider signing certificate (PEM)"
              error={errors.samlIdpCertificate?.message}
              hint="From -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----."
            >
              {(control) => (
                <textarea
                  {...control}
                  className="textarea sso-form__pem"
                  rows={6}
                  {...register('samlIdpCertificate')}
                />
              )}
            </Field>
          </>
        )}
      </FormSection>
      <FormSection
        title="Who may sign in"
        description="People whose email is in one of these domains sign in through the identity provider; someone new gets an account with the default role."
      >
        <Field
          label="Allowed email domains"
          error={errors.allowedDomains?.message}
          hint="One per line, such as acme.com."
        >
          {(control) => <textarea {...control} className="textarea" rows={3} {...register('allowedDomains')} />}
        </Field>
        <Field label="Role of new people" error={errors.defaultRole?.message}>
          {(control) => (
            <select {...control} className="select" {...register('defaultRole')}>
              <OptionList values={ROLES} labels={ROLE_LABELS} />
            </select>
          )}
        </Field>
        <label className="sso-form__toggle">
          <input type="checkbox" className="checkbox" {...register('enabled')} /> Turn on single sign-on
        </label>
        {errors.enabled?.message ? <p className="field__error">{errors.enabled.message}</p> : null}
      </FormSection>
      <FormSection
        title="Require SSO"
        description="When required, password sign-in is refused for everyone except one break-glass admin, who can still get in if the identity provider is down."
      >
        <label className="sso-form__toggle">
          <input
            type="checkbox"
            className="checkbox"
            aria-describedby="require-sso-error"
            {...register('requireSso')}
          />{' '}
          Require single sign-on for everyone
        </label>
        {errors.requireSso?.message ? (
          <p id="require-sso-error" className="field__error">
            {errors.requireSso.message}
          </p>
        ) : null}
        <Field
          label="Break-glass admin"
          error={errors.breakGlassUserId?.message}
          hint={
            admins.isError
              ? 'The admins could not be loaded. Reload the page to choose one.'
              : requireSso
                ? 'This admin keeps their password sign-in. Keep their password in a safe place.'
                : 'Needed before you require SSO.'
          }
        >
          {(control) => (
            // Mounted again once the admins are in: the saved choice can only be shown among its options.
            <select
              key={admins.isPending ? 'loading' : 'ready'}
              {...control}
              className="select"
              disabled={admins.isPending}
              {...register('breakGlassUserId')}
            >
              <option value="">{admins.isPending ? 'Loading admins…' : 'No break-glass admin'}</option>
              {(admins.data?.items ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.email})
                </option>
              ))}
            </select>
          )}
        </Field>
      </FormSection>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={!formState.isDirty || formState.isSubmitting}
          onClick={() => {
            form.reset(valuesOf(saved));
            setNotice(null);
          }}
        >
          Undo changes
        </button>
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
