import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp } from './harness';
import { deploymentEnv, instances, killHard, until } from './instances';
import { type Receiver, startReceiver } from './receiver';

/**
 * A delivery whose process is SIGKILLed in the middle of sending it is sent again by
 * another instance once its lease runs out (seconds), with the same id: the job engine
 * itself would leave the dead process's job locked for hours. Two real processes on one
 * database, a receiver that never answers the first request.
 */
let db: TestDatabase;
let env: Record<string, string>;
let receiver: Receiver;
const group = instances('webhooks-crash', () => env);

beforeAll(async () => {
  db = await createTestDatabase('webhooks-crash');
  receiver = await startReceiver();
  env = {
    ...deploymentEnv(db, 'webhooks-crash'),
    WEBHOOK_ALLOW_PRIVATE: 'true',
    // The lease is the timeout and 5 s: a crashed attempt is retried 7 s after it began.
    WEBHOOK_TIMEOUT_MS: '2000',
  };
}, 60_000);

afterAll(async () => {
  await group.stopAll();
  await receiver?.close();
  await db?.drop();
});

describe('a delivery whose process dies mid-send', () => {
  it('is sent again by the instance left, with the same id, within seconds', async () => {
    const [first, second] = await Promise.all([group.start(), group.start()]);
    const user = await signUp(httpClient(first.url), 'crash');
    const owner = httpClient(first.url, user.accessToken);
    const { webhook } = await owner.webhooks.create.mutate({
      url: `${receiver.url}/crash`,
      events: ['ping'],
    });
    // The first request is held open; whoever sends it is killed meanwhile.
    receiver.answers.push(() => {});
    const sent = await owner.webhooks.test.mutate({ id: webhook.id });
    await receiver.waitFor((all) => all.length === 1);
    const lockedBy = await until(async () => {
      const [job] = await db.query<{ locked_by: string | null }>(
        `SELECT locked_by FROM graphile_worker.jobs
          WHERE task_identifier = 'webhooks.deliver' AND locked_by IS NOT NULL`,
      );
      return job?.locked_by ?? undefined;
    }, 'an instance to take the delivery');
    const victim = [first, second].find((i) => i.output().includes(lockedBy));
    expect(victim).toBeDefined();
    const killedAt = Date.now();
    await killHard(victim!);

    const [, again] = await receiver.waitFor((all) => all.length === 2, 30_000);
    expect(String(again!.headers['parley-delivery'])).toBe(sent.id);
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    const status = await until(async () => {
      const [row] = await db.query<{ status: string }>(
        'SELECT status FROM webhook_deliveries WHERE id = $1',
        [sent.id],
      );
      return row?.status === 'succeeded' ? row.status : undefined;
    }, 'the delivery to succeed');
    expect(status).toBe('succeeded');
    // Done with: no attempt is left queued for it (the killed job stays locked until the
    // engine frees it, and would then find nothing to do).
    const queued = await db.query(
      `SELECT id FROM graphile_worker.jobs
        WHERE task_identifier = 'webhooks.deliver' AND locked_by IS NULL`,
    );
    expect(queued).toHaveLength(0);
  });
});
