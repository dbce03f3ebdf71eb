import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { renderWithParley } from '../../../test/render';
import { WebhooksPage } from './WebhooksPage';

let fake: FakeParley;
const webhookId = '55555555-5555-4555-8555-555555555555';
const deliveryId = '66666666-6666-4666-8666-666666666666';
const url = 'https://crm.example.com/parley';

beforeEach(() => {
  fake = createFakeParley();
  let items: unknown[] = [];
  fake.on('webhooks.list', () => ({ items }));
  fake.on('webhooks.create', (input: { url: string; events: string[] }) => {
    const webhook = {
      id: webhookId,
      url: input.url,
      events: input.events,
      description: null,
      enabled: true,
      createdAt: new Date(),
      lastDeliveryAt: null,
      failingSince: new Date('2026-12-04T08:00:00Z'),
    };
    items = [webhook];
    return { webhook, secret: 'whsec_shown_once' };
  });
  fake.on('webhooks.deliveries', () => ({
    items: [
      {
        id: deliveryId,
        webhookId,
        event: 'message.created',
        status: 'failed',
        attempts: 12,
        lastStatusCode: 500,
        nextAttemptAt: null,
        createdAt: new Date(),
      },
    ],
    nextCursor: null,
  }));
  fake.on('webhooks.redeliver', () => ({
    id: deliveryId,
    webhookId,
    event: 'message.created',
    status: 'pending',
    attempts: 12,
    lastStatusCode: 500,
    nextAttemptAt: new Date(),
    createdAt: new Date(),
  }));
});

describe('webhooks page', () => {
  it('adds a webhook, shows its secret once, lists its deliveries and redelivers one', async () => {
    const u = userEvent.setup();
    renderWithParley(fake, <WebhooksPage />);
    expect(await screen.findByText('No webhooks yet.')).toBeInTheDocument();
    await u.type(screen.getByLabelText('Endpoint URL'), url);
    await u.click(screen.getByRole('checkbox', { name: /Someone asks for a person/ }));
    await u.click(screen.getByRole('button', { name: 'Add webhook' }));

    expect(await screen.findByRole('textbox', { name: 'Signing secret' })).toHaveValue(
      'whsec_shown_once',
    );
    expect(fake.calls.find((c) => c.path === 'webhooks.create')?.input).toEqual({
      url,
      events: ['message.created', 'handoff.requested'],
    });
    await u.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'Signing secret' })).not.toBeInTheDocument();

    const row = await screen.findByRole('listitem', { name: url });
    expect(row).toHaveTextContent('Failing since');
    await u.click(within(row).getByText('Recent deliveries'));
    const redeliver = await within(row).findByRole('button', {
      name: 'Redeliver message.created',
    });
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(row).toHaveTextContent('12 attempts · HTTP 500');
    await u.click(redeliver);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path === 'webhooks.redeliver')?.input).toEqual({
        deliveryId,
      }),
    );
  });
});
