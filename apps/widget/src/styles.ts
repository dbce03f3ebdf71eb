/**
 * The widget's own styles, inside its shadow root: the host page's CSS cannot reach in,
 * and `all: initial` stops inherited fonts and colours leaking through. Integrators theme
 * it with the CSS variables below (custom properties do cross the shadow boundary):
 * `parley-chat { --parley-accent: #0f766e; }`.
 */
export const styles = `
:host {
  all: initial;
  --accent: var(--parley-accent, #2563eb);
  --accent-text: var(--parley-accent-text, #ffffff);
  --bg: var(--parley-bg, #ffffff);
  --fg: var(--parley-fg, #1f2937);
  --muted: var(--parley-muted, #6b7280);
  --bubble: var(--parley-bubble, #f1f5f9);
  --border: var(--parley-border, #e5e7eb);
  --radius: var(--parley-radius, 14px);
  --font: var(--parley-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  --width: var(--parley-width, 380px);
  --height: var(--parley-height, 560px);
  --offset: var(--parley-offset, 20px);
}
/* Set inside, not on the host: the page's own rules (even \`* { ... !important }\`) match
   the host element and would be inherited from it. */
.launcher, .panel { font-family: var(--font); font-size: 15px; line-height: 1.4; color: var(--fg); }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.launcher {
  position: fixed; right: var(--offset); bottom: var(--offset);
  z-index: var(--parley-z, 2147483000);
  width: 56px; height: 56px; border-radius: 50%; border: 0; cursor: pointer;
  background: var(--accent); color: var(--accent-text);
  box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
  display: grid; place-items: center;
}
.launcher svg { width: 26px; height: 26px; }
.panel {
  position: fixed; right: var(--offset); bottom: calc(var(--offset) + 68px);
  z-index: var(--parley-z, 2147483000);
  width: var(--width); height: var(--height); max-height: calc(100vh - 110px);
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--border); border-radius: var(--radius);
  box-shadow: 0 12px 40px rgb(0 0 0 / 0.18);
}
:host([inline]) .panel {
  position: static; width: 100%; height: 100%; max-height: none; box-shadow: none;
}
header {
  display: flex; align-items: center; gap: 8px; padding: 12px 14px;
  background: var(--accent); color: var(--accent-text);
}
header .title { font-weight: 600; flex: 1; min-width: 0; }
header .status { font-size: 12px; opacity: 0.85; }
header button {
  background: transparent; border: 0; color: inherit; font: inherit; font-size: 22px;
  line-height: 1; cursor: pointer; padding: 0 4px;
}
:host([inline]) header .close { display: none; }
header button.person {
  font-size: 12px; padding: 4px 8px; border: 1px solid currentColor; border-radius: 999px;
  white-space: nowrap;
}
header button.person:disabled { opacity: 0.55; cursor: default; }
.log {
  flex: 1; overflow-y: auto; margin: 0; padding: 14px; list-style: none;
  display: flex; flex-direction: column; gap: 10px;
}
.msg { max-width: 85%; display: flex; flex-direction: column; gap: 8px; }
.msg .text {
  padding: 9px 12px; border-radius: var(--radius); white-space: pre-wrap;
  overflow-wrap: anywhere; background: var(--bubble);
}
.msg.user { align-self: flex-end; }
.msg.user .text { background: var(--accent); color: var(--accent-text); }
.msg.pending .text { opacity: 0.7; }
.msg.failed .text { outline: 2px solid #dc2626; }
.msg .author { font-size: 12px; color: var(--muted); }
.note { align-self: center; font-size: 13px; color: var(--muted); text-align: center; }
.cards { display: flex; gap: 8px; overflow-x: auto; padding-bottom: 4px; max-width: 100%; }
.card {
  flex: 0 0 180px; border: 1px solid var(--border); border-radius: 10px; overflow: hidden;
  text-decoration: none; color: inherit; background: var(--bg);
}
.card img { display: block; width: 100%; height: 100px; object-fit: cover; background: var(--bubble); }
.card .body { padding: 8px 10px; display: flex; flex-direction: column; gap: 2px; }
.card .name { font-weight: 600; font-size: 14px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.card .where { font-size: 12px; color: var(--muted); }
.card .price { font-size: 14px; font-weight: 600; color: var(--accent); }
.typing { display: flex; align-items: center; gap: 4px; padding: 0 14px 8px; }
.typing .who { margin-left: 4px; font-size: 13px; color: var(--muted); }
.typing .unseen {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
.typing .dot {
  width: 7px; height: 7px; border-radius: 50%; background: var(--muted);
  animation: blink 1.2s infinite ease-in-out;
}
.typing .dot:nth-child(2) { animation-delay: 0.2s; }
.typing .dot:nth-child(3) { animation-delay: 0.4s; }
@keyframes blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--border); }
textarea {
  flex: 1; resize: none; font: inherit; color: inherit; background: var(--bg);
  border: 1px solid var(--border); border-radius: 10px; padding: 8px 10px; max-height: 120px;
  min-width: 0; overflow-y: auto;
}
textarea:focus { outline: 2px solid var(--accent); outline-offset: -1px; }
form button {
  border: 0; border-radius: 10px; padding: 0 16px; font: inherit; font-weight: 600;
  background: var(--accent); color: var(--accent-text); cursor: pointer;
}
form button:disabled, textarea:disabled { opacity: 0.5; cursor: default; }
@media (max-width: 480px) {
  .panel {
    right: 0; bottom: 0; width: 100vw; height: 100dvh; max-height: none; border-radius: 0;
  }
  :host([inline]) .panel { width: 100%; height: 100%; }
}
`;
