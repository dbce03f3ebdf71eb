import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createParleyClient, type ParleyClient } from '@parley/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  eventually,
  launchChromium,
  openSession,
  startServer,
  uniqueEmail,
  VIEWPORTS,
} from './support';

const PASSWORD = 'harbour lights 8812';

describe('the Webhooks page', () => {
  let server: E2EServer;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl: string;
  const clients: ParleyClient[] = [];

  beforeAll(async () => {
    server = await startServer('web_webhooks', { WEBHOOK_ALLOW_PRIVATE: 'true' });
    browser = await launchChromium();
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await browser?.close();
    await server?.close();
    receiver?.close();
  });

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`adds a webhook, pings it and redelivers from the list (${name})`, async () => {
      const email = uniqueEmail(`hooks-${name}`);
      const anon = createParleyClient({ url: server.url, transport: 'http' });
      clients.push(anon);
      await anon.auth.register.mutate({ email, password: PASSWORD, name: 'Selin' });
      const s = await openSession(browser, { prefix: `webhooks-${name}`, viewport, isMobile });
      const { page } = s;
      try {
        await page.goto(`${server.url}/signin`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => url.pathname !== '/signin');
        // Reached from the account menu.
        await page.getByRole('button', { name: /Account/ }).click();
        await page.getByRole('link', { name: 'Webhooks' }).click();
        await page.waitForURL((url) => url.pathname === '/webhooks');

        await page.getByLabel('Endpoint URL').fill(receiverUrl);
        await page.getByRole('checkbox', { name: /Test pings/ }).check();
        await page.getByRole('button', { name: 'Add webhook' }).click();
        const secret = page.getByRole('textbox', { name: 'Signing secret' });
        await secret.waitFor();
        expect(await secret.inputValue()).toMatch(/^whsec_/);
        await s.shot('secret');
        await page.getByRole('button', { name: 'Done' }).click();

        const row = page.getByRole('listitem', { name: receiverUrl });
        await row.getByRole('button', { name: 'Send test' }).click();
        await eventually(async () => {
          expect(await row.getByText('Delivered').count()).toBeGreaterThan(0);
        });
        await row.getByRole('button', { name: 'Redeliver ping' }).click();
        await eventually(async () => {
          expect(await row.textContent()).toContain('2 attempts');
        });
        await s.shot('deliveries');
        expect(s.problems).toEqual([]);
      } finally {
        await s.context.close();
      }
    });
  }
});
