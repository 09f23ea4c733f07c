// Byline cleaning: "By Jane Doe and John Roe | Updated 17 Sep 2023, 10:02" → "Jane Doe and John Roe".
// Strips "By" prefixes, glued dates and times (readability #938), roles, e-mails and handles;
// refuses strings that are not names (sentences, site names, bare roles like "Staff").
import { compareKey } from '../../text/fold.js';
import { siteLabel } from './site.js';

/** "By", "Written by", "Von", "Por" ... at the start of a byline. */
export const BYLINE_PREFIX =
  /^(?:(?:written|words|posted|reported|reporting|story|text|photos?|interview|compiled|edited|published)\s+by|by|von|por|par|di|door|av|af|przez|автор|author(?:s)?|autor(?:es|in)?|auteur|texto?|reporter|posted|текст|автор(?:ы)?|фото)\s*[:：,]?\s+/iu;

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,)`;

/** Where a byline stops: a date, a time, an "Updated" label, a separator, an e-mail, a handle. */
export const BYLINE_STOPS: RegExp[] = [
  new RegExp(
    String.raw`\s*(?:[|•·—–]|\s-\s|,)?\s*\b(?:updated|published|posted|last updated|first published|modified|on|am|um|le|el|il|em)?\s*[:：]?\s*\b${WEEKDAY}.*$`,
    'i',
  ),
  new RegExp(
    String.raw`\s*(?:[|•·—–]|\s-\s|,)?\s*\b(?:updated|published|posted|last updated|first published|modified|on)?\s*[:：]?\s*\b${MONTH}\.?\s+\d.*$`,
    'i',
  ),
  new RegExp(String.raw`\s*(?:[|•·—–]|\s-\s|,)?\s*\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\b.*$`, 'i'),
  /\s*(?:[|•·—–]|\s-\s|,)?\s*\b(?:updated|published|posted|last updated|first published|modified|aktualisiert|actualizado|atualizado|aggiornato|mis à jour)\b.*$/i,
  /\s*(?:[|•·—–,]\s*)?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*$/,
  /\s*(?:[|•·—–,]\s*)?\d{1,2}:\d{2}.*$/,
  /\s*(?:[|•·—–,]\s*)?\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+(?:ago|read)\b.*$/i,
  /\s*[|•·].*$/,
  /\s*\S+@\S+\.\S+.*$/,
  /\s*(?:follow|email|e-mail|twitter|contact)\b.*$/i,
  /\s*@\w+.*$/,
];

/** Roles that end a byline after a comma or dash ("Jane Doe, Senior Correspondent"). */
export const ROLE_WORDS =
  /\b(reporter|correspondent|editor|writer|columnist|contributor|journalist|staff|producer|analyst|photographer|intern|chief|bureau|senior|deputy|associate|special|political|business|sports?|science|health|technology|for the|in [A-Z][a-z]+|contributing|freelance|redakteur(?:in)?|rédact(?:eur|rice)|redactor(?:a)?|periodista|correspondente?)\b/i;

/** A job title of capitalised role words at the end of a byline, with no comma before it. */
export const TRAILING_JOB_TITLE =
  /(?<=\p{L}{2,})\s+(?:(?:Senior|Chief|Deputy|Associate|Assistant|Managing|Executive|Contributing|Special|Staff|Political|Business|Sports?|Science|Health|Technology|Tech|Foreign|Local|Metro|City|Courts?|Transport(?:ation)?|Digital|Investigative|Freelance|News|Social Media|Data|Video|Audio|Opinion|Features?|Culture|Entertainment|Travel|Climate|Environment|Economics?|Education|Legal|Markets?|White House|Washington|Europe|Africa|Asia|Middle East)\s+)*(?:Reporter|Correspondent|Editor|Writer|Columnist|Contributor|Journalist|Producer|Analyst|Photographer|Intern|Critic|Presenter|Anchor)s?$/u;

/** Bylines that name nobody. */
export const NON_NAMES =
  /^(staff|admin|administrator|editor|editors|editorial( staff| team| board)?|newsroom|news desk|web desk|desk|redaction|rédaction|redação|redazione|redaktion|team|guest|anonymous|unknown|author|contributor|staff writer|staff reporter|staff and agencies|our (reporter|correspondent|bureau)|press release|wire|wires|agencies|news service|[a-z]+ staff)$/i;

/** Author-box labels before the name ("About the author: Jane Doe is a reporter …"). */
export const AUTHOR_BOX_PREFIX =
  /^(?:about the authors?|about|author(?:'s)? (?:bio|profile|info)|meet the author|written by the author)\s*[:：-]?\s+/i;

/** Where an author bio's sentence starts after the name ("Jane Doe is a reporter …", "… has covered …"). */
export const BIO_VERB = /\s+(?:is|was|has|had|writes|covers|reports|joined|lives|works|serves|became|holds|spent|edits|leads)\b.*$/;

/** Section names a CMS prints after the byline ("Jane Doe Politics"). Cut only after a full name. */
export const SECTION_WORDS =
  /\s+(?:News|Politics|Sports?|Business|World|Nation|National|Local|Metro|Opinion|Entertainment|Lifestyle|Health|Science|Technology|Tech|Travel|Culture|Arts|Money|Markets|Economy|Education|Weather|Crime|Food|Music|Movies|Autos|Style|Sci-Tech|Showbiz|Features?)$/;

/** An upper-case name of two words or more, then title-case words: the name is the upper-case part. */
export const CAPITALS_THEN_TITLE_CASE = /^(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]*)+)\s+\p{Lu}\p{Ll}.*$/u;

/** Credentials after a name. */
export const CREDENTIALS =
  /(?:,?\s+|,\s*)(?:MD|M\.D\.|PhD|Ph\.D\.|MS|MSc|MA|MBA|MPH|RD|RDN|RN|DO|JD|CPA|CFP|CFA|LCSW|FACS|Esq\.?)\b(?:\s*,\s*(?:MD|PhD|MS|MA|MBA|MPH|RD|RDN|RN|CPA|CFA)\b)*\s*$/;

/** News agencies (a regex alternation): a byline's trailing wire credit, or a whole credit to an agency. */
const NEWS_AGENCIES = 'Associated Press|AP|Reuters|AFP|Agence France-Presse|Bloomberg|PTI|IANS|ANI|dpa|EFE|ANSA|Xinhua|UPI';

/** News agencies and wire services that trail a reporter's name. */
export const WIRE_NAMES = new RegExp(
  String.raw`(?:^|[\s,.|/-]+)(?:the\s+)?(?:${NEWS_AGENCIES}|CNN|BBC News|The Conversation|Tribune News Service|TNS|USA TODAY|KHN|Canadian Press|CP|AAP|Press Association|PA SportsTicker|SportsTicker|PA|Kyodo|Yonhap|Anadolu|Interfax|TASS)\s*$`,
  'i',
);

function stripTrailingOrg(s: string, siteNames: string[]): string {
  // Only when a name is left before it: "Reuters" alone stays (the wire is the byline then).
  const wire = WIRE_NAMES.exec(s);
  if (wire && wire.index > 0 && /\p{Lu}\p{L}+\s+\p{Lu}/u.test(s.slice(0, wire.index))) s = s.slice(0, wire.index).trim();
  // The site's name inside the byline: "Chidi Eze BBC News, Lagos" → "Chidi Eze".
  for (const name of siteNames) {
    if (!name || name.length < 3 || /\.[a-z]{2,}$/i.test(name)) continue;
    const at = s.toLowerCase().indexOf(name.toLowerCase().replace(/^the\s+/, ''));
    if (at <= 0 || /[\p{L}\p{N}]/u.test(s[at - 1])) continue;
    const head = s.slice(0, at).replace(/[\s,.|/–—-]+$/, '');
    if (head.split(/\s+/).length >= 2 && /^\p{Lu}/u.test(head)) return head;
  }
  const words = s.split(/\s+/);
  for (let k = 1; k <= Math.min(6, words.length - 2); k++) {
    const head = words
      .slice(0, words.length - k)
      .join(' ')
      .replace(/[\s,.|/–—-]+$/, '');
    const tail = words
      .slice(words.length - k)
      .join(' ')
      .replace(/^[,|/–—-]+\s*/, '');
    const isSite =
      /^[\w-]+(\.[\w-]+)*\.(com|net|org|co\.uk|co|news|de|fr|in|ca|au)$/i.test(tail) || siteNames.some((n) => n && siteMatches(tail, n));
    if (isSite && head.split(/\s+/).length >= 2) return head;
  }
  return s;
}

function siteMatches(part: string, name: string): boolean {
  const p = norm(part).replace(/^the/, '');
  const n = norm(name.replace(/\.(com|net|org|co|news)(\.[a-z]{2})?$/i, '')).replace(/^the/, '');
  return p.length >= 3 && p === n;
}

const norm = (s: string) => compareKey(s).replace(/ /g, '');

/** Connecting words allowed in a byline besides the names. */
const CONNECTORS = new Set([
  'and',
  'und',
  'et',
  'e',
  'y',
  'en',
  'og',
  'i',
  'with',
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'bin',
  'al',
  'el',
  'ibn',
  'mc',
  'st',
  'y',
]);

export interface BylineOptions {
  /** The site's names: a byline equal to one of them names nobody. */
  siteNames?: string[];
}

export function cleanByline(raw: string | null | undefined, opts: BylineOptions = {}): string | null {
  if (!raw) return null;
  let s = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (!s || s.length > 300) return null;
  // Glued labels: "Jane DoeUpdated", "Jane DoeSeptember 17" (text nodes joined without a space).
  s = s.replace(
    new RegExp(String.raw`(\p{Ll})(Updated|Published|Posted|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|${MONTH}\b)`, 'gu'),
    '$1 $2',
  );
  // Digits glued to a name ("Jane Doe17 Sep 2023").
  s = s.replace(/(\p{Ll})(\d)/gu, '$1 $2');
  s = s.replace(AUTHOR_BOX_PREFIX, '').trim();
  for (let i = 0; i < 2; i++) s = s.replace(BYLINE_PREFIX, '').trim();
  // A handle in brackets after the name: "Jane Doe (@jdoe)".
  s = s.replace(/\s*\(\s*@[\w.]+\s*\)/g, '').trim();
  // An author box's bio sentence after the name: keep the name.
  const bio = BIO_VERB.exec(s);
  if (bio && bio.index > 0 && /^\p{Lu}\S*(?:\s+\p{Lu}\S*){1,3}$/u.test(s.slice(0, bio.index))) s = s.slice(0, bio.index);
  for (const stop of BYLINE_STOPS) s = s.replace(stop, '').trim();
  // The day of a date whose month and year a stop cut ("Jane Doe 17 Sep 2023" → "Jane Doe 17").
  s = s.replace(/[\s,]+\d{1,2}(?:st|nd|rd|th)?$/, '').trim();
  // Academic and professional credentials: "Jane Doe, MS, RDN", "John Roe PhD".
  s = s.replace(CREDENTIALS, '').trim();
  // A trailing site or wire name: "Troy Smith, Cleveland.com", "Tom Davies Associated Press".
  s = stripTrailingOrg(s, opts.siteNames ?? []);
  // A trailing role after a comma or a dash.
  s = s
    .replace(/\s*(?:,|\s[-–—]\s)\s*([^,]*)$/u, (whole, tail: string) => (ROLE_WORDS.test(tail) || /^(the|a)\s/i.test(tail) ? '' : whole))
    .trim();
  // A job title run straight on after the name ("Jane Doe<br>Senior Reporter" → "Jane Doe Senior Reporter").
  // A trailing section word after a full name ("Jane Doe Politics"), around a job title too
  // ("Jane Doe Metro Reporter Metro").
  for (let i = 0; i < 2; i++) {
    const section = SECTION_WORDS.exec(s);
    if (section && s.slice(0, section.index).trim().split(/\s+/).length >= 2) s = s.slice(0, section.index).trim();
    s = s.replace(TRAILING_JOB_TITLE, '').trim();
  }
  // A wire name that stood before the job title ("Jane Doe Associated Press Writer").
  s = stripTrailingOrg(s, opts.siteNames ?? []);
  // Wire copy sets the name in capitals and the paper after it in title case ("JANE ROE Daily Record"):
  // the case changes where the name ends.
  s = s.replace(CAPITALS_THEN_TITLE_CASE, '$1').trim();
  s = s
    .replace(/\s+,/g, ',')
    .replace(/^[\s,;:|/-]+|[\s,;:|/-]+$/g, '')
    .replace(/\s+(and|&)$/i, '')
    .trim();
  if (!s || !/\p{L}/u.test(s)) return null;
  if (NON_NAMES.test(s)) return null;
  if ((opts.siteNames ?? []).some((n) => n && norm(n) === norm(s))) return null;
  const words = s.split(/\s+/);
  // A one-word byline that is the start of the site's name ("Sky" on Sky News) names the site.
  if (
    words.length === 1 &&
    (opts.siteNames ?? []).some((n) => norm(n).length > norm(s).length && norm(n).startsWith(norm(s)) && norm(s).length >= 3)
  )
    return null;
  if (words.length > 14 || s.length > 120) return null;
  // Names are capitalised: a byline with several lowercase words is a sentence or a label.
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !CONNECTORS.has(w.toLowerCase().replace(/[,.]$/, '')));
  if (lower.length > 0 && lower.length >= words.length / 3) return null;
  if (/[.!?]$/.test(s) && !/\b\p{Lu}\.$/u.test(s)) return null;
  return s;
}

/** Words that make a byline part an organisation, not a person. */
const ORG_WORDS =
  /\b(press|news|agency|agencies|wire|service|staff|desk|team|newsroom|media|times|post|herald|tribune|gazette|journal|online|network|sports?|ltd|inc|llc|gmbh|center|centre|magazine|radio|tv|reuters|bloomberg|afp|ap|upi|xinhua|pti|ians|dpa|efe|ansa)\b/i;

/** What a byline part may carry after the person's name: an agency in brackets, a place ("Jane Doe (AP)", "Jane Doe in Sydney"). */
const PERSON_TAIL = /\s*\([^)]*\)\s*$|\s+(?:in|from|reporting from)\s+\p{Lu}[\p{L}.' -]*$/u;

/** Credits that name a picture's source, not the story's author ("Photo: Agency/ Jane Doe"). */
const PICTURE_CREDIT = /^(?:photos?|pictures?|images?|video|graphics?|illustrations?)\b|getty images|\bshutterstock\b/i;

/** Connectors between the people of a byline; lower case only, so an initial ("Bruce Y. Lee") is not one. */
const AUTHOR_SEPARATOR = /\s*(?:,|;|&|\s(?:and|und|et|y|con|with)\s)\s*/;

/** "MARTA QUINLAN" → "Marta Quinlan"; mixed-case names are kept as written. */
function personCase(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/\bMc(\p{Ll})/gu, (_, c: string) => `Mc${c.toUpperCase()}`);
}

/** The people named by a cleaned byline: "Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; agencies left out. */
export function splitAuthors(byline: string | null | undefined): string[] {
  if (!byline) return [];
  const out: string[] = [];
  for (const raw of byline.split(AUTHOR_SEPARATOR)) {
    if (PICTURE_CREDIT.test(raw.trim())) continue;
    const part = raw.replace(PERSON_TAIL, '').trim();
    if (!part || !/\p{L}/u.test(part) || ORG_WORDS.test(part) || NON_NAMES.test(part)) continue;
    // "Site - Desk", "Site / Edition": a name has no spaced dash or slash in it.
    if (/\s[-–—/|]\s|\//.test(part)) continue;
    const words = part.split(/\s+/);
    if (words.length > 5 || !/^\p{Lu}/u.test(part)) continue;
    // One upper-case word is an agency's or a desk's initials, or a dateline ("CP", "READ", "SEATTLE").
    if (words.length === 1 && !/\p{Ll}/u.test(part)) continue;
    const name = personCase(part);
    if (!out.some((n) => norm(n) === norm(name))) out.push(name);
  }
  return out;
}

/** A whole credit that is a news agency ("By the Associated Press", "Reuters"). */
const AGENCY_CREDIT = new RegExp(String.raw`^(?:the\s+)?(?:${NEWS_AGENCIES})$`, 'i');

/**
 * The publication credited as the author when no person is: the site's own name ("Al Jazeera" on
 * aljazeera.com, "Beachbody" on beachbodyondemand.com) or a news agency. The page shows it as the
 * byline, so the record keeps it as its byline, with no authors (authors are people).
 */
export function creditedOrganisation(raw: string | null | undefined, siteNames: string[] = []): string | null {
  if (!raw) return null;
  let s = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  for (let i = 0; i < 2; i++) s = s.replace(BYLINE_PREFIX, '').trim();
  s = s.replace(/^[\s,;:|/-]+|[\s,;:|/-]+$/g, '').trim();
  if (s.length < 2 || s.length > 60 || /\d/.test(s) || NON_NAMES.test(s) || /^https?:|^@/i.test(s)) return null;
  if (AGENCY_CREDIT.test(s)) return s;
  const key = norm(s).replace(/^the/, '');
  for (const name of siteNames) {
    const n = siteLabel(name);
    if (key.length >= 2 && (key === n || (key.length >= 4 && n.startsWith(key)))) return s;
  }
  return null;
}
