import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { httpClient, signUp as signUpByApi } from '../../server/test/harness';
import {
  eventually,
  makeStaff,
  openSession,
  signUp,
  uniqueEmail,
  useServerAndBrowser,
  VIEWPORTS,
} from './support';

/**
 * A customer asks for a person in the chat; an agent, in another browser, claims the
 * conversation from the live inbox and replies; the customer sees them join and their
 * words live; the agent hands back. At 1280 and 390 wide.
 */

describe('hand-off to a person, in two browsers', () => {
  const e2e = useServerAndBrowser('web_handoff');

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`customer asks, agent claims and replies, customer sees it live (${name})`, async () => {
      const customer = await openSession(e2e.browser, {
        prefix: `handoff-${name}-customer`,
        viewport,
        isMobile,
      });
      const agent = await openSession(e2e.browser, {
        prefix: `handoff-${name}-agent`,
        viewport,
        isMobile,
      });
      const agentEmail = uniqueEmail(`aylin-${name}`);
      await signUp(agent, e2e.server.url, 'Aylin', agentEmail);
      await makeStaff(e2e.server, agentEmail);
      await signUp(customer, e2e.server.url, `Deniz ${name}`, uniqueEmail(`deniz-${name}`));

      await customer.page.goto(`${e2e.server.url}/chat`);
      await customer.page
        .getByRole('textbox', { name: 'Message' })
        .fill('2 bedroom flat in Girne to rent');
      await customer.page.getByRole('textbox', { name: 'Message' }).press('Enter');
      await customer.page.getByRole('button', { name: 'Talk to an agent' }).waitFor();
      await customer.page.getByRole('button', { name: 'Talk to an agent' }).click();
      await customer.page.getByText('Waiting for an agent').waitFor();
      await customer.shot('waiting');

      // The inbox is one click away in the main menu, for staff.
      await agent.page.goto(`${e2e.server.url}/listings`);
      await agent.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Inbox' })
        .click();
      await agent.page.waitForURL((u) => u.pathname === '/inbox');
      const item = agent.page.getByRole('listitem').filter({ hasText: `Deniz ${name}` });
      await item.waitFor();
      await agent.shot('inbox');
      await item.getByRole('button', { name: 'Claim' }).click();
      await agent.page.getByRole('complementary', { name: 'What the customer wants' }).waitFor();
      await customer.page.getByText('Aylin joined the conversation').waitFor();

      await agent.page.getByLabel('Reply').fill('Hello, I can show you flats on Saturday.');
      await agent.page.getByRole('button', { name: 'Send', exact: true }).click();
      await customer.page.getByText('Hello, I can show you flats on Saturday.').waitFor();
      // The agent's reply comes into view by itself, below the assistant's long answer.
      await eventually(async () =>
        expect(
          await customer.page.evaluate(() => {
            const scroller = document.querySelector<HTMLElement>('.chat-scroll')!;
            const reply = [...scroller.querySelectorAll('[role="log"] > ol > li')].at(-1)!;
            const view = scroller.getBoundingClientRect();
            const box = reply.getBoundingClientRect();
            return box.top >= view.top - 1 && box.top < view.bottom - 20;
          }),
        ).toBe(true),
      );
      await customer.shot('agent-replied');
      await agent.shot('conversation');

      await customer.page.getByRole('textbox', { name: 'Message' }).fill('Saturday at 11 is good');
      await customer.page.getByRole('textbox', { name: 'Message' }).press('Enter');
      // It shows in the conversation and, live, as the waiting list's last message.
      await agent.page.getByText('Saturday at 11 is good').first().waitFor();

      await agent.page.getByRole('button', { name: 'Hand back to the assistant' }).click();
      await customer.page.getByText('Aylin handed you back to the assistant.').waitFor();
      await customer.shot('handed-back');
      await eventually(async () =>
        expect(await agent.page.getByText('Nobody is waiting.').count()).toBe(1),
      );
      customer.allow(/status of 4\d\d/);
      agent.allow(/status of 4\d\d/);
      expect(customer.problems).toEqual([]);
      expect(agent.problems).toEqual([]);
      await customer.context.close();
      await agent.context.close();
    }, 120_000);
  }

  it("a card's Ask an agent hands this conversation over, naming the listing; a listing's page starts a named one", async () => {
    const customer = await openSession(e2e.browser, {
      prefix: 'handoff-card',
      viewport: { width: 1280, height: 800 },
    });
    const { page } = customer;
    await signUp(customer, e2e.server.url, 'Kerem', uniqueEmail('kerem'));
    await page.goto(`${e2e.server.url}/chat`);
    await page.getByRole('textbox', { name: 'Message' }).fill('2 bedroom flat in Girne to rent');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const chatUrl = page.url();
    const card = page.getByRole('log', { name: 'Messages' }).getByRole('article').first();
    await card.waitFor();
    const title = (await card.getByRole('heading').textContent())!;
    const sidebar = page.getByRole('complementary', { name: 'Conversations' });
    await sidebar.getByRole('listitem').first().waitFor();
    const before = await sidebar.getByRole('listitem').count();
    await card.getByRole('button', { name: `Ask an agent about ${title}` }).click();
    await page.getByText(`Waiting for an agent about “${title}”`).waitFor();
    // Still this conversation: no new, empty one.
    expect(page.url()).toBe(chatUrl);
    expect(await sidebar.getByRole('listitem').count()).toBe(before);
    // The listing is named from the conversation's hand-off, not the page's memory.
    await page.reload();
    await page.getByText(`Waiting for an agent about “${title}”`).waitFor();
    await customer.shot('card-asked');
    await page.setViewportSize({ width: 390, height: 844 });
    await customer.shot('card-asked-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // From a listing's own page: a new conversation, named after it, in the sidebar.
    await card.getByRole('heading').getByRole('link').click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Ask about this listing' }).click();
    await page.waitForURL((u) => /^\/chat\/[0-9a-f-]{36}$/.test(u.pathname) && u.href !== chatUrl);
    await page.getByText(`Waiting for an agent about “${title}”`).waitFor();
    await page.getByRole('heading', { level: 1, name: `About ${title}` }).waitFor();
    await sidebar.getByText(`About ${title}`).waitFor();
    await customer.shot('listing-asked');
    customer.allow(/status of 4\d\d/);
    expect(customer.problems).toEqual([]);
    await customer.context.close();
  }, 120_000);
  it("a widget's visitor is the visitor, not the key's owner; Enter on Claim puts the focus in the reply box; typing goes both ways", async () => {
    const agent = await openSession(e2e.browser, {
      prefix: 'handoff-visitor',
      viewport: { width: 1280, height: 800 },
    });
    const { page } = agent;
    const agentEmail = uniqueEmail('ada');
    await signUp(agent, e2e.server.url, 'Ada Agent', agentEmail);
    await makeStaff(e2e.server, agentEmail, 'admin');

    // An integrator's site: its key makes a session for one of its visitors.
    const owner = await signUpByApi(httpClient(e2e.server.url), 'shopowner');
    const { key } = await httpClient(e2e.server.url, owner.accessToken).auth.apiKeys.create.mutate({
      name: 'widget',
      scopes: ['sessions:write', 'conversations:read', 'conversations:write'],
    });
    const site = httpClient(e2e.server.url, key);
    const { session } = await site.sessions.create.mutate({ endUserId: 'visitor-7' });
    await site.sessions.send.mutate({
      sessionId: session.id,
      content: 'Is the villa in Lapta free in May?',
      clientMessageId: randomUUID(),
    });
    await site.sessions.requestAgent.mutate({ sessionId: session.id });
    const seen: { type: string; actor?: string; typing?: boolean }[] = [];
    const events = site.sessions.events.subscribe(
      { sessionId: session.id },
      { onData: (e) => seen.push((e as { data: (typeof seen)[number] }).data) },
    );

    await page.goto(`${e2e.server.url}/inbox`);
    const waiting = page.getByRole('region', { name: 'Waiting for a person' });
    const card = waiting.getByRole('listitem').filter({ hasText: 'Visitor · visitor-7' });
    await card.waitFor();
    expect(await card.textContent()).not.toContain('shopowner');
    await agent.shot('visitor-waiting');

    // By keyboard: Tab to Claim, Enter; the focus lands in the reply box.
    const claim = card.getByRole('button', { name: 'Claim conversation with Visitor · visitor-7' });
    await claim.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Conversation' }).waitFor();
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('inbox-reply'),
    );
    const log = page.getByRole('log', { name: 'Conversation' });
    const first = log
      .getByRole('listitem')
      .filter({ hasText: 'Is the villa in Lapta free in May?' });
    await first.waitFor();
    expect(await first.locator('.inbox-author').textContent()).toBe('Visitor · visitor-7');
    expect(await log.textContent()).not.toContain('shopowner');
    const brief = page.getByRole('complementary', { name: 'What the customer wants' });
    await eventually(async () =>
      expect(await brief.textContent()).toContain('Visitor · visitor-7 via shopowner'),
    );
    await eventually(async () => expect(await brief.textContent()).toContain('Language: English'));
    await agent.shot('visitor-claimed');

    // The visitor types: the agent sees it (typing is live only: said until it shows).
    const typingLine = page.getByText('Visitor · visitor-7 is typing…');
    await eventually(async () => {
      await site.sessions.typing.mutate({ sessionId: session.id, typing: true });
      await typingLine.waitFor({ timeout: 1_000 });
    });
    await agent.shot('visitor-typing');
    await site.sessions.typing.mutate({ sessionId: session.id, typing: false });
    await typingLine.waitFor({ state: 'detached' });

    // The agent types: the visitor's stream hears it, and that it stopped on send.
    await page.getByLabel('Reply').pressSequentially('Yes, it is free');
    await eventually(async () =>
      expect(seen.some((e) => e.type === 'typing' && e.actor === 'agent' && e.typing)).toBe(true),
    );
    await page.getByLabel('Reply').press('Enter');
    await eventually(async () =>
      expect(
        seen.some((e) => e.type === 'typing' && e.actor === 'agent' && e.typing === false),
      ).toBe(true),
    );
    events.unsubscribe();
    agent.allow(/status of 4\d\d/);
    expect(agent.problems).toEqual([]);
    await agent.context.close();
  }, 120_000);
});
