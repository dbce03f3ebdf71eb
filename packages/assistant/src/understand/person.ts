import type { Scan } from './scan';

/**
 * A person asked for in words the phrase table does not hold: a verb of getting in touch
 * and someone to get in touch with, anywhere in the message ("connect me with someone
 * from your office", "put me through to a consultant", "müşteri temsilcisine bağlar
 * mısınız", "соедините с сотрудником"). Either alone is not enough: "talk me through the
 * prices" names nobody, "an agent's listing" asks for nothing.
 */
const REACH =
  /^(?:speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|connect(?:ed|ing)?|transfer|put|pass|reach|contact|bagla(?:r|y|mak|sin)\p{L}*|gorus(?:mek|ebil|eyim|elim)\p{L}*|konus(?:mak|abil|ayim|alim)\p{L}*|iletisim\p{L}*|ulas(?:abil|mak|tir)\p{L}*|arasin|arasinlar|соедин\p{L}*|свяж\p{L}*|связат\p{L}*|поговор\p{L}*|пообща\p{L}*|переключ\p{L}*|позвон\p{L}*)$/u;
const PERSON =
  /^(?:someone|somebody|person|human|staff|representative|rep|realtor|consultant|advisor|adviser|broker|manager|colleague|office|team|agency|temsilci\p{L}*|yetkili\p{L}*|danisman\p{L}*|emlakci\p{L}*|biri|birisi|biriyle|birisiyle|insan\p{L}*|calisan\p{L}*|personel\p{L}*|ofis\p{L}*|sorumlu\p{L}*|человек\p{L}*|сотрудник\p{L}*|специалист\p{L}*|менеджер\p{L}*|консультант\p{L}*|представител\p{L}*|риелтор\p{L}*|риэлтор\p{L}*|агент\p{L}*|кем|кто)$/u;

export function asksForPerson(scan: Scan): boolean {
  let reach = false;
  let person = false;
  for (const term of scan.terms) {
    if (REACH.test(term.text)) reach = true;
    else if (PERSON.test(term.text)) person = true;
  }
  return reach && person;
}
