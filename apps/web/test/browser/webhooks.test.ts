import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { givenOrganization } from './api-client';
import { expectTitle, shot, signIn, withBrowser } from './harness';

/** One request the receiver got: its Standard Webhooks headers and its JSON body. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: { type: string; version: number; timestamp: string; data: Record<string, unknown> };
}

/** A webhook receiver in the test process: records every POST and answers 204. */
let receiver: Server;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'],
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const receiverUrl = (path: string) => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${path}`;

/** Waits (polling, up to `timeoutMs`) until the receiver has `count` requests to `path`; answers them. */
async function receivedAt(path: string, count: number, timeoutMs = 30_000): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = received.filter((r) => r.path === path);
    if (mine.length >= count) return mine;
    if (Date.now() > deadline) throw new Error(`the receiver got ${mine.length} of ${count} requests to ${path}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Settings → Webhooks', () => {
  test('an admin adds an endpoint (secret shown once), sends a test event, sees it delivered, and redelivers it', async () => {
    const org = await givenOrganization('Webhooks');
    const path = `/hooks/${Date.now()}`;
    const url = receiverUrl(path);
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.admin.email, org.password);
      await browser.goto('/settings/webhooks');
      await expectTitle(page, 'Webhooks · Scorecard');
      await page.getByRole('link', { name: 'Webhooks' }).first().waitFor();

      // No endpoint yet.
      const endpoints = page.getByRole('region', { name: 'Endpoints' });
      await endpoints.getByText('No webhook endpoints yet').waitFor();
      await shot(browser, 'webhooks-empty');

      // The address and at least one event are required, with clear messages.
      await endpoints.getByRole('button', { name: 'Add endpoint' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await dialog.getByText('Enter the address that receives the events.').waitFor();
      await dialog.getByText('Choose at least one event.').waitFor();
      expect(await dialog.getByLabel('Endpoint URL').getAttribute('aria-invalid')).toBe('true');
      await dialog.getByLabel('Endpoint URL').fill('not an address');
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await dialog.getByText(/Enter an http\(s\) address/).waitFor();

      // Filled in with the keyboard: the address, two events (each with what it means), a description.
      await dialog.getByLabel('Endpoint URL').fill(url);
      await dialog.getByLabel('candidate.created').check();
      await dialog.getByText('An application moved from one stage to another.').waitFor();
      await dialog.getByLabel('application.moved').focus();
      await page.keyboard.press('Space');
      expect(await dialog.getByLabel('application.moved').isChecked()).toBe(true);
      await dialog.getByLabel('Description (optional)').fill('Data warehouse sync');
      await browser.audit('the create dialog');
      await shot(browser, 'webhooks-create-dialog');
      await dialog.getByLabel('Description (optional)').press('Enter');

      // The signing secret, shown once with a warning and a Copy button.
      const shown = page.getByRole('dialog', { name: 'Copy the signing secret now' });
      await shown.getByText('Shown only this once').waitFor();
      const secret = await shown.getByLabel(`Signing secret for ${url}`).inputValue();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
      await shown.getByRole('button', { name: /^Copy/ }).waitFor();
      await browser.audit('the secret, shown once');
      await shot(browser, 'webhooks-secret-shown-once');
      await shown.getByRole('button', { name: 'I’ve copied it' }).click();

      // Listed (URL, events, enabled, nothing sent yet), and the secret is nowhere after a reload.
      const row = endpoints.getByRole('row').filter({ hasText: url });
      await row.getByText('Enabled').waitFor();
      await row.getByText('Nothing sent yet').waitFor();
      expect(await row.getByText('candidate.created').count()).toBe(1);
      expect(await row.getByText('Data warehouse sync').count()).toBe(1);
      await page.reload();
      await row.getByText('Enabled').waitFor();
      expect(await page.content()).not.toContain(secret);
      await shot(browser, 'webhooks-list');

      // The endpoint's page: nothing delivered yet; a test event.
      await row.getByRole('link', { name: url }).click();
      await page.getByRole('heading', { level: 1, name: url }).waitFor();
      const log = page.getByRole('region', { name: 'Delivery log' });
      await log.getByText('Nothing delivered yet').waitFor();
      await page.getByRole('button', { name: 'Send test event' }).click();
      await page.getByText('A test event (webhook.test) is on its way.').waitFor();

      // The receiver gets it, signed the Standard Webhooks way; the log (refreshing itself) shows it delivered.
      await log.getByRole('row').filter({ hasText: 'webhook.test' }).waitFor();
      const [first] = await receivedAt(path, 1);
      expect(first!.body).toMatchObject({ type: 'webhook.test', version: 1 });
      expect(first!.headers['webhook-id']).toMatch(/^msg_/);
      expect(first!.headers['webhook-signature']).toMatch(/^v1,/);
      const eventId = String(first!.headers['webhook-id']);
      const delivery = log.getByRole('row').filter({ hasText: eventId });
      await delivery.getByText('Delivered').waitFor({ timeout: 30_000 });
      await delivery.getByText('HTTP 204').waitFor();
      expect(await delivery.getByRole('cell').nth(2).textContent()).toBe('1');
      await browser.audit('the delivery log');
      await shot(browser, 'webhooks-delivery-log');

      // Redeliver: the same event id again, a second attempt counted on the row.
      await delivery.getByRole('button', { name: `Redeliver webhook.test ${eventId}` }).click();
      await page.getByText(`webhook.test (${eventId}) is being delivered again.`).waitFor();
      const both = await receivedAt(path, 2);
      expect(both[1]!.headers['webhook-id']).toBe(eventId);
      expect(both[1]!.body).toEqual(first!.body);
      await delivery.getByRole('cell', { name: '2', exact: true }).waitFor({ timeout: 30_000 });
      await delivery.getByText('Delivered').waitFor({ timeout: 30_000 });
      await shot(browser, 'webhooks-redelivered');
      // On a phone the log scrolls sideways inside its panel; the page itself does not.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(browser, 'webhooks-endpoint-narrow');
      await page.setViewportSize({ width: 1280, height: 800 });

      // Edit: another description and a third event.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const edit = page.getByRole('dialog', { name: 'Edit the endpoint' });
      expect(await edit.getByLabel('candidate.created').isChecked()).toBe(true);
      await edit.getByLabel('decision.recorded').check();
      await edit.getByLabel('Description (optional)').fill('Warehouse, nightly');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('The endpoint is saved.').waitFor();
      await page.getByRole('region', { name: 'Endpoint settings' }).getByText('decision.recorded').waitFor();

      // Disable, then enable again, each after confirming.
      await page.getByRole('button', { name: 'Disable endpoint' }).click();
      await page
        .getByRole('alertdialog', { name: 'Disable this endpoint?' })
        .getByRole('button', { name: 'Disable endpoint' })
        .click();
      await page.getByText('The endpoint is disabled').waitFor();
      const settings = page.getByRole('region', { name: 'Endpoint settings' });
      await settings.getByText('by an admin').waitFor();
      expect(await page.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Enable endpoint' }).click();
      await page
        .getByRole('alertdialog', { name: 'Enable this endpoint?' })
        .getByRole('button', { name: 'Enable endpoint' })
        .click();
      await settings.getByText('Enabled').waitFor();

      // Delete, after confirming: back on the list, which is empty again.
      await page.getByRole('button', { name: 'Delete endpoint' }).click();
      await page
        .getByRole('alertdialog', { name: 'Delete this endpoint?' })
        .getByRole('button', { name: 'Delete endpoint' })
        .click();
      await browser.waitForPath('/settings/webhooks');
      await page.getByText('No webhook endpoints yet').waitFor();
    });
  }, 150_000);

  test('the page is for admins only', async () => {
    const org = await givenOrganization('Webhooks members');
    await withBrowser(async (browser) => {
      const { page } = browser;
      await signIn(browser, org.people.recruiter.email, org.password);
      await browser.goto('/settings/webhooks');
      await page.getByText('Only admins set up webhooks.').waitFor();
      expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    });
  });
});
