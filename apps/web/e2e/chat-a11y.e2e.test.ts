import { sendTextSlowly } from '@parley/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  eventually,
  type FakeModel,
  launchChromium,
  modelEnv,
  openSession,
  type Session,
  signUp,
  startFakeModel,
  startGuestChat,
  startServer,
  uniqueEmail,
} from './support';

/**
 * The chat as a screen reader and a keyboard meet it, in a real browser: a streamed answer
 * is read once, finished (not piece by piece, not its buttons and cards); a first reply is
 * not an "Earlier answer"; Retry stays on a stopped answer after later questions; Stop
 * stops the text being written, not a question queued behind it; focus does not fall to
 * the page when a pressed control goes; the headings run h1, h2, h3; and the page holds up
 * at 400% zoom and with wider text spacing. The model is a local stand-in: a question
 * naming Girne is searched (cards and chips), one with "slowly" is written piece by piece
 * (about four seconds; "very slowly": about fifteen).
 */
const SLOW = Array.from({ length: 40 }, (_, i) => `word${i} `);
const VERY_SLOW = Array.from({ length: 150 }, (_, i) => `piece${i} `);

const askedVerySlowly = new Set<string>();

const log = (page: Page) => page.getByRole('log', { name: 'Messages' });
const messages = (page: Page) => log(page).locator(':scope > ol > li');

async function ask(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

async function settled(page: Page, count: number) {
  await eventually(async () => {
    expect(await messages(page).count()).toBe(count);
    expect(await messages(page).last().getAttribute('data-status')).toMatch(/complete|interrupted/);
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
  }, 40_000);
}

/** What has the focus: its id, class, role and text, to say where it went. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      tag: e?.tagName.toLowerCase() ?? '',
      id: e?.id ?? '',
      className: e?.className ?? '',
      role: e?.getAttribute('role') ?? '',
      text: e?.textContent ?? '',
    };
  });
}

/**
 * How a screen reader would take changes inside each element matching `selector`: the
 * politeness of its nearest live region ("off" when none): an aria-live attribute wins,
 * else the role's own (log and status polite, alert assertive).
 */
async function liveness(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const implied: Record<string, string> = {
      log: 'polite',
      status: 'polite',
      alert: 'assertive',
      marquee: 'off',
      timer: 'off',
    };
    return [...document.querySelectorAll(sel)].map((element) => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const live = e.getAttribute('aria-live');
        if (live) return live;
        const role = e.getAttribute('role');
        if (role && implied[role]) return implied[role];
      }
      return 'off';
    });
  }, selector);
}

/** Starts recording every text the chat's polite announcer is given (in the page). */
async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { announced: string[] };
    w.announced = [];
    const region = document.querySelector('[data-announcer]');
    if (!region) throw new Error('no announcer');
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text) w.announced.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

const announced = (page: Page) =>
  page.evaluate(() => (window as unknown as { announced: string[] }).announced);

describe('the chat for screen readers and keyboards, in a browser', () => {
  let server: E2EServer;
  let model: FakeModel;
  let browser: Browser;
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    model = await startFakeModel((question, res) => {
      // Written very slowly the first time it is asked (to be stopped), quickly when retried.
      if (question.includes('very slowly') && !askedVerySlowly.has(question)) {
        askedVerySlowly.add(question);
        return sendTextSlowly(res, VERY_SLOW, 100).catch(() => {});
      }
      if (question.includes('slowly') && !question.includes('very slowly'))
        return sendTextSlowly(res, SLOW, 100).catch(() => {});
      return undefined;
    });
    server = await startServer('web_e2e_chat_a11y', modelEnv(model));
    browser = await launchChromium();
    s = await openSession(browser, { prefix: 'chat-a11y', viewport: { width: 1280, height: 800 } });
    page = s.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await model?.close();
  });

  it('a first reply streams untagged, read once when finished, in this tab and another', async () => {
    await signUp(s, server.url, 'Ece', uniqueEmail('ece'));
    await page.waitForURL(/\/chat$/);
    await ask(page, 'tell me about the area, slowly');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await page.locator('[data-announcer]').waitFor({ state: 'attached' });
    await recordAnnouncements(page);
    const other = await s.context.newPage();
    await other.goto(page.url());
    for (const p of [page, other]) {
      const reply = messages(p).nth(1);
      await eventually(async () => {
        expect(await reply.getAttribute('data-status')).toBe('streaming');
        expect((await reply.textContent()) ?? '').toMatch(/word2 /);
      });
      // Being written, it is the question's only answer: not an "Earlier answer".
      expect(await reply.getAttribute('class')).not.toContain('message-earlier');
      expect(await p.getByText('Earlier answer').count()).toBe(0);
      // The growing text is in no live region: nothing is read piece by piece.
      expect(await liveness(p, '.messages > li')).toEqual(['off', 'off']);
      expect(await log(p).getAttribute('aria-busy')).toBe('true');
    }
    await s.shot('first-reply-streaming');
    await settled(page, 2);
    await settled(other, 2);
    await other.close();
    // Read once, finished, its words only.
    const said = await announced(page);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('word0 ');
    expect(said[0]).toContain('word39');
    expect(await page.getByText('Earlier answer').count()).toBe(0);
    expect(await log(page).getAttribute('aria-busy')).toBeNull();
  });

  it('the messages are a list inside the log; cards and buttons are not read out', async () => {
    await ask(page, 'a 2 bedroom flat in Girne');
    await settled(page, 4);
    await log(page).getByRole('article').first().waitFor();
    // The role is on a wrapper: the <ol> keeps its list role, its items are list items.
    const shape = await page.evaluate(() => {
      const logEl = document.querySelector('[role="log"]');
      const ol = logEl?.querySelector(':scope > ol');
      return {
        logTag: logEl?.tagName,
        olRole: ol?.getAttribute('role') ?? null,
        items: ol ? [...ol.children].map((c) => `${c.tagName}:${c.getAttribute('role')}`) : [],
      };
    });
    expect(shape.logTag).toBe('DIV');
    expect(shape.olRole).toBeNull();
    expect(shape.items).toEqual(['LI:null', 'LI:null', 'LI:null', 'LI:null']);
    expect(await log(page).getByRole('listitem').first().isVisible()).toBe(true);
    // Cards, chips and Regenerate sit where changes are not announced.
    const cards = await liveness(page, '.messages article');
    expect(cards.length).toBeGreaterThan(0);
    expect(new Set(cards)).toEqual(new Set(['off']));
    expect(await liveness(page, '.message-actions button')).toEqual(['off']);
    const said = await announced(page);
    expect(said).toHaveLength(2);
    expect(said[1]).toContain('Here is what I found.');
  });

  it('headings go h1, h2, h3 in order; "Conversations" does not come before the h1', async () => {
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll('.chat-layout :is(h1, h2, h3, h4, h5, h6)')].map((h) =>
        Number(h.tagName.slice(1)),
      ),
    );
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]!, `heading ${i} of ${levels.join(',')}`).toBeLessThanOrEqual(
        levels[i - 1]! + 1,
      );
    expect(levels).toContain(3); // the cards' titles
    // The sidebar is still a landmark by its name.
    await page.getByRole('complementary', { name: 'Conversations' }).waitFor();
  });

  it('"Save this search" hands the focus to the message saying it was saved', async () => {
    const save = page.getByRole('button', { name: 'Save this search' });
    await save.focus();
    await save.press('Enter');
    await page.getByText('Saved: new matches will also be posted in this chat.').waitFor();
    await eventually(async () => {
      const f = await focused(page);
      expect(f.role).toBe('status');
      expect(f.text).toContain('Saved: new matches');
    });
    await s.shot('saved-search-focus');
  });

  it('keeps Retry on a stopped answer after a later question', async () => {
    await ask(page, 'what about schools, very slowly');
    await eventually(async () =>
      expect((await messages(page).last().textContent()) ?? '').toMatch(/piece3 /),
    );
    await page.getByRole('button', { name: 'Stop' }).click();
    await settled(page, 6);
    const stopped = messages(page).nth(5);
    expect(await stopped.getAttribute('data-status')).toBe('interrupted');
    await stopped.getByRole('button', { name: 'Retry' }).waitFor();
    await ask(page, 'and parks?');
    await settled(page, 8);
    // The stopped answer is still all "schools" got: Retry stays.
    expect(await stopped.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await s.shot('retry-after-later-question');
    await stopped.getByRole('button', { name: 'Retry' }).click();
    await settled(page, 9);
    // Answered again (right under the stopped one): now the stopped one is not its latest.
    expect(await messages(page).nth(6).textContent()).toContain('Here is what I found.');
    expect(await messages(page).nth(5).getByRole('button', { name: 'Retry' }).count()).toBe(0);
  });

  it('Stop stops the reply being written, not the question queued behind it', async () => {
    await ask(page, 'tell me more, very slowly');
    await eventually(async () =>
      expect((await messages(page).last().textContent()) ?? '').toMatch(/piece3 /),
    );
    // Asked while the reply is written: queued behind it.
    await ask(page, 'and the beach?');
    await messages(page).filter({ hasText: 'and the beach?' }).waitFor();
    await s.shot('stop-with-queued');
    await page.getByRole('button', { name: 'Stop' }).click();
    await settled(page, 13);
    const texts = await messages(page).allTextContents();
    expect(texts[9]).toContain('tell me more, very slowly');
    expect(texts[10]).toContain('Stopped');
    expect(texts[10]).not.toContain('piece149');
    expect(texts[11]).toContain('and the beach?');
    expect(texts[12]).toContain('Here is what I found.');
    expect(await messages(page).nth(10).getAttribute('data-status')).toBe('interrupted');
  });

  it('"Talk to an agent" and "New chat" leave the focus in the message box', async () => {
    await page.getByRole('button', { name: 'Talk to an agent' }).click();
    await page.getByText('Waiting for an agent').first().waitFor();
    await eventually(async () => expect((await focused(page)).id).toBe('composer-message'));
    const url = page.url();
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.waitForURL((u) => u.href !== url && /\/chat\/[0-9a-f-]{36}$/.test(u.pathname));
    await eventually(async () => expect((await focused(page)).id).toBe('composer-message'));
    expect(s.problems).toEqual([]);
  });

  it('with WCAG text spacing, "+ New chat" is whole', async () => {
    // The page's CSP refuses a <style> element; a constructed sheet is the bookmarklet's
    // rules all the same.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const button = page.getByRole('button', { name: 'New chat' });
    await button.waitFor();
    const box = await button.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const side = b.closest('.sidebar')!.getBoundingClientRect();
      return {
        right: r.right,
        sideRight: side.right,
        scroll: b.scrollWidth,
        client: b.clientWidth,
      };
    });
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    expect(box.right).toBeLessThanOrEqual(box.sideRight);
    await s.shot('text-spacing');
  });

  it('at 400% zoom (320x200) a guest sees mostly the conversation', async () => {
    const guest = await openSession(browser, {
      prefix: 'chat-a11y-guest',
      viewport: { width: 1280, height: 800 },
    });
    try {
      const url = await startGuestChat(guest.page, server.url);
      await guest.shot('guest-desktop');
      await guest.page.setViewportSize({ width: 390, height: 844 });
      await guest.shot('guest-phone');
      await guest.page.setViewportSize({ width: 320, height: 200 });
      await guest.page.goto(url);
      await guest.page.locator('.chat-scroll [role="log"] article').first().waitFor();
      await eventually(async () => {
        const seen = await guest.page.evaluate(() => {
          const r = document.querySelector('.chat-scroll')!.getBoundingClientRect();
          return Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0));
        });
        // More than half of the 200 px: the header and message box take the rest.
        expect(seen).toBeGreaterThan(100);
      });
      await guest.shot('zoom-400');
      // The title, the invitation and the chips are still there, above it.
      await guest.page.locator('.chat-pane').evaluate((p) => {
        p.scrollTop = 0;
      });
      await guest.page.locator('.guest-banner').waitFor();
      await guest.shot('zoom-400-top');
      expect(
        await guest.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(320);
    } finally {
      await guest.context.close();
    }
  });
});
