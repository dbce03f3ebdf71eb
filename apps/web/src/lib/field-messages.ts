/**
 * The API's messages about a field, said again in the language on screen. The API (and
 * the shared schemas the app also checks forms with before sending) answer in English:
 * zod's own words ("Too small: expected string to have >=3 characters") or Parley's ("is
 * not a town Parley knows"). Each known one becomes the app's sentence about the field;
 * one the app has no text for becomes "is not valid", never English on a Turkish page.
 */
import { i18n } from '../i18n/i18n';

type Rule = [pattern: RegExp, say: (field: string, match: RegExpExecArray) => string];

const count = (match: RegExpExecArray) => Number(match[1]);

const RULES: Rule[] = [
  [/^(is required|must not be blank)$/, (field) => i18n.t('fieldErrors.required', { field })],
  [/expected \w+, received undefined$/, (field) => i18n.t('fieldErrors.required', { field })],
  [/expected number, received NaN$/, (field) => i18n.t('fieldErrors.notNumber', { field })],
  [
    /^(must be a valid email address|Invalid email)/,
    (field) => i18n.t('fieldErrors.invalidEmail', { field }),
  ],
  [
    /^(?:must be at least|Too small: expected string to have >=?) ?(\d+) characters?$/,
    (field, m) => i18n.t('fieldErrors.tooShort', { field, count: count(m) }),
  ],
  [
    /^(?:must be at most|Too big: expected string to have <=?) ?(\d+) characters?$/,
    (field, m) => i18n.t('fieldErrors.tooLong', { field, count: count(m) }),
  ],
  [/expected int/, (field) => i18n.t('fieldErrors.wholeNumber', { field })],
  [
    /^(must be positive|Too small: expected number to be >0)$/,
    (field) => i18n.t('fieldErrors.positive', { field }),
  ],
  [
    /^Too small: expected number to be >=(-?[\d.]+)$/,
    (field, m) => i18n.t('fieldErrors.atLeast', { field, min: Number(m[1]) }),
  ],
  [
    /^Too big: expected number to be <=(-?[\d.]+)$/,
    (field, m) => i18n.t('fieldErrors.atMost', { field, max: Number(m[1]) }),
  ],
  [/^must have at most 2 decimal places$/, (field) => i18n.t('fieldErrors.decimals', { field })],
  [/^lat and lng (go|are changed) together$/, () => i18n.t('fieldErrors.bothCoordinates', {})],
  [/^is not a town Parley knows$/, (field) => i18n.t('fieldErrors.unknownTown', { field })],
  [/^is too common/, (field) => i18n.t('fieldErrors.commonPassword', { field })],
  [/text-direction/, (field) => i18n.t('fieldErrors.directionMarks', { field })],
  [
    /^must (be an absolute http or https URL|use http or https)$/,
    (field) => i18n.t('fieldErrors.httpUrl', { field }),
  ],
  [
    /^must not contain a user name or password$/,
    (field) => i18n.t('fieldErrors.urlCredentials', { field }),
  ],
  [/^must not contain a #fragment$/, (field) => i18n.t('fieldErrors.urlFragment', { field })],
  [
    /webhooks must reach a public address$/,
    (field) => i18n.t('fieldErrors.privateAddress', { field }),
  ],
  [
    /^the host (.+) does not resolve$/,
    (field, m) => i18n.t('fieldErrors.unknownHost', { field, host: m[1] }),
  ],
  [
    /control characters|NUL characters|surrogate/,
    (field) => i18n.t('fieldErrors.badCharacters', { field }),
  ],
  // POST /media's words about the file (`fieldErrors.file`); the field is its name.
  [/^the file is not a picture$/, (field) => i18n.t('fieldErrors.notPicture', { field })],
  [
    /^pictures must be JPEG, PNG or WebP/,
    (field) => i18n.t('fieldErrors.unsupportedPicture', { field }),
  ],
  [/^the file is larger than/, (field) => i18n.t('fieldErrors.fileTooLarge', { field })],
  [/^the file is empty$/, (field) => i18n.t('fieldErrors.fileEmpty', { field })],
  [/^the picture is damaged/, (field) => i18n.t('fieldErrors.pictureDamaged', { field })],
  [/pixels are accepted$/, (field) => i18n.t('fieldErrors.tooManyPixels', { field })],
];

/**
 * One message about the field labelled `label`, as a sentence in the language on screen.
 * `value` is what was sent: an empty field fails several checks at once (required, too
 * short, not an email), and the person needs to hear only that it is empty.
 */
export function localFieldMessage(label: string, message: string, value?: string): string {
  if (value !== undefined && value.trim() === '')
    return i18n.t('fieldErrors.required', { field: label });
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(message);
    if (match) return say(label, match);
  }
  return i18n.t('fieldErrors.invalid', { field: label });
}

/**
 * All the API's messages about one field, said once each: an empty field fails several
 * checks that say the same ("is required", "must not be blank"), and the person needs
 * to read it once.
 */
export function localFieldMessages(
  label: string,
  messages: readonly string[] | undefined,
  value?: string,
): string[] | undefined {
  if (!messages?.length) return undefined;
  return [...new Set(messages.map((m) => localFieldMessage(label, m, value)))];
}
