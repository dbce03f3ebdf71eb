/**
 * Helpers for the end-to-end tests: a real Parley server serving the built app, and a
 * real Chromium (Debian's, driven by playwright-core).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sendTextSlowly, sendToolCall, startFakeOpenAi } from '@parley/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/harness';

import { CHROMIUM, distDir, resultsDir, webRoot } from './paths';

export { CHROMIUM, distDir, resultsDir, webRoot };

const DEMO_LISTINGS = 300;

export interface E2EServer {
  url: string;
  port: number;
  /** The server's own database (to make someone an agent, say). */
  db: TestServer['db'];
  /** Stops the server, keeping its database and data folder (for `restart`). */
  stop(): Promise<void>;
  /** Starts a new server on the same port, database, Redis prefix and JWT secret. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** SQL on the server's database (to make someone staff, as `pnpm users:role` does). */
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
}

/**
 * A Parley instance with demo listings, serving `dist`. `restart` brings a fresh process
 * up on the same port and data, as a deployment would.
 */
export async function startServer(
  label: string,
  /** More environment for the server (a model to talk to, say). */
  env: Record<string, string> = {},
): Promise<E2EServer> {
  const first = await startTestServer({
    label,
    env: {
      SEED_DEMO_LISTINGS: String(DEMO_LISTINGS),
      WEB_DIST: distDir,
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  const port = first.parley.port;
  let current: TestServer = first;
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    await current.parley.close();
  };
  return {
    url: first.url,
    port,
    db: first.db,
    stop,
    query: (sql, params) => first.db.query(sql, params),
    async restart() {
      await stop();
      current = await startTestServer({ db: first.db, env: { ...first.env, PORT: String(port) } });
      running = true;
    },
    async close() {
      await stop();
      if (current !== first) await current.close(); // removes its own (unused) data folder
      await first.close(); // drops the database and the data folder
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Starts a server (database `label`) and Chromium before the enclosing `describe`'s tests
 * and closes both after them. Read `server` and `browser` inside hooks and tests.
 */
export function useServerAndBrowser(
  label: string,
  /** More environment for the server (a model to talk to, say). */
  env: Record<string, string> = {},
): { readonly server: E2EServer; readonly browser: Browser } {
  let server: E2EServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(label, env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}

export type FakeModel = Awaited<ReturnType<typeof startFakeOpenAi>>;

/**
 * A local stand-in for the model, speaking the chat-completions protocol: a question
 * naming Girne is searched (long-term, two bedrooms); `reply` may answer any other
 * question (returning undefined leaves it to the short "Here is what I found.").
 */
export async function startFakeModel(
  reply: (
    question: string,
    res: Parameters<typeof sendTextSlowly>[0],
  ) => Promise<void> | undefined = () => undefined,
): Promise<FakeModel> {
  return startFakeOpenAi(async (request, res) => {
    const all = request.body.messages;
    const question = all.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    if (question.includes('Girne') && all.at(-1)?.role === 'user') {
      return sendToolCall(res, 'search_listings', [
        '{"location":"Girne",',
        '"rentType":"long_term","minBedrooms":2}',
      ]);
    }
    const answer = reply(question, res);
    if (answer) return answer;
    return sendTextSlowly(res, ['Here ', 'is ', 'what ', 'I ', 'found.'], 10);
  });
}

/** The server's environment to talk to `model` (for `startServer`). */
export function modelEnv(model: FakeModel): Record<string, string> {
  return {
    ASSISTANT_PROVIDER: 'openai',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: 'sk-test',
  };
}

/** A plain placeholder photo: demo listings point at picsum.photos, which a test must not need. */
const PHOTO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#d8d2c6"/></svg>';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and warnings, and uncaught page errors, seen so far. */
  problems: string[];
  shot(name: string): Promise<void>;
  /**
   * Drops the problems so far that match `pattern`: Chromium logs every 4xx response
   * and every refused connection, which some steps cause on purpose.
   */
  allow(pattern: RegExp): string[];
}

/**
 * A fresh browser context (its own storage) with a console watcher and image stub.
 * Screenshots go to test-results/<prefix>-<name>.png.
 */
export async function openSession(
  browser: Browser,
  options: {
    prefix: string;
    viewport: { width: number; height: number };
    isMobile?: boolean;
    /** The browser's language (navigator.language and languages); en-US by default. */
    locale?: string;
  },
): Promise<Session> {
  await mkdir(resultsDir, { recursive: true });
  const context = await browser.newContext({
    viewport: options.viewport,
    ...(options.locale ? { locale: options.locale } : {}),
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    deviceScaleFactor: 1,
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PHOTO }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning') problems.push(`${type}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  let step = 0;
  return {
    context,
    page,
    problems,
    allow(pattern) {
      const allowed = problems.filter((p) => pattern.test(p));
      const rest = problems.filter((p) => !pattern.test(p));
      problems.splice(0, problems.length, ...rest);
      return allowed;
    },
    async shot(name) {
      step += 1;
      const file = `${options.prefix}-${String(step).padStart(2, '0')}-${name}.png`;
      await page.screenshot({ path: path.join(resultsDir, file), fullPage: false });
    },
  };
}

/** Waits until `fn` passes (expect inside), polling; the message of the last failure wins. */
export async function eventually(fn: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fn();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/** The two widths every page is tried at. */
export const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

/** The narrowest phone the staff pages are checked at, beside `VIEWPORTS`. */
export const SMALL_PHONE = {
  name: 'small-phone',
  viewport: { width: 360, height: 740 },
  isMobile: true,
} as const;

/**
 * Gives the person signed up with `email` (through `signUp`) a staff role, as
 * `pnpm users:role` does.
 */
export async function makeStaff(
  server: E2EServer,
  email: string,
  role: 'agent' | 'admin' = 'agent',
): Promise<void> {
  await server.query('UPDATE users SET role = $2 WHERE email = $1', [email, role]);
}

const SIGN_UP_PASSWORD = 'olive grove 5521';

/** Signs up through the page, as a person would. */
export async function signUp(s: Pick<Session, 'page'>, url: string, name: string, email: string) {
  await s.page.goto(`${url}/signup`);
  await s.page.getByLabel('Name').fill(name);
  await s.page.getByLabel('Email').fill(email);
  await s.page.getByLabel('Password').fill(SIGN_UP_PASSWORD);
  await s.page.getByRole('button', { name: 'Sign up' }).click();
  await s.page.waitForURL((u) => u.pathname !== '/signup');
}

/** The first question a guest asks in these tests: answered with listing cards and chips. */
export const GUEST_REQUEST = '2 bedroom apartment in Girne for long-term rent under 1000';

/**
 * Opens the app as a first-time visitor, who becomes a guest (no account) on asking, and
 * asks `request`: in the chat's own box (`/chat`), or in the landing page's (`/`). Waits
 * for the new conversation, the answer's first listing card, the guest's invitation and
 * the filter chips, and returns the conversation's URL. Found by id and class, not by
 * words, so it works in every language.
 */
export async function startGuestChat(
  page: Page,
  url: string,
  { request = GUEST_REQUEST, from = 'chat' }: { request?: string; from?: 'chat' | 'landing' } = {},
): Promise<string> {
  await page.goto(from === 'chat' ? `${url}/chat` : url);
  const box = page.locator(from === 'chat' ? '#composer-message' : '#landing-request');
  await box.fill(request);
  await box.press('Enter');
  await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
  await page.locator('.chat-scroll [role="log"] article').first().waitFor();
  await page.locator('.guest-banner').waitFor();
  await page.locator('.memory').waitFor();
  return page.url();
}
