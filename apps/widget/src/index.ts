import { ParleyChatElement, TAG } from './element';

// One script tag defines the element; loading the script twice is harmless.
if (!customElements.get(TAG)) customElements.define(TAG, ParleyChatElement);

export { ParleyChatElement };
