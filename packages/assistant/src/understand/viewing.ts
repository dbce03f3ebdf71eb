import type { Scan } from './scan';

/**
 * Seeing a place with a day or a particular listing named is a viewing: "can I see the
 * second one tomorrow", "ilk daireyi cumartesi görebilir miyiz", "приехать посмотреть в субботу".
 */
const SEE =
  /^(?:see|visit|tour|gor(?:mek|meye|ebil|elim|eyim|ecegim)\p{L}*|gez(?:mek|meye|ebil|elim)\p{L}*|bak(?:mak|maya|abil|alim|ayim)\p{L}*|gelip|посмотр\p{L}*|осмотр\p{L}*|приехать|подъехать)$/u;
/** "view" is a viewing after a verb ("I'd like to view", "can we view"), never in "sea view". */
const VIEW = /^view(?:ing)?$/;
const BEFORE_VIEW = new Set(['to', 'can', 'could', 'we', 'i', 'id', 'and', 'please', 'lets']);
/** "come and look at the villa on sunday": looking at one, not "looking at flats". */
const BEFORE_LOOK = new Set(['and', 'to', 'come', 'can', 'could', 'we']);
const AFTER_LOOK = new Set(['at', 'round', 'around', 'over']);
/**
 * Showing is a viewing only with a day: "can someone show me the flat on friday", "yarın
 * gösterebilir misiniz", "покажете в субботу"; "show me the first one" asks for a listing.
 */
const SHOW = /^(?:show|gostere?\p{L}*|покаж\p{L}*|показат\p{L}*)$/u;
const WHEN = new Set([
  'today',
  'tomorrow',
  'tonight',
  'weekend',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'morning',
  'afternoon',
  'evening',
  'when',
  'week',
  'zaman',
  'когда',
  'bugun',
  'yarin',
  'haftasonu',
  'hafta',
  'pazartesi',
  'sali',
  'carsamba',
  'persembe',
  'cuma',
  'cumartesi',
  'pazar',
  'pazartesiye',
  'cumaya',
  'cumartesiye',
  'pazara',
  'sabah',
  'aksam',
  'ogleden',
  'сегодня',
  'завтра',
  'послезавтра',
  'выходные',
  'выходных',
  'понедельник',
  'вторник',
  'среду',
  'четверг',
  'пятницу',
  'субботу',
  'воскресенье',
  'утром',
  'вечером',
]);
/** "for tomorrow", "available from monday": when a stay starts, not when to visit. */
const STAY_FROM = new Set(['for', 'from', 'available', 'until', 'starting', 'since', 'с', 'на']);
const WHICH = new Set([
  'that',
  'those',
  'them',
  'first',
  'second',
  'third',
  'ilk',
  'ikinci',
  'ucuncu',
  'sonuncu',
  'bunu',
  'onu',
  // Turkish names a particular one in the accusative: "daireyi", "villayı", "evi".
  'daireyi',
  'villayi',
  'evi',
  'yeri',
  'burayi',
  'ilani',
  'mulku',
  'yerinde',
  'эту',
  'этот',
  'первую',
  'первыи',
  'вторую',
  'второи',
  'третью',
  'последнюю',
]);

/** True when the message asks to see a place on a day, or a particular listing. */
export function asksToSeeOne(scan: Scan): boolean {
  let see = false;
  let show = false;
  let when = false;
  let which = false;
  scan.terms.forEach((term, i) => {
    const text = term.text;
    if (
      SEE.test(text) ||
      (VIEW.test(text) && BEFORE_VIEW.has(scan.terms[i - 1]?.text ?? '')) ||
      (text === 'look' &&
        BEFORE_LOOK.has(scan.terms[i - 1]?.text ?? '') &&
        AFTER_LOOK.has(scan.terms[i + 1]?.text ?? ''))
    )
      see = true;
    else if (SHOW.test(text)) show = true;
    else if (WHEN.has(text) && !STAY_FROM.has(scan.terms[i - 1]?.text ?? '')) when = true;
    else if (WHICH.has(text)) which = true;
  });
  return (see && (when || which)) || (show && when);
}
