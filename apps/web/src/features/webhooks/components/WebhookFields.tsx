import {
  WEBHOOK_EVENT_DESCRIPTIONS,
  WEBHOOK_EVENT_TYPES,
  WebhookDescription,
  WebhookEvents,
  WebhookUrl,
  type WebhookEndpoint,
} from '@scorecard/contracts';
import { useId } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { Field } from '@/components/ui/Field';

/** What the create and edit forms hold: the contracts' own field schemas, all three required in the form. */
export const WebhookForm = z.object({ url: WebhookUrl, events: WebhookEvents, description: WebhookDescription });
export type WebhookFormValues = z.infer<typeof WebhookForm>;
export const WEBHOOK_FORM_FIELDS = ['url', 'events', 'description'] as const;

export function formValuesOf(webhook?: WebhookEndpoint): WebhookFormValues {
  return webhook
    ? { url: webhook.url, events: [...webhook.events], description: webhook.description }
    : { url: '', events: [], description: '' };
}

/** The address, the events (a checkbox each, with what it means) and the description of an endpoint. */
export function WebhookFields({ form }: { form: UseFormReturn<WebhookFormValues> }) {
  const groupId = useId();
  const { errors } = form.formState;
  const eventsError = errors.events?.message ?? errors.events?.root?.message;
  return (
    <>
      <Field
        label="Endpoint URL"
        error={errors.url?.message}
        hint="Where Scorecard sends each event as a signed POST. Use https in production."
      >
        {(control) => (
          <input
            {...control}
            {...form.register('url')}
            className="input"
            type="url"
            inputMode="url"
            placeholder="https://hooks.example.com/scorecard"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <fieldset
        className="choices webhook-events"
        aria-describedby={eventsError ? `${groupId}-error` : undefined}
        aria-invalid={eventsError ? true : undefined}
      >
        <legend className="field__label">Events to send</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <div className="choice" key={type}>
            <input
              id={`${groupId}-${type}`}
              type="checkbox"
              className="checkbox"
              value={type}
              aria-describedby={`${groupId}-${type}-hint`}
              {...form.register('events')}
            />
            <div className="choice__text">
              <label htmlFor={`${groupId}-${type}`} className="choice__label webhook-events__name">
                {type}
              </label>
              <p id={`${groupId}-${type}-hint`} className="field__hint">
                {WEBHOOK_EVENT_DESCRIPTIONS[type]}
              </p>
            </div>
          </div>
        ))}
        {eventsError ? (
          <p id={`${groupId}-error`} className="field__error webhook-events__error">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      <Field
        label="Description (optional)"
        error={errors.description?.message}
        hint="Who receives these events, so the next admin knows (for example “Data warehouse sync”)."
      >
        {(control) => <input {...control} {...form.register('description')} className="input" autoComplete="off" />}
      </Field>
    </>
  );
}
