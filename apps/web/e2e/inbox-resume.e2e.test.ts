import { describe, expect, it } from 'vitest';
import { httpClient, signUp as signUpVia, startTestServer } from '../../server/test/harness';
import {
  eventually,
  makeStaff,
  openSession,
  signUp,
  uniqueEmail,
  useServerAndBrowser,
} from './support';

/**
 * The agent console stays live after its server was away while the inbox events it would
 * resume from were pruned: the stream answers BAD_REQUEST, and the console reads the
 * lists again and listens from now. (Another instance on the same database makes the
 * events and prunes them while the console's server is down.)
 */

describe('the agent console after its missed events were pruned', () => {
  const e2e = useServerAndBrowser('web_inbox_resume');

  async function asksForAgent(url: string, name: string) {
    const customer = await signUpVia(httpClient(url), name);
    const client = httpClient(url, customer.accessToken);
    const { session } = await client.sessions.create.mutate({});
    await client.sessions.requestAgent.mutate({ sessionId: session.id });
  }

  it('lists what it missed and shows new requests live again', async () => {
    const agent = await openSession(e2e.browser, {
      prefix: 'inbox-resume-agent',
      viewport: { width: 1280, height: 800 },
    });
    const email = uniqueEmail('selin-resume');
    await signUp(agent, e2e.server.url, 'Selin', email);
    await makeStaff(e2e.server, email);
    await agent.page.goto(`${e2e.server.url}/inbox`);
    await agent.page.getByText('Nobody is waiting.').waitFor();
    await asksForAgent(e2e.server.url, 'Before');
    await agent.page.getByRole('listitem').filter({ hasText: 'Before' }).waitFor();

    // The console's server goes away; meanwhile, on another instance, someone asks for a
    // person and every event so far passes the retention and is pruned.
    await e2e.server.stop();
    const other = await startTestServer({ db: e2e.server.db });
    try {
      await asksForAgent(other.url, 'Meanwhile');
      await e2e.server.query("UPDATE inbox_events SET created_at = now() - interval '25 hours'");
      await e2e.server.query("SELECT graphile_worker.add_job('inbox.prune', '{}'::json)");
      await eventually(async () =>
        expect(await e2e.server.query('SELECT seq FROM inbox_events')).toEqual([]),
      );
    } finally {
      await other.close();
    }
    await e2e.server.restart();

    // The console resumes, is refused, reads the lists again and listens from now.
    await agent.page.getByRole('listitem').filter({ hasText: 'Meanwhile' }).waitFor();
    await asksForAgent(e2e.server.url, 'Afterwards');
    await agent.page.getByRole('listitem').filter({ hasText: 'Afterwards' }).waitFor();
    await agent.shot('live-again');
    agent.allow(/status of 4\d\d|ERR_CONNECTION_REFUSED|WebSocket/);
    expect(agent.problems).toEqual([]);
    await agent.context.close();
  }, 120_000);
});
