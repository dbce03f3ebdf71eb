/**
 * A DOM for a React test that also starts the real server in the same process: vitest's
 * jsdom environment would replace Node's own globals (URL, fetch) the server needs, so
 * only what React and Testing Library use is set here. Import it first.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
const g = globalThis as Record<string, unknown>;
g.window = dom.window;
g.document = dom.window.document;
g.MutationObserver = dom.window.MutationObserver;
g.HTMLElement = dom.window.HTMLElement;
g.Node = dom.window.Node;
Object.defineProperty(globalThis, 'navigator', { value: dom.window.navigator, configurable: true });
g.IS_REACT_ACT_ENVIRONMENT = true;
