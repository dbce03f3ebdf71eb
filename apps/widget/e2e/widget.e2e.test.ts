import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp } from '../../server/test/harness';
import {
  launchChromium,
  type Parley,
  PHOTO,
  resultsDir,
  type Site,
  startParley,
  startSite,
} from './support';

// A shared 2-core machine: waits are generous, never timed assertions.
const SLOW = { timeout: 20_000 };
let parley: Parley;
let shop: Site;
let elsewhere: Site;
let browser: Browser;
let apiKey: string;
// The shop's own server keeps one Parley session per visitor (a cookie), as an integrator would.
const visitors = new Map<string, { sessionId: string }>();
let leakedSecret = { sessionId: '', clientSecret: '' };

/**
 * The integrator's page: hostile global styles, a theme colour, one script tag. `lang` is
 * the page's language; `attributes` are the element's (its title and `open` by default);
 * `user` names the visitor to Parley (the `endUserId` of their session).
 */
const shopPage = (
  parleyUrl: string,
  { lang = 'en', attributes = 'chat-title="Sunny Homes assistant" open', user = 'visitor-1' } = {},
) => `<!doctype html>
<html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sunny Homes</title>
<style>
  * { font-family: "Times New Roman", serif !important; color: #b91c1c; }
  body { margin: 0; padding: 32px; background: #fffbeb; }
  button { background: hotpink; border: 4px dashed green; }
  li { list-style: square; padding: 20px; }
  parley-chat { --parley-accent: #0f766e; }
</style></head>
<body>
  <h1>Sunny Homes</h1>
  <p>Villas and flats in North Cyprus. Ask our assistant in the corner.</p>
  <script src="${parleyUrl}/widget.js"></script>
  <parley-chat session-url="/parley-session?user=${user}" ${attributes}></parley-chat>
</body></html>`;

/** The shop's server side: REST calls to Parley with its API key, never from the browser. */
async function parleyRest(method: string, route: string, body?: unknown) {
  const res = await fetch(`${parley.url}/api/v1${route}`, {
    method,
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as {
    session: { id: string };
    clientSecret: string;
    clientSecretExpiresAt: string;
  };
}

beforeAll(async () => {
  parley = await startParley('widget');
  const owner = await signUp(httpClient(parley.url), 'shop');
  apiKey = (
    await httpClient(parley.url, owner.accessToken).auth.apiKeys.create.mutate({
      name: 'shop backend',
      scopes: ['sessions:write'],
    })
  ).key;
  shop = await startSite({
    '/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(shopPage(parley.url));
    },
    // The same shop in other languages: `?lang=` the page's (none: empty), `?el=` the element's.
    '/other': (req, res) => {
      const query = new URL(req.url ?? '/', shop.origin).searchParams;
      const own = query.get('el');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        shopPage(parley.url, {
          lang: query.get('lang') ?? '',
          attributes: `${own ? `lang="${own}" ` : ''}open`,
          user: query.get('user') ?? 'visitor-lang',
        }),
      );
    },
    '/parley-session': async (req, res) => {
      const visitor = /visitor=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
      const known = visitor ? visitors.get(visitor) : undefined;
      let answer: { sessionId: string; clientSecret: string; clientSecretExpiresAt: string };
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (known) {
        const fresh = await parleyRest('POST', `/sessions/${known.sessionId}/secret`);
        answer = { sessionId: known.sessionId, ...fresh };
      } else {
        const created = await parleyRest('POST', '/sessions', {
          endUserId: new URL(req.url ?? '/', shop.origin).searchParams.get('user') ?? 'visitor-1',
          allowedOrigins: [shop.origin],
        });
        const id = Math.random().toString(36).slice(2);
        visitors.set(id, { sessionId: created.session.id });
        headers['set-cookie'] = `visitor=${id}; Path=/; HttpOnly; SameSite=Lax`;
        answer = { sessionId: created.session.id, ...created };
      }
      leakedSecret = { sessionId: answer.sessionId, clientSecret: answer.clientSecret };
      res.writeHead(200, headers);
      res.end(JSON.stringify(answer));
    },
    // The shop's "ask about this home": its server asks Parley for a person, naming the listing.
    '/ask-agent': async (req, res) => {
      const visitor = /visitor=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
      const known = visitor ? visitors.get(visitor) : undefined;
      if (!known) {
        res.writeHead(404).end();
        return;
      }
      let listingId = '';
      for await (const chunk of req) listingId += chunk;
      await parleyRest('POST', `/sessions/${known.sessionId}/agent`, { listingId });
      res.writeHead(204).end();
    },
  });
  elsewhere = await startSite({
    '/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Elsewhere</title><script src="${parley.url}/widget.js"></script>
<parley-chat session-id="${leakedSecret.sessionId}" client-secret="${leakedSecret.clientSecret}" open></parley-chat>`);
    },
  });
  browser = await launchChromium();
  await mkdir(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await elsewhere?.close();
  await parley?.close();
});

async function visit(
  viewport: { width: number; height: number },
  mobile = false,
  locale = 'en-GB',
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport,
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: 1,
    locale,
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PHOTO }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(resultsDir, `${name}.png`) });

async function ask(page: Page, text: string, replies: number) {
  const input = page.getByLabel('Message');
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => page.locator('li.msg.assistant').count(), SLOW).toBe(replies);
}

describe('<parley-chat> on a page of another origin', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  it('chats: the reply arrives with listing cards, in the page theme, untouched by its CSS', async () => {
    ({ context, page, problems } = await visit({ width: 1280, height: 800 }));
    await page.goto(shop.origin);
    await expect
      .poll(() => page.getByRole('button', { name: 'Send' }).isEnabled(), SLOW)
      .toBe(true);
    await ask(page, '2 bedroom apartment in Kyrenia under 1500', 1);
    const reply = page.locator('li.msg.assistant').first();
    await expect.poll(() => reply.locator('.text').textContent(), SLOW).not.toBe('');
    await expect.poll(() => reply.locator('a.card').count(), SLOW).toBeGreaterThan(0);
    expect(await page.locator('li.msg.user').count()).toBe(1);
    // Photos are Parley paths (`/media/...`): loaded from Parley, not from the shop's origin.
    const photo = reply.locator('a.card img').first();
    const src = (await photo.getAttribute('src')) ?? '';
    expect(src.startsWith(`${parley.url}/media/demo-`), src).toBe(true);
    await photo.scrollIntoViewIfNeeded(); // loading="lazy"
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), SLOW)
      .toBeGreaterThan(0);
    expect(await page.locator('li.msg.user.pending').count()).toBe(0);

    // The theme variable comes in; the page's global rules do not.
    const send = page.getByRole('button', { name: 'Send' });
    const style = await send.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, font: s.fontFamily, border: s.borderStyle };
    });
    expect(style.background).toBe('rgb(15, 118, 110)');
    expect(style.font).not.toMatch(/Times/);
    expect(style.border).not.toBe('dashed');
    expect(await page.getByRole('dialog').getAttribute('aria-label')).toBe('Sunny Homes assistant');
    await shot(page, 'widget-desktop');

    // Served so that any page may embed it, even one that requires CORP.
    const script = await fetch(`${parley.url}/widget.js`);
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(problems).toEqual([]);
  });

  it('resumes after Parley restarts mid-chat, and a reload shows the history', async () => {
    await parley.restart();
    await ask(page, 'and with a pool?', 2);
    expect(await page.locator('li.msg.user').count()).toBe(2);

    await page.reload();
    await expect.poll(() => page.locator('li.msg.assistant').count(), SLOW).toBe(2);
    expect(await page.locator('li.msg.user').count()).toBe(2);
    await expect.poll(() => page.locator('a.card').count(), SLOW).toBeGreaterThan(0);
    await context.close();
  });

  it('fits a phone', async () => {
    const phone = await visit({ width: 390, height: 844 }, true);
    await phone.page.goto(shop.origin);
    await expect
      .poll(() => phone.page.getByRole('button', { name: 'Send' }).isEnabled(), SLOW)
      .toBe(true);
    await ask(phone.page, 'a villa to buy in Famagusta', 1);
    await expect.poll(() => phone.page.locator('a.card').count(), SLOW).toBeGreaterThan(0);
    const box = await phone.page.locator('parley-chat').evaluate((el) => {
      const panel = el.shadowRoot?.querySelector('.panel')?.getBoundingClientRect();
      return panel ? { width: panel.width, height: panel.height } : null;
    });
    expect(box).toEqual({ width: 390, height: 844 });
    await shot(phone.page, 'widget-phone');
    await phone.context.close();
  });

  it('hands the chat to a person: an agent claims it and answers inside the widget', async () => {
    const visitor = await visit({ width: 1280, height: 800 });
    await visitor.page.goto(shop.origin);
    await expect
      .poll(() => visitor.page.getByRole('button', { name: 'Talk to a person' }).isEnabled(), SLOW)
      .toBe(true);
    await visitor.page.getByRole('button', { name: 'Talk to a person' }).click();
    await expect.poll(() => visitor.page.getByText('You asked for a person').count(), SLOW).toBe(1);
    expect(await visitor.page.getByRole('button', { name: 'Talk to a person' }).isEnabled()).toBe(
      false,
    );

    // An agent finds it waiting in the inbox, claims it and writes.
    const agent = await signUp(httpClient(parley.url), 'agent');
    await parley.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [agent.user.id]);
    const staff = httpClient(parley.url, agent.accessToken);
    const waiting = await staff.inbox.list.query({ filter: 'waiting' });
    const item = waiting.items.find((i) => i.customer.endUserId === 'visitor-1');
    expect(item).toBeTruthy();
    const { session } = await staff.inbox.claim.mutate({ conversationId: item!.conversation.id });
    await expect
      .poll(() => visitor.page.getByText(`${agent.user.name} joined the chat`).count(), SLOW)
      .toBe(1);
    await staff.sessions.send.mutate({
      sessionId: session.id,
      content: 'Hello, this is Sunny Homes. Which villa would you like to see?',
      clientMessageId: randomUUID(),
    });
    const authored = visitor.page.locator('li.msg .author', { hasText: agent.user.name });
    await expect.poll(() => authored.count(), SLOW).toBe(1);
    await expect
      .poll(() => visitor.page.getByText('Which villa would you like to see?').count(), SLOW)
      .toBe(1);
    // Writing again: the visitor sees it (a desktop view of the phone test's indicator).
    await staff.sessions.typing.mutate({ sessionId: session.id, typing: true });
    await expect
      .poll(() => visitor.page.getByText(`${agent.user.name} is typing…`).isVisible(), SLOW)
      .toBe(true);
    await shot(visitor.page, 'widget-agent');

    // The agent hands it back: their session ends, the visitor's chat goes on, also after
    // a reload (which replays the agent's session.ended).
    await staff.inbox.release.mutate({ conversationId: item!.conversation.id, to: 'assistant' });
    await expect.poll(() => visitor.page.getByText('The assistant is back').count(), SLOW).toBe(1);
    for (const reload of [false, true]) {
      if (reload) await visitor.page.reload();
      await expect
        .poll(
          () => visitor.page.getByRole('button', { name: 'Talk to a person' }).isEnabled(),
          SLOW,
        )
        .toBe(true);
      expect(await visitor.page.getByText('This chat has ended').count()).toBe(0);
      expect(await visitor.page.getByLabel('Message').isEnabled()).toBe(true);
    }
    const replies = await visitor.page.locator('li.msg.assistant').count();
    await ask(visitor.page, 'villa in Esentepe with a pool', replies + 1);
    await shot(visitor.page, 'widget-after-release');
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it('names the listing the visitor asked a person about, also after a reload', async () => {
    const visitor = await visit({ width: 1280, height: 800 });
    await visitor.page.goto(shop.origin);
    await expect
      .poll(() => visitor.page.getByRole('button', { name: 'Send' }).isEnabled(), SLOW)
      .toBe(true);
    await ask(visitor.page, 'a flat to rent in Girne', 1);
    const cards = visitor.page.locator('a.card');
    await expect.poll(() => cards.count(), SLOW).toBeGreaterThan(0);
    const card = cards.first();
    const listingId = (await card.getAttribute('href'))!.split('/').at(-1)!;
    const title = (await card.locator('.name').textContent())!;
    const status = await visitor.page.evaluate(
      (id) => fetch('/ask-agent', { method: 'POST', body: id }).then((r) => r.status),
      listingId,
    );
    expect(status).toBe(204);
    const waiting = visitor.page.getByText(`You asked for a person about “${title}”`);
    for (const reload of [false, true]) {
      if (reload) await visitor.page.reload();
      await expect.poll(() => waiting.count(), SLOW).toBe(1);
      // Started (Send is on) and still waiting: nobody to ask for a second time.
      await expect
        .poll(() => visitor.page.getByRole('button', { name: 'Send' }).isEnabled(), SLOW)
        .toBe(true);
      expect(await visitor.page.getByRole('button', { name: 'Talk to a person' }).isEnabled()).toBe(
        false,
      );
    }
    await shot(visitor.page, 'widget-asked-about');
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it("refuses the session's secret on a page of an origin the integrator did not allow", async () => {
    const other = await visit({ width: 1024, height: 700 });
    await other.page.goto(elsewhere.origin);
    // The browser itself is stopped: Parley answers no CORS preflight for this origin.
    const outcome = await other.page.evaluate(
      async ({ url, secret, sessionId }) => {
        try {
          const input = encodeURIComponent(JSON.stringify({ json: { id: sessionId } }));
          const res = await fetch(`${url}/trpc/sessions.get?input=${input}`, {
            headers: { authorization: `Bearer ${secret}` },
          });
          return `answered ${res.status}`;
        } catch {
          return 'blocked';
        }
      },
      { url: parley.url, secret: leakedSecret.clientSecret, sessionId: leakedSecret.sessionId },
    );
    expect(outcome).toBe('blocked');
    await other.page.waitForTimeout(1_500);
    expect(await other.page.getByRole('button', { name: 'Send' }).isEnabled()).toBe(false);
    expect(await other.page.locator('li.msg').count()).toBe(0);
    await other.context.close();
  });
});

/** The empty box shows its whole placeholder: it is as tall as the placeholder needs. */
const placeholderFits = (page: Page) =>
  page.getByLabel(/^(Message|Mesaj|Сообщение)$/).evaluate((box: HTMLTextAreaElement) => {
    const height = box.clientHeight;
    box.value = box.placeholder;
    const needed = box.scrollHeight;
    box.value = '';
    return needed <= height + 1;
  });

describe('<parley-chat> in the visitor’s language', () => {
  it('speaks the page’s language (lang="tr"): its texts, notices and cards, at desktop and phone width', async () => {
    for (const [viewport, name] of [
      [{ width: 1280, height: 800 }, 'desktop'],
      [{ width: 360, height: 640 }, 'phone'],
    ] as const) {
      // The browser says English: the page's lang wins.
      const visitor = await visit(viewport, name === 'phone', 'en-GB');
      const { page } = visitor;
      await page.goto(`${shop.origin}/other?lang=tr&user=visitor-tr-${name}`);
      const send = page.getByRole('button', { name: 'Gönder' });
      await expect.poll(() => send.isEnabled(), SLOW).toBe(true);
      expect(await page.getByRole('dialog').getAttribute('aria-label')).toBe('Bize yazın');
      expect(await page.getByRole('button', { name: 'Sohbeti kapat' }).count()).toBe(1);
      const box = page.getByLabel('Mesaj');
      expect(await box.getAttribute('placeholder')).toBe('Kiralık ya da satılık ev sorun…');
      expect(await placeholderFits(page)).toBe(true);

      await box.fill("Girne'de kiralık 2+1 daire");
      await box.press('Enter');
      const cards = page.locator('a.card');
      await expect.poll(() => cards.count(), SLOW).toBeGreaterThan(0);
      for (const card of await cards.all()) {
        const price = (await card.locator('.price').textContent()) ?? '';
        const where = (await card.locator('.where').textContent()) ?? '';
        // `£1.000 aylık`, `£45 gecelik`, `£250.000`; never `/ month` or `2 bed`.
        expect(price).toMatch(/^£\d{1,3}(\.\d{3})*(,\d\d)?( aylık| gecelik)?$/);
        expect(where).toMatch(/ · (\d+ yatak odası|stüdyo)$/);
      }
      if (name === 'desktop') {
        await page.getByRole('button', { name: 'Temsilciyle konuşun' }).click();
        await expect.poll(() => page.getByText('Bir temsilci istediniz').count(), SLOW).toBe(1);
      }
      await shot(page, `widget-tr-${name}`);
      expect(visitor.problems).toEqual([]);
      await visitor.context.close();
    }
  });

  it('takes its own lang over the page’s, the browser’s when the page names none, and follows a change', async () => {
    // <html lang="en"> around <parley-chat lang="ru">: Russian, plural forms and all.
    const ru = await visit({ width: 360, height: 640 }, true, 'en-GB');
    await ru.page.goto(`${shop.origin}/other?lang=en&el=ru&user=visitor-ru`);
    const send = ru.page.getByRole('button', { name: 'Отправить' });
    await expect.poll(() => send.isEnabled(), SLOW).toBe(true);
    expect(await ru.page.getByRole('button', { name: 'Позвать человека' }).count()).toBe(1);
    expect(await placeholderFits(ru.page)).toBe(true);
    const box = ru.page.getByLabel('Сообщение');
    await box.fill('квартира в аренду в Кирении');
    await box.press('Enter');
    const cards = ru.page.locator('a.card');
    await expect.poll(() => cards.count(), SLOW).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      const price = ((await card.locator('.price').textContent()) ?? '').replace(/\s/g, ' ');
      expect(price).toMatch(/^\d{1,3}( \d{3})*(,\d\d)? £( в месяц| за ночь)?$/);
      expect(await card.locator('.where').textContent()).toMatch(
        / · (\d+ спал(ьня|ьни|ен)|студия)$/,
      );
    }
    await shot(ru.page, 'widget-ru-phone');
    // The page switches the widget to Turkish.
    await ru.page.locator('parley-chat').evaluate((el) => el.setAttribute('lang', 'tr'));
    expect(await ru.page.getByRole('button', { name: 'Gönder' }).count()).toBe(1);
    expect(await ru.page.getByLabel('Mesaj').getAttribute('placeholder')).toBe(
      'Kiralık ya da satılık ev sorun…',
    );
    expect(ru.problems).toEqual([]);
    await ru.context.close();

    // No lang anywhere: the browser's language; one the widget does not speak: English.
    for (const [locale, label] of [
      ['ru-RU', 'Отправить'],
      ['tr-TR', 'Gönder'],
      ['de-DE', 'Send'],
    ] as const) {
      const visitor = await visit({ width: 1280, height: 800 }, false, locale);
      await visitor.page.goto(`${shop.origin}/other?user=visitor-${locale}`);
      await expect
        .poll(() => visitor.page.getByRole('button', { name: label }).isEnabled(), SLOW)
        .toBe(true);
      await visitor.context.close();
    }
  });
});

describe('<parley-chat> with the keyboard', () => {
  it('Escape closes the panel and gives the focus back to the launcher, which says whether it is open', async () => {
    const visitor = await visit({ width: 1280, height: 800 });
    const { page } = visitor;
    await page.goto(shop.origin);
    const launcher = page.getByRole('button', { name: 'Sunny Homes assistant' });
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => page.getByRole('button', { name: 'Send' }).isEnabled(), SLOW)
      .toBe(true);
    // Opened by the `open` attribute.
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await launcher.getAttribute('aria-controls')).toBe(await dialog.getAttribute('id'));
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const inner = el?.shadowRoot?.activeElement;
        return inner ? `${el?.tagName} > ${inner.tagName}.${inner.className}` : el?.tagName;
      });

    await page.getByLabel('Message').fill('half a question');
    await page.getByLabel('Message').press('Escape');
    expect(await dialog.isHidden()).toBe(true);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('PARLEY-CHAT > BUTTON.launcher');

    // Enter on the focused launcher opens it again, with the text kept and the box focused.
    await page.keyboard.press('Enter');
    expect(await dialog.isVisible()).toBe(true);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await focused()).toBe('PARLEY-CHAT > TEXTAREA.');
    expect(await page.getByLabel('Message').inputValue()).toBe('half a question');

    // Escape from a button inside the panel too; the close button gives focus back as well.
    await page.getByRole('button', { name: 'Talk to a person' }).focus();
    await page.keyboard.press('Escape');
    expect(await dialog.isHidden()).toBe(true);
    await launcher.click();
    await page.getByRole('button', { name: 'Close chat' }).click();
    expect(await dialog.isHidden()).toBe(true);
    expect(await focused()).toBe('PARLEY-CHAT > BUTTON.launcher');
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});

describe('<parley-chat> with an agent on the line', () => {
  it('shows "<agent> is typing…", tells the agent when the visitor types, and asks for a message to them', async () => {
    const visitor = await visit({ width: 360, height: 640 }, true);
    const { page } = visitor;
    await page.goto(`${shop.origin}/other?lang=en&user=visitor-typing`);
    const person = page.getByRole('button', { name: 'Talk to a person' });
    await expect.poll(() => person.isEnabled(), SLOW).toBe(true);
    const box = page.getByLabel('Message');
    expect(await box.getAttribute('placeholder')).toBe('Ask about homes to rent or buy…');
    await person.click();
    await expect.poll(() => page.getByText('You asked for a person').count(), SLOW).toBe(1);

    const agent = await signUp(httpClient(parley.url), 'typist');
    await parley.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [agent.user.id]);
    const staff = httpClient(parley.url, agent.accessToken);
    const waiting = await staff.inbox.list.query({ filter: 'waiting' });
    const item = waiting.items.find((i) => i.customer.endUserId === 'visitor-typing');
    expect(item).toBeTruthy();
    const { session } = await staff.inbox.claim.mutate({ conversationId: item!.conversation.id });
    const name = agent.user.name;
    await expect.poll(() => page.getByText(`${name} joined the chat`).count(), SLOW).toBe(1);
    expect(await box.getAttribute('placeholder')).toBe(`Write to ${name}…`);
    expect(await placeholderFits(page)).toBe(true);

    // What the agent's screen hears: the visitor's typing, through the agent's own session.
    const heard: { typing: boolean; at: number }[] = [];
    const events = staff.sessions.events.subscribe(
      { sessionId: session.id },
      {
        onData: (data) => {
          const event = (data as { data: { type: string; actor?: string; typing?: boolean } }).data;
          if (event.type === 'typing' && event.actor === 'user')
            heard.push({ typing: event.typing === true, at: Date.now() });
        },
      },
    );
    try {
      // Wait until the agent's stream is live: their own typing comes back on it... to the
      // visitor, whose page shows it.
      const typingNote = page.getByText(`${name} is typing…`);
      await expect
        .poll(async () => {
          await staff.sessions.typing.mutate({ sessionId: session.id, typing: true });
          return typingNote.isVisible();
        }, SLOW)
        .toBe(true);
      await shot(page, 'widget-agent-typing-phone');
      await staff.sessions.typing.mutate({ sessionId: session.id, typing: false });
      await expect.poll(() => typingNote.count(), SLOW).toBe(0);

      // A `true` whose `false` never comes goes away on its own (after about 6 s).
      await staff.sessions.typing.mutate({ sessionId: session.id, typing: true });
      await expect.poll(() => typingNote.isVisible(), SLOW).toBe(true);
      const shownAt = Date.now();
      await expect.poll(() => typingNote.count(), { timeout: 15_000, interval: 250 }).toBe(0);
      expect(Date.now() - shownAt).toBeGreaterThan(3_000);

      // Their message ends it too.
      await staff.sessions.typing.mutate({ sessionId: session.id, typing: true });
      await expect.poll(() => typingNote.isVisible(), SLOW).toBe(true);
      await staff.sessions.send.mutate({
        sessionId: session.id,
        content: 'Hello! Which area do you like?',
        clientMessageId: randomUUID(),
      });
      await expect.poll(() => page.getByText('Which area do you like?').count(), SLOW).toBe(1);
      expect(await typingNote.count()).toBe(0);

      // The visitor types: one `true` for a burst of keys (not a call per key), then
      // `false` after about 3 s without a key.
      await expect
        .poll(async () => {
          heard.length = 0;
          await box.pressSequentially('K', { delay: 0 });
          await page.waitForTimeout(300);
          return heard.length;
        }, SLOW)
        .toBeGreaterThan(0);
      await expect.poll(() => heard.at(-1)?.typing, SLOW).toBe(false);
      heard.length = 0;
      await box.fill('');
      const started = Date.now();
      await box.pressSequentially('Kyrenia, near', { delay: 60 });
      await expect.poll(() => heard.at(-1)?.typing, SLOW).toBe(false);
      expect(heard[0]?.typing).toBe(true);
      expect(heard.filter((h) => h.typing).length).toBe(1);
      expect(heard.length).toBe(2);
      expect(heard[1]!.at - started).toBeGreaterThan(3_000);

      // Sending says `false` at once.
      heard.length = 0;
      await box.pressSequentially(' the harbour', { delay: 20 });
      const enterAt = Date.now();
      await box.press('Enter');
      await expect.poll(() => heard.map((h) => h.typing), SLOW).toEqual([true, false]);
      // Not the idle `false`, which would come 3 s after the last key.
      expect(heard[1]!.at - enterAt).toBeLessThan(2_500);
      const mine = page.locator('li.msg.user', { hasText: 'near the harbour' });
      await expect.poll(() => mine.count(), SLOW).toBe(1);
      // Stored at once, for a person to read: no assistant's dots, nothing pending.
      await expect.poll(() => page.locator('li.msg.user.pending').count(), SLOW).toBe(0);
      expect(await page.locator('.typing').isHidden()).toBe(true);
    } finally {
      events.unsubscribe();
    }

    // Handed back to the assistant: the box asks about homes again.
    await staff.inbox.release.mutate({ conversationId: item!.conversation.id, to: 'assistant' });
    await expect.poll(() => page.getByText('The assistant is back').count(), SLOW).toBe(1);
    expect(await box.getAttribute('placeholder')).toBe('Ask about homes to rent or buy…');
    // The visitor's message to the agent is on the page once, also after a reload.
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      await expect.poll(() => page.getByText('The assistant is back').count(), SLOW).toBe(1);
      expect(
        await page.locator('li.msg.user', { hasText: 'Kyrenia, near the harbour' }).count(),
      ).toBe(1);
    }
    expect(await box.getAttribute('placeholder')).toBe('Ask about homes to rent or buy…');
    await shot(page, 'widget-agent-released-phone');
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
