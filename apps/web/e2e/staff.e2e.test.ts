import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../server/test/harness';
import {
  type E2EServer,
  eventually,
  launchChromium,
  makeStaff,
  openSession,
  type Session,
  SMALL_PHONE,
  signUp,
  startServer,
  uniqueEmail,
  VIEWPORTS,
} from './support';

/**
 * The staff's pages (the inbox, people and roles) and the header staff see, on a desk
 * and on phones as narrow as 360: nothing sticks out sideways, the account menu opens on
 * screen with the staff pages under their own heading, a guest is just "Guest", and
 * each role change says it was saved (asking first before admin rights go).
 */

const WIDTHS = [...VIEWPORTS, SMALL_PHONE];

/**
 * The page does not scroll sideways at `width`, and `selector`'s box (if given) is on
 * screen. Measured against the width asked for, not innerWidth: a mobile browser zooms
 * out to fit content that sticks out, and innerWidth grows with it.
 */
async function fitsWidth(page: Page, width: number, selector?: string): Promise<void> {
  const sizes = await page.evaluate((sel) => {
    const box = sel ? document.querySelector(sel)?.getBoundingClientRect() : undefined;
    return {
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      left: box?.left ?? 0,
      right: box?.right ?? 0,
    };
  }, selector);
  expect(sizes.scroll).toBeLessThanOrEqual(width);
  expect(sizes.inner).toBe(width);
  expect(sizes.left).toBeGreaterThanOrEqual(0);
  expect(sizes.right).toBeLessThanOrEqual(width);
}

/** A guest (no account) asks for a person, through the API as the chat would. */
async function guestAsksForAgent(url: string): Promise<void> {
  const guest = await httpClient(url).auth.guest.mutate();
  const client = httpClient(url, guest.accessToken);
  const { session } = await client.sessions.create.mutate({});
  await client.sessions.requestAgent.mutate({ sessionId: session.id });
}

async function openAccountMenu(s: Session, name: string) {
  await s.page.getByRole('button', { name: `Account: ${name}` }).click();
  await s.page.getByRole('list', { name: 'Staff' }).waitFor();
}

describe('staff pages at every width', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    // Enough guests for more than one page of the waiting list.
    server = await startServer('web_staff', { RATE_LIMIT_GUESTS_PER_IP_PER_HOUR: '1000' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, viewport, isMobile } of WIDTHS) {
    it(`the header, the inbox and people and roles fit ${viewport.width} wide`, async () => {
      const s = await openSession(browser, { prefix: `staff-${name}`, viewport, isMobile });
      const { page } = s;
      const admin = uniqueEmail(`admin-${name}`);
      await signUp(s, server.url, 'Admin Mehmet', admin);
      await makeStaff(server, admin, 'admin');
      const agentSession = await openSession(browser, {
        prefix: `staff-${name}-agent`,
        viewport,
        isMobile,
      });
      const agent = uniqueEmail(`agent-${name}`);
      await signUp(agentSession, server.url, 'Agent Ayşe', agent);
      await makeStaff(server, agent, 'agent');
      await guestAsksForAgent(server.url);

      await page.goto(`${server.url}/inbox`);
      const waiting = page.getByRole('region', { name: 'Waiting for a person' });
      await waiting.getByRole('listitem').filter({ hasText: 'Guest' }).first().waitFor();
      await fitsWidth(page, viewport.width, '.account-menu .popover-button');
      // In English every item of the main menu shows: it need not scroll at 360 either.
      expect(
        await page.evaluate(() => {
          const nav = document.querySelector('.main-nav')!;
          return nav.scrollWidth <= nav.clientWidth;
        }),
      ).toBe(true);
      await s.shot('inbox');

      // The account menu opens on screen, the staff pages apart from the developers'.
      await openAccountMenu(s, 'Admin Mehmet');
      const staff = page.getByRole('list', { name: 'Staff' });
      expect(await staff.getByRole('link').allTextContents()).toEqual([
        'Inbox',
        'My listings',
        'People and roles',
      ]);
      expect(
        await page.getByRole('list', { name: 'Developers' }).getByRole('link').allTextContents(),
      ).toEqual(['API keys', 'Webhooks']);
      await fitsWidth(page, viewport.width, '.account-menu .popover-panel');
      await s.shot('account-menu');
      await page.keyboard.press('Escape');

      // A guest is "Guest", never its made-up address, in the list and beside the chat.
      await waiting
        .getByRole('listitem')
        .filter({ hasText: 'Guest' })
        .first()
        .getByRole('button', { name: 'Claim' })
        .click();
      const brief = page.getByRole('complementary', { name: 'What the customer wants' });
      await eventually(async () => expect(await brief.textContent()).toContain('Guest'));
      expect(await page.locator('body').textContent()).not.toContain('@guest.invalid');
      await fitsWidth(page, viewport.width);
      await s.shot('guest-claimed');

      // People and roles: headers, and every role readable (not squeezed to its chevron).
      await page.goto(`${server.url}/admin`);
      const roles = page.getByRole('combobox', { name: /^Role of / });
      await roles.first().waitFor();
      expect(await page.getByRole('columnheader').allTextContents()).toEqual([
        'Name',
        'Email',
        'Role',
      ]);
      for (const role of await roles.all()) {
        const box = (await role.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(70);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      await fitsWidth(page, viewport.width);
      await s.shot('admin');
      await openAccountMenu(s, 'Admin Mehmet');
      await fitsWidth(page, viewport.width, '.account-menu .popover-panel');

      // An agent's header fits too.
      await agentSession.page.goto(`${server.url}/inbox`);
      await agentSession.page.getByRole('heading', { name: /^Inbox/ }).waitFor();
      await fitsWidth(agentSession.page, viewport.width, '.account-menu .popover-button');
      await agentSession.shot('inbox');

      s.allow(/status of 4\d\d/);
      expect(s.problems).toEqual([]);
      await s.context.close();
      await agentSession.context.close();
    }, 120_000);
  }

  it('pages the waiting list past 50, shows a claimed one first on a phone, and Enter sends', async () => {
    const s = await openSession(browser, {
      prefix: 'staff-many',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const { page } = s;
    const agent = uniqueEmail('agent-many');
    await signUp(s, server.url, 'Agent Many', agent);
    await makeStaff(server, agent, 'agent');

    // An agent opening the admins' page is told at once (a refusal is not retried).
    const started = Date.now();
    await page.goto(`${server.url}/admin`);
    await page.getByText('You are not allowed to do this.').waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(2_500);

    // The earlier tests' guests wait too: at least 51 in all.
    for (let i = 0; i < 6; i++)
      await Promise.all(Array.from({ length: 9 }, () => guestAsksForAgent(server.url)));
    await page.goto(`${server.url}/inbox`);
    const waiting = page.getByRole('region', { name: 'Waiting for a person' });
    await waiting.getByRole('listitem').first().waitFor();
    const badge = page.locator('.inbox-count');
    expect(await badge.textContent()).toBe('50+ waiting');
    expect(await waiting.getByRole('listitem').count()).toBe(50);
    await s.shot('inbox-50-plus');
    // Scrolled to its end, the list reads the next page; the badge then says how many.
    await waiting.getByRole('listitem').last().scrollIntoViewIfNeeded();
    await eventually(async () =>
      expect(await waiting.getByRole('listitem').count()).toBeGreaterThan(50),
    );
    await eventually(async () => expect(await badge.textContent()).toMatch(/^\d+ waiting$/));
    const total = await waiting.getByRole('listitem').count();
    expect(await badge.textContent()).toBe(`${total} waiting`);

    // Claimed on a phone: the conversation comes first, in view, above the list.
    await waiting.getByRole('listitem').last().getByRole('button', { name: 'Claim' }).click();
    const chat = page.getByRole('region', { name: 'Conversation' });
    await chat.waitFor();
    await eventually(async () => {
      const box = (await chat.boundingBox())!;
      const list = (await waiting.boundingBox())!;
      expect(box.y).toBeLessThan(list.y);
      expect(box.y).toBeLessThan(844);
      expect(box.y + 40).toBeGreaterThan(0);
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await s.shot('inbox-claimed-phone');

    // The reply box works as the customer's: Shift+Enter a new line, Enter sends.
    const reply = page.getByLabel('Reply');
    expect(await reply.getAttribute('aria-describedby')).toBeTruthy();
    await reply.fill('Hello,');
    await reply.press('Shift+Enter');
    await reply.pressSequentially('how can I help?');
    expect(await reply.inputValue()).toBe('Hello,\nhow can I help?');
    await reply.press('Enter');
    await page.getByRole('log', { name: 'Conversation' }).getByText('how can I help?').waitFor();
    expect(await reply.inputValue()).toBe('');
    await page.setViewportSize({ width: 1280, height: 800 });
    await s.shot('inbox-claimed-desktop');
    s.allow(/status of 4\d\d/);
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 120_000);

  it('says each role change was saved, and asks before admin rights go', async () => {
    const s = await openSession(browser, {
      prefix: 'staff-roles',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const { page } = s;
    const me = uniqueEmail('admin-roles');
    await signUp(s, server.url, 'Admin Roles', me);
    await makeStaff(server, me, 'admin');
    const otherSession = await openSession(browser, {
      prefix: 'staff-roles-other',
      viewport: { width: 1280, height: 800 },
    });
    const other = uniqueEmail('other-admin');
    await signUp(otherSession, server.url, 'Other Admin', other);
    await otherSession.context.close();
    await makeStaff(server, other, 'admin');
    const dialogs: string[] = [];
    let answer = false;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    });

    await page.goto(`${server.url}/admin`);
    const row = (who: string) => page.getByRole('row').filter({ hasText: who });
    const select = (who: string) => page.getByRole('combobox', { name: `Role of ${who}` });

    // Another admin: asked first; "no" keeps them admin and saves nothing.
    await select('Other Admin').selectOption('user');
    expect(dialogs).toEqual([
      'Take admin rights away from Other Admin? They will no longer be able to change roles.',
    ]);
    expect(await select('Other Admin').inputValue()).toBe('admin');
    expect(await row('Other Admin').getByRole('status').textContent()).toBe('');
    answer = true;
    await select('Other Admin').selectOption('agent');
    await eventually(async () =>
      expect(await row('Other Admin').getByRole('status').textContent()).toBe('Saved'),
    );
    expect(await select('Other Admin').inputValue()).toBe('agent');
    await s.shot('role-saved');
    await page.setViewportSize({ width: 1280, height: 800 });
    await s.shot('role-saved-desk');
    await page.setViewportSize({ width: 390, height: 844 });

    // Yourself: asked in words about yourself; yes saves, and your menu loses the page.
    answer = false;
    await select('Admin Roles').selectOption('agent');
    expect(dialogs.at(-1)).toBe(
      'Take admin rights away from yourself? You will no longer be able to open this page or change roles.',
    );
    expect(await select('Admin Roles').inputValue()).toBe('admin');
    expect(await row('Admin Roles').getByRole('status').textContent()).toBe('');
    answer = true;
    await select('Admin Roles').selectOption('agent');
    await eventually(async () =>
      expect(await row('Admin Roles').getByRole('status').textContent()).toBe('Saved'),
    );
    expect(await select('Admin Roles').inputValue()).toBe('agent');
    await s.shot('self-demoted');
    await page.getByRole('button', { name: 'Account: Admin Roles' }).click();
    await eventually(async () =>
      expect(
        await page.getByRole('list', { name: 'Staff' }).getByRole('link').allTextContents(),
      ).toEqual(['Inbox', 'My listings']),
    );
    s.allow(/status of 4\d\d/);
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 120_000);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    it(`keeps the table still when the last admin is refused (${viewport.width} wide)`, async () => {
      const s = await openSession(browser, {
        prefix: `staff-last-admin-${viewport.width}`,
        viewport,
        isMobile: viewport.width < 640,
      });
      const { page } = s;
      const me = uniqueEmail('last-admin');
      const name = `Last Admin ${viewport.width}`;
      await signUp(s, server.url, name, me);
      await makeStaff(server, me, 'admin');
      // The only admin left: the server refuses to take their rights away.
      await server.query(`UPDATE users SET role = 'user' WHERE role = 'admin' AND email <> $1`, [
        me,
      ]);
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${server.url}/admin`);
      const select = page.getByRole('combobox', { name: `Role of ${name}` });
      await select.waitFor();
      const layout = () =>
        page.evaluate(() =>
          [
            ...document.querySelectorAll(
              '.admin-users tbody tr:first-child > *, .admin-users select',
            ),
          ].map((el) => {
            const r = el.getBoundingClientRect();
            return [Math.round(r.x), Math.round(r.width)];
          }),
        );
      await page.getByRole('searchbox').fill(name);
      await eventually(async () => expect(await page.getByRole('row').count()).toBe(2));
      const before = await layout();
      await select.selectOption('agent');
      const status = page.getByRole('row').filter({ hasText: name }).getByRole('status');
      await eventually(async () => expect(await status.textContent()).toMatch(/^Could not change/));
      expect(await select.inputValue()).toBe('admin');
      // The columns and the selects keep their places and widths; the message wraps.
      expect(await layout()).toEqual(before);
      await s.shot('refused');
      s.allow(/status of 4\d\d/);
      expect(s.problems).toEqual([]);
      await s.context.close();
    });
  for (const width of [360, 390])
    it(`an admin's top bar fits ${width} wide in English, Turkish and Russian`, async () => {
      const s = await openSession(browser, {
        prefix: `staff-topbar-${width}`,
        viewport: { width, height: 780 },
        isMobile: true,
      });
      const { page } = s;
      const admin = uniqueEmail(`topbar-${width}`);
      await signUp(s, server.url, 'Admin Mehmet', admin);
      await makeStaff(server, admin, 'admin');
      for (const language of ['en', 'tr', 'ru'] as const) {
        await page.evaluate((l) => localStorage.setItem('parley.language', l), language);
        await page.goto(`${server.url}/inbox`);
        await page.locator(`html[lang="${language}"]`).waitFor();
        await page.locator('.inbox-page h1').waitFor();
        await fitsWidth(page, width, '.account-menu .popover-button');
        const boxes = await page.evaluate(() => {
          const nav = document.querySelector<HTMLElement>('.main-nav')!;
          const links = [...nav.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
          const account = document.querySelector('.account')!.getBoundingClientRect();
          return {
            scroll: nav.scrollWidth,
            client: nav.clientWidth,
            lastRight: Math.max(...links.map((r) => r.right)),
            accountLeft: account.left,
          };
        });
        // Every link of the menu shows whole, none under the language button.
        expect(boxes.scroll).toBeLessThanOrEqual(boxes.client);
        expect(boxes.lastRight).toBeLessThanOrEqual(boxes.accountLeft);
        const nav = page.getByRole('navigation').first();
        for (const link of await nav.getByRole('link').all())
          expect(await link.isVisible()).toBe(true);
        // The inbox keeps its name for a screen reader where it is a tray alone.
        expect(await nav.locator('a[href="/inbox"]').getAttribute('aria-label')).toBeTruthy();
        await s.shot(`top-bar-${language}`);
      }
      s.allow(/status of 4\d\d/);
      expect(s.problems).toEqual([]);
      await s.context.close();
    });

  it('people and roles: the last admin is told why, a search with no match says so, the search lines up with the table', async () => {
    const s = await openSession(browser, {
      prefix: 'staff-roles-why',
      viewport: { width: 1280, height: 800 },
    });
    const { page } = s;
    const me = uniqueEmail('why-admin');
    await signUp(s, server.url, 'Why Admin', me);
    await makeStaff(server, me, 'admin');
    await server.query(`UPDATE users SET role = 'user' WHERE role = 'admin' AND email <> $1`, [me]);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.evaluate(() => localStorage.setItem('parley.language', 'ru'));
    await page.goto(`${server.url}/admin`);
    const select = page.getByRole('combobox', { name: 'Роль: Why Admin' });
    await select.waitFor();
    const widths = await page.evaluate(() => ({
      search: document.querySelector('.admin-search')!.getBoundingClientRect(),
      table: document.querySelector('.admin-users')!.getBoundingClientRect(),
    }));
    expect(Math.round(widths.search.left)).toBe(Math.round(widths.table.left));
    expect(Math.abs(widths.search.right - widths.table.right)).toBeLessThanOrEqual(1);
    await select.selectOption('user');
    const status = page.getByRole('row').filter({ hasText: 'Why Admin' }).getByRole('status');
    await eventually(async () =>
      expect(await status.textContent()).toContain('вы единственный администратор'),
    );
    expect(await select.inputValue()).toBe('admin');
    await s.shot('last-admin-ru');
    await page.getByRole('searchbox').fill('nobody-matches-this');
    await page.getByText('Никого не найдено по запросу «nobody-matches-this».').waitFor();
    await s.shot('no-match-ru');
    s.allow(/status of 4\d\d/);
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 120_000);
});
