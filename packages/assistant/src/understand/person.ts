import type { Scan } from './scan';

/**
 * A person asked for in words the phrase table does not hold: a verb of getting in touch
 * and someone to get in touch with, anywhere in the message ("connect me with someone
 * from your office", "put me through to a consultant", "müşteri temsilcisine bağlar
 * mısınız", "соедините с сотрудником"). Either alone is not enough: "talk me through the
 * prices" names nobody, "an agent's listing" asks for nothing.
 */
const REACH =
  /^(?:speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|connect(?:ed|ing)?|transfer|put|pass|reach|contact|bagla(?:(?:nmak|nabil|r|y|mak|sin)\p{L}*)?|ara(?:yabil|yacak|sin|yin|rmi)\p{L}*|gorus(?:mek|ebil|eyim|elim)\p{L}*|konus(?:mak|abil|ayim|alim)\p{L}*|iletisim\p{L}*|ulas(?:abil|mak|tir)\p{L}*|соедин\p{L}*|свяж\p{L}*|связат\p{L}*|поговор\p{L}*|пообща\p{L}*|переключ\p{L}*|позвон\p{L}*|созвон\p{L}*)$/u;
const PERSON =
  /^(?:someone|somebody|anyone|anybody|person|agent|agents|boss|owner|landlord|operator|human|staff|representative|rep|realtor|consultant|advisor|adviser|broker|manager|colleague|office|team|agency|temsilci\p{L}*|musteri\p{L}*|operator\p{L}*|sizi|sizinle|yetkili\p{L}*|danisman\p{L}*|emlakci\p{L}*|biri|birisi|biriyle|birisiyle|insan\p{L}*|calisan\p{L}*|personel\p{L}*|ofis\p{L}*|sorumlu\p{L}*|человек\p{L}*|сотрудник\p{L}*|специалист\p{L}*|менеджер\p{L}*|консультант\p{L}*|представител\p{L}*|риелтор\p{L}*|риэлтор\p{L}*|агент\p{L}*|кем|кто|вами|вас)$/u;

/** True when the message asks for a person in words the phrase table does not hold. */
export function asksForPerson(scan: Scan): boolean {
  let reach = false;
  let person = false;
  for (const term of scan.terms) {
    if (REACH.test(term.text)) reach = true;
    else if (PERSON.test(term.text)) person = true;
  }
  return reach && person;
}

/**
 * An alert asked as "if one turns up, write to me" in Turkish and Russian, with the two
 * halves apart: "benzer bir şey çıkarsa bana yazın", "если что-то появится, скиньте мне".
 * English "text me if" is in the phrase table.
 */
const TURNS_UP =
  /^(?:cikarsa|cikinca|cikarsaniz|gelirse|gelince|dusunce|olursa|bulursaniz|bulunca|появится|появятся|появит\p{L}*|наидется|наидете|будет)$/u;
const WRITE_TO_ME =
  /^(?:yaz(?:in|iniz|ar|arsiniz|abilir)\p{L}*|haber\p{L}*|bildir\p{L}*|mesaj\p{L}*|mail\p{L}*|напиш\p{L}*|сообщ\p{L}*|присл\p{L}*|скин\p{L}*|уведом\p{L}*|маякн\p{L}*)$/u;

export function tellsWhenFound(scan: Scan): boolean {
  let turnsUp = false;
  let write = false;
  for (const term of scan.terms) {
    if (TURNS_UP.test(term.text)) turnsUp = true;
    else if (WRITE_TO_ME.test(term.text)) write = true;
  }
  return turnsUp && write;
}
