import { randomUUID } from 'node:crypto';
import { createParleyClient } from '@parley/sdk';
import { sendTextSlowly } from '@parley/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  eventually,
  type FakeModel,
  launchChromium,
  makeStaff,
  modelEnv,
  openSession,
  type Session,
  signUp,
  startFakeModel,
  startServer,
  uniqueEmail,
} from './support';

/**
 * Runs in the browser: stop a reply while it is written, retry it, regenerate the last
 * one, two pages on one conversation, the memory's chips across a reload, a chip removed,
 * and an answer the server could not finish. The model is a local stand-in speaking the
 * chat-completions protocol: a question naming Girne is searched (so the memory holds
 * it); a question with "slowly" in it is written piece by piece the first time it is
 * asked, quickly after that.
 */
const PASSWORD = 'violet harbour 4217';
const SLOW = Array.from({ length: 120 }, (_, i) => `word${i} `);
const askedSlowly = new Set<string>();

const log = (page: Page) => page.getByRole('log', { name: 'Messages' });
const messages = (page: Page) => log(page).locator(':scope > ol > li');
const memory = (page: Page) => page.getByRole('region', { name: 'Searching for' });

async function ask(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

/** Focus is in the message box (not lost to <body>). */
async function focusInBox(page: Page) {
  await eventually(async () =>
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-message'),
  );
}

/** The last message is a finished reply (nothing running, no caret). */
async function settled(page: Page, count: number) {
  await eventually(async () => {
    expect(await messages(page).count()).toBe(count);
    expect(await messages(page).last().getAttribute('data-status')).toMatch(/complete|interrupted/);
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
  }, 30_000);
}

describe('stop, retry, regenerate and two pages, in a browser', () => {
  let server: E2EServer;
  let model: FakeModel;
  let browser: Browser;
  let s: Session;
  let page: Page;
  let other: Page;

  beforeAll(async () => {
    model = await startFakeModel((question, res) => {
      if (question.includes('slowly') && !askedSlowly.has(question)) {
        askedSlowly.add(question);
        return sendTextSlowly(res, SLOW, 120).catch(() => {});
      }
      return undefined;
    });
    server = await startServer('web_e2e_runs', {
      ...modelEnv(model),
      // A restart finishes the run still going as failed (interrupted) at once.
      SHUTDOWN_TIMEOUT_MS: '300',
    });
    browser = await launchChromium();
    s = await openSession(browser, { prefix: 'runs', viewport: { width: 1280, height: 800 } });
    page = s.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await model?.close();
  });

  it('signs up and asks: the reply keeps the search in the memory chips', async () => {
    await signUp(s, server.url, 'Deniz', uniqueEmail('deniz'));
    await page.waitForURL(/\/chat$/);
    await ask(page, '2 bedroom flat in Girne');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    // The welcome pane's box made way for the conversation's: the focus moved with it.
    await focusInBox(page);
    await settled(page, 2);
    await eventually(async () =>
      expect(await memory(page).getByRole('listitem').allTextContents()).toEqual([
        'Girne×',
        'Long-term rent×',
        '2+ bedrooms×',
      ]),
    );
    expect(await messages(page).last().getByRole('button', { name: 'Regenerate' }).count()).toBe(1);
    await s.shot('reply-with-memory');
  });

  it('regenerates the last reply: a second answer to the same question', async () => {
    await messages(page).last().getByRole('button', { name: 'Regenerate' }).click();
    await focusInBox(page);
    await settled(page, 3);
    const texts = await messages(page).allTextContents();
    expect(texts[0]).toContain('2 bedroom flat in Girne');
    expect(texts[1]).toContain('Here is what I found.');
    expect(texts[2]).toContain('Here is what I found.');
    // Only the newest reply offers it.
    expect(await page.getByRole('button', { name: 'Regenerate' }).count()).toBe(1);
    expect(await messages(page).nth(2).getByRole('button', { name: 'Regenerate' }).count()).toBe(1);
  });

  it('stops a reply while it is written; Retry answers the question again', async () => {
    await ask(page, 'tell me about the area, slowly');
    const stop = page.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    await eventually(async () =>
      expect((await messages(page).last().textContent()) ?? '').toMatch(/word3 /),
    );
    await s.shot('writing-with-stop');
    await stop.click();
    await focusInBox(page);
    await settled(page, 5);
    const stopped = messages(page).last();
    expect(await stopped.getAttribute('data-status')).toBe('interrupted');
    const text = (await stopped.textContent()) ?? '';
    expect(text).toContain('Stopped');
    expect(text).not.toContain('word119');
    await s.shot('stopped');
    await stopped.getByRole('button', { name: 'Retry' }).click();
    await focusInBox(page);
    await settled(page, 6);
    expect(await messages(page).last().textContent()).toContain('Here is what I found.');
    // The stopped reply stays, without a second Retry.
    expect(await messages(page).nth(4).getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(s.problems).toEqual([]);
  });

  it('two pages on one conversation see each other live', async () => {
    other = await s.context.newPage();
    await other.goto(page.url());
    await settled(other, 6);
    await ask(other, 'any with a pool?');
    // The first page shows the other page's question and its answer as they come.
    await settled(page, 8);
    expect(await messages(page).nth(6).textContent()).toContain('any with a pool?');
    await ask(page, 'and near the sea?');
    await settled(other, 10);
    expect(await messages(other).nth(8).textContent()).toContain('and near the sea?');
    expect(await messages(other).allTextContents()).toEqual(await messages(page).allTextContents());
    await s.shot('two-pages');
    await other.close();
  });

  it('a reload keeps the chips; removing one corrects the memory, also after a reload', async () => {
    await page.reload();
    await settled(page, 10);
    await eventually(async () => expect(await memory(page).getByRole('listitem').count()).toBe(3));
    await memory(page).getByRole('button', { name: 'Remove Girne' }).click();
    await eventually(async () =>
      expect(await memory(page).getByRole('listitem').allTextContents()).toEqual([
        'Long-term rent×',
        '2+ bedrooms×',
      ]),
    );
    // The × pressed is gone: the next chip's × has the focus.
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Remove Long-term rent',
      ),
    );
    await page.reload();
    await settled(page, 10);
    await eventually(async () =>
      expect(await memory(page).getByRole('listitem').allTextContents()).toEqual([
        'Long-term rent×',
        '2+ bedrooms×',
      ]),
    );
    await s.shot('chip-removed');
  });

  it('an answer the server could not finish says so, and Retry answers it', async () => {
    await ask(page, 'what about schools, slowly');
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await eventually(async () =>
      expect((await messages(page).last().textContent()) ?? '').toMatch(/word2 /),
    );
    await server.restart();
    const failed = messages(page).nth(10).getByRole('alert');
    await eventually(
      async () => expect(await failed.textContent()).toContain('The answer was interrupted.'),
      30_000,
    );
    await s.shot('interrupted');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await settled(page, 12);
    expect(await messages(page).last().textContent()).toContain('Here is what I found.');
    s.allow(/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|status of 50\d/);
    expect(s.problems).toEqual([]);
  });

  it('offline, a message is "Not sent: no connection", with no typing and no Stop; back online, it goes by itself', async () => {
    await s.context.setOffline(true);
    await ask(page, 'are pets allowed?');
    const failed = messages(page).last().getByRole('alert');
    await eventually(async () =>
      expect(await failed.textContent()).toContain('Not sent: no connection.'),
    );
    expect(await failed.textContent()).not.toContain('Failed to fetch');
    expect(await page.getByText('Assistant is typing…').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
    // A second one, typed after it: both must arrive, in this order.
    await ask(page, 'and is there parking?');
    await eventually(async () =>
      expect(await messages(page).getByText('Not sent: no connection.').count()).toBe(2),
    );
    await s.shot('offline-not-sent');
    // The connection comes back: nobody presses Retry, the two are sent, and answered.
    await s.context.setOffline(false);
    await settled(page, 16);
    expect(await page.getByText('Not sent: no connection.').count()).toBe(0);
    const texts = await messages(page).allTextContents();
    expect(texts[12]).toContain('are pets allowed?');
    expect(texts[13]).toContain('Here is what I found.');
    expect(texts[14]).toContain('and is there parking?');
    expect(texts[15]).toContain('Here is what I found.');
    // Stored once each, in the order typed: a reload shows the same.
    await page.reload();
    await settled(page, 16);
    expect(await messages(page).allTextContents()).toEqual(texts.slice(0, 16));
    s.allow(/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/);
  });

  it('looks right on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await settled(page, 16);
    // The memory is read after the stream opens: wait for its chips before the picture.
    await memory(page).getByRole('listitem').first().waitFor();
    await s.shot('phone-chat');
    await ask(page, 'one more thing, slowly');
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    // Stopped once words are on the page: a stop before the first word keeps no message.
    await eventually(async () =>
      expect((await messages(page).last().textContent()) ?? '').toMatch(/word1 /),
    );
    await s.shot('phone-writing');
    await page.getByRole('button', { name: 'Stop' }).click();
    await settled(page, 18);
    await s.shot('phone-stopped');
  });

  it("with a person on the line: their typing shows, ours is sent, and 'back to waiting' is said", async () => {
    const customer = await openSession(browser, {
      prefix: 'runs-person',
      viewport: { width: 1280, height: 800 },
    });
    const cp = customer.page;
    // What the customer's page tells the server about typing, in order.
    const typingSent: boolean[] = [];
    cp.on('request', (request) => {
      if (!request.url().includes('sessions.typing')) return;
      const flag = /"typing":(true|false)/.exec(request.postData() ?? '')?.[1];
      if (flag) typingSent.push(flag === 'true');
    });
    const agentEmail = uniqueEmail('aylin');
    const anon = createParleyClient({ url: server.url, transport: 'http' });
    const me = await anon.auth.register.mutate({
      email: agentEmail,
      password: PASSWORD,
      name: 'Aylin',
    });
    await makeStaff(server, agentEmail);
    const agent = createParleyClient({
      url: server.url,
      transport: 'http',
      token: me.accessToken,
    });
    try {
      await signUp({ page: cp }, server.url, 'Kerem', uniqueEmail('kerem'));
      await cp.waitForURL(/\/chat$/);
      await ask(cp, 'hello there');
      await cp.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      await settled(cp, 2);
      const conversationId = /\/chat\/([0-9a-f-]{36})$/.exec(cp.url())![1]!;
      // While the assistant answers, typing is nobody's business.
      await cp.getByRole('textbox', { name: 'Message' }).pressSequentially('a flat');
      await cp.getByRole('textbox', { name: 'Message' }).fill('');
      expect(typingSent).toEqual([]);

      await cp.getByRole('button', { name: 'Talk to an agent' }).click();
      await cp.getByText('Waiting for an agent').waitFor();
      const { session } = await agent.inbox.claim.mutate({ conversationId });
      await cp.getByText('Aylin joined the conversation').waitFor();

      // The agent types: the customer sees it, and sees it go.
      await agent.sessions.typing.mutate({ sessionId: session.id, typing: true });
      await cp.getByText('Aylin is typing…').waitFor();
      await customer.shot('agent-typing');
      await agent.sessions.typing.mutate({ sessionId: session.id, typing: false });
      await cp.getByText('Aylin is typing…').waitFor({ state: 'detached' });
      // A "true" whose "false" never comes goes by itself after a few seconds.
      await agent.sessions.typing.mutate({ sessionId: session.id, typing: true });
      await cp.getByText('Aylin is typing…').waitFor();
      await cp.getByText('Aylin is typing…').waitFor({ state: 'detached', timeout: 9_000 });
      await agent.sessions.send.mutate({
        sessionId: session.id,
        content: 'Hello, I am Aylin. How can I help?',
        clientMessageId: randomUUID(),
      });
      await cp.getByText('Hello, I am Aylin. How can I help?').waitFor();

      // The customer types: "true" once (not per key), then "false" on send.
      const box = cp.getByRole('textbox', { name: 'Message' });
      await box.pressSequentially('Can I see it on Saturday?', { delay: 20 });
      await eventually(async () => expect(typingSent).toEqual([true]));
      await box.press('Enter');
      await eventually(async () => expect(typingSent).toEqual([true, false]));
      await messages(cp).filter({ hasText: 'Can I see it on Saturday?' }).waitFor();
      // And "false" after a pause with words left in the box.
      await box.pressSequentially('Or Sunday', { delay: 20 });
      await eventually(async () => expect(typingSent).toEqual([true, false, true]));
      await eventually(async () => expect(typingSent).toEqual([true, false, true, false]), 6_000);
      await box.fill('');

      // Sent back to the waiting list: the conversation says so.
      await agent.inbox.release.mutate({ conversationId, to: 'waiting' });
      const notice = cp.getByText(
        'Aylin left the conversation; you are waiting for another agent.',
      );
      await notice.waitFor();
      await cp.getByText('Waiting for an agent').first().waitFor();
      await customer.shot('agent-left');
      await cp.setViewportSize({ width: 390, height: 844 });
      await notice.scrollIntoViewIfNeeded();
      await customer.shot('agent-left-phone');
      // Nobody holds it now: typing is not sent.
      const before = typingSent.length;
      await box.pressSequentially('hello?', { delay: 20 });
      await cp.waitForTimeout(300);
      expect(typingSent).toHaveLength(before);
      customer.allow(/status of 4\d\d/);
      expect(customer.problems).toEqual([]);
    } finally {
      await anon.close();
      await agent.close();
      await customer.context.close();
    }
  }, 120_000);
});
