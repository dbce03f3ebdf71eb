import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
 * The agent's console follows the conversation: opening one shows its newest message,
 * and a message that arrives (the customer's, live) or is sent scrolls it into view,
 * unless the agent has scrolled up to read. At 1280 and 390 wide.
 */

/** The customer writes and waits until it is shown and any answer is written. */
async function say(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  const log = page.getByRole('log', { name: 'Messages' });
  await log.getByText(text).first().waitFor();
  // The chat's log may be its list or a box around it.
  const busy = log.locator(':scope > li[aria-busy], :scope > ol > li[aria-busy]');
  await eventually(async () => expect(await busy.count()).toBe(0));
}

/**
 * How far the transcript is from its bottom, and whether the end of its last message is
 * on screen (in the list's box and the window; a long reply may start above the box).
 */
async function position(transcript: Locator) {
  return transcript.evaluate((node) => {
    // The log scrolls; its messages are the items of the list inside it.
    const lastMessage = node.querySelector(':scope > ol > li:last-child');
    const last = lastMessage?.getBoundingClientRect();
    const box = node.getBoundingClientRect();
    return {
      overflows: node.scrollHeight > node.clientHeight + 10,
      fromBottom: Math.round(node.scrollHeight - node.scrollTop - node.clientHeight),
      lastText: lastMessage?.textContent ?? '',
      lastVisible:
        !!last &&
        last.bottom <= Math.min(box.bottom, window.innerHeight) + 2 &&
        last.bottom > Math.max(box.top, 0) + 20,
    };
  });
}

describe('the agent console scrolls to the newest message', () => {
  const e2e = useServerAndBrowser('web_inbox_scroll');

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`on open, on arrival, on send; not while reading (${name})`, async () => {
      const customer = await openSession(e2e.browser, {
        prefix: `inbox-scroll-${name}-customer`,
        viewport,
        isMobile,
      });
      const agent = await openSession(e2e.browser, {
        prefix: `inbox-scroll-${name}-agent`,
        viewport,
        isMobile,
      });
      const agentEmail = uniqueEmail(`selin-${name}`);
      await signUp(agent, e2e.server.url, 'Selin', agentEmail);
      await makeStaff(e2e.server, agentEmail);
      const customerName = `Mert ${name}`;
      await signUp(customer, e2e.server.url, customerName, uniqueEmail(`mert-${name}`));

      // A history longer than the transcript: replies with listings are tall.
      await customer.page.goto(`${e2e.server.url}/chat`);
      const questions = [
        '2 bedroom flat in Girne to rent',
        'villa with a pool in Lapta for sale',
        '3 bedroom house in Iskele under 200000',
        'studio in Famagusta to rent',
      ];
      for (const question of questions) await say(customer.page, question);
      await customer.page.getByRole('button', { name: 'Talk to an agent' }).click();
      await customer.page.getByText('Waiting for an agent').waitFor();

      await agent.page.goto(`${e2e.server.url}/inbox`);
      const item = agent.page.getByRole('listitem').filter({ hasText: customerName });
      await item.getByRole('button', { name: 'Claim' }).click();
      const transcript = agent.page.getByRole('log', { name: 'Conversation' });
      await customer.page.getByText('Selin joined the conversation').waitFor();
      // Opened: the whole history has arrived and the newest message is what shows.
      await eventually(async () => {
        const at = await position(transcript);
        expect(at.overflows).toBe(true);
        expect(at.fromBottom).toBeLessThanOrEqual(2);
        expect(at.lastVisible).toBe(true);
      });
      await agent.shot('opened');

      // The customer writes: it arrives live and is shown.
      await say(customer.page, 'Can I see the Girne flat on Saturday?');
      await eventually(async () => {
        const at = await position(transcript);
        expect(at.lastText).toContain('Can I see the Girne flat on Saturday?');
        expect(at.fromBottom).toBeLessThanOrEqual(2);
        expect(at.lastVisible).toBe(true);
      });
      await agent.shot('customer-wrote');

      // The agent scrolls up to read: a new message does not pull them away...
      await transcript.evaluate((node) => {
        node.scrollTop = 0;
        node.dispatchEvent(new Event('scroll'));
      });
      await say(customer.page, 'Or Sunday morning');
      await transcript.getByText('Or Sunday morning').waitFor({ state: 'attached' });
      expect(await transcript.evaluate((node) => node.scrollTop)).toBe(0);

      // ...their own reply brings them back to the newest message.
      await agent.page.getByLabel('Reply').fill('Saturday at 11 works, see you there.');
      await agent.page.getByRole('button', { name: 'Send', exact: true }).click();
      // Shown at once as the agent's own, not as the customer's, before it is stored.
      const mine = transcript
        .getByRole('listitem')
        .filter({ hasText: 'Saturday at 11 works, see you there.' });
      await mine.waitFor();
      expect(await mine.locator('.inbox-author').textContent()).toBe('Selin');
      await eventually(async () => {
        const at = await position(transcript);
        expect(at.lastText).toContain('Saturday at 11 works, see you there.');
        expect(at.fromBottom).toBeLessThanOrEqual(2);
        expect(at.lastVisible).toBe(true);
      });
      await agent.shot('agent-replied');
      // The customer's own chat still follows its newest message as before.
      await customer.page.getByText('Saturday at 11 works, see you there.').waitFor();
      await customer.shot('customer-sees-reply');

      customer.allow(/status of 4\d\d/);
      agent.allow(/status of 4\d\d/);
      expect(customer.problems).toEqual([]);
      expect(agent.problems).toEqual([]);
      await customer.context.close();
      await agent.context.close();
    }, 150_000);
  }
});
