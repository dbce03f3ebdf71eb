import type { ChatMessage } from '../../api';

/**
 * What was written in a conversation and not sent: our messages the server never took
 * ("Not sent: no connection. Retry", or still on their way) and the words in the message
 * box. The chat keeps them only in memory, so a reload would lose them: they are kept in
 * localStorage per conversation and come back into the message box.
 */
export interface Draft {
  /** Our messages not stored yet, by `clientMessageId` (one that did arrive is not restored). */
  unsent: { clientMessageId: string | null; content: string }[];
  /** The message box's text. */
  typed: string;
}

const PREFIX = 'parley.draft.';
const key = (conversationId: string) => `${PREFIX}${conversationId}`;

/** The draft to keep now: null when there is nothing to keep. */
export function draftOf(messages: readonly ChatMessage[], typed: string): Draft | null {
  const unsent = messages
    .filter((m) => m.role === 'user' && m.id === null)
    .map((m) => ({ clientMessageId: m.clientMessageId, content: m.content }));
  return unsent.length > 0 || typed.trim() ? { unsent, typed } : null;
}

/**
 * The text to put back in the message box after a reload: the unsent messages (oldest
 * first) that the conversation did not receive after all, then what was typed.
 */
export function textToRestore(draft: Draft | null, messages: readonly ChatMessage[]): string {
  if (!draft) return '';
  const stored = new Set(messages.filter((m) => m.id !== null).map((m) => m.clientMessageId));
  return [
    ...draft.unsent
      .filter((u) => u.clientMessageId === null || !stored.has(u.clientMessageId))
      .map((u) => u.content),
    draft.typed,
  ]
    .map((text) => text.trim())
    .filter(Boolean)
    .join('\n\n');
}

export function readDraft(conversationId: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(conversationId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    return {
      unsent: Array.isArray(draft.unsent) ? draft.unsent : [],
      typed: typeof draft.typed === 'string' ? draft.typed : '',
    };
  } catch {
    return null;
  }
}

export function writeDraft(conversationId: string, draft: Draft | null): void {
  try {
    if (draft) localStorage.setItem(key(conversationId), JSON.stringify(draft));
    else localStorage.removeItem(key(conversationId));
  } catch {
    // Private mode may refuse storage: the draft lives as long as the page, then.
  }
}

/** Forgets every kept draft: on sign-out, so the next person at this browser sees none. */
export function clearDrafts(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const k of keys) if (k?.startsWith(PREFIX)) localStorage.removeItem(k);
  } catch {
    // Storage refused: nothing was kept either.
  }
}
