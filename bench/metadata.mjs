#!/usr/bin/env node
// npm run bench:metadata — how often gleaner's title and byline agree with what a reader of a
// Readability-based tool sees (@mozilla/readability + jsdom, the reference), on the extraction dev
// pages (../shared/bench/extraction, 2019 layouts) and the older-layout pages (../shared/bench/
// extraction-2008, research use only: measure with it, copy nothing from it).
//
// Fair matching (the same key on both sides):
//   key      — NFKC, lower case, curly quotes/dashes unified, punctuation to spaces, whitespace squashed.
//   title    — equal keys; or equal once a short site part (" | Site", " - Site", "Site: ") is dropped
//              on either side; or one contains the other and what is left is only the site's name
//              (og:site_name, Readability's siteName, the host). Pages where Readability found no
//              title count as disagreements ("ref-empty"); where Readability's title is the site's
//              chrome — its name, a part of ours, a trail, a tagline ("ref-is-site-part": it took the
//              masthead) — they count too, listed apart.
//   byline   — people's names (the column that matters, "byline"): gleaner's authors[] against the
//              people in Readability's byline — "By"/"Text:" labels, job titles ("AP Sports Writer"),
//              organisations (the site's own name, agencies, "Staff", "Ltd"), a paper's name after an
//              upper-case name, dates, datelines ("CITY, Country --") left out, case-insensitive. Both empty agree, which includes a
//              Readability byline that names no person ("AppleInsider", "By Agencies on Friday …":
//              "no-person-in-reference"). Readability is the reference: a name gleaner found where
//              Readability found none is a disagreement ("ref-empty"), even where the page plainly
//              shows it (the 2008 wire pages often do); "reference-wrong" marks pages where
//              Readability's byline is clearly not a byline (a sentence, a date, page text).
//   byline-strict — the byline as a string: gleaner's people (its byline when it names none) against
//              Readability's byline split at commas/"and", where Readability's junk around the same
//              names (roles, dates, agencies, a paper's name: what is left names no further person) is tolerated; an organisation on one side only is a
//              disagreement. Reported for comparison with the earlier measurement (0.743).
//
// Readability's outputs are cached (node_modules/.cache/gleaner-bench/readability-meta.json, keyed
// by the page's sha256 and Readability's version): only gleaner is re-run after a change.
//   node bench/metadata.mjs [--data DIR ...] [--worst N] [--field title|byline] [--dist DIR] [--no-cache]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadPages } from './pages.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    worst: { type: 'string', default: '0' },
    field: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    dist: { type: 'string' },
  },
});
const sets = values.data?.length
  ? values.data.map((d) => resolve(d))
  : [resolve(here, '../../shared/bench/extraction'), resolve(here, '../../shared/bench/extraction-2008')];

// ---------------------------------------------------------------------------------------------
// The reference: Readability + jsdom, cached.

const readabilityVersion = JSON.parse(readFileSync(resolve(here, '../node_modules/@mozilla/readability/package.json'), 'utf8')).version;
const cacheFile = resolve(here, '../node_modules/.cache/gleaner-bench/readability-meta.json');
const cache = !values['no-cache'] && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
let cacheDirty = false;
let readabilityLib = null;

async function readabilityMeta(page) {
  const key = `${readabilityVersion}:utf8:${createHash('sha256').update(page.bytes).digest('hex')}`;
  if (cache[key]) return cache[key];
  readabilityLib ??= { ...(await import('jsdom')), ...(await import('@mozilla/readability')) };
  const { JSDOM, VirtualConsole, Readability } = readabilityLib;
  let out = { title: null, byline: null, siteName: null, failed: false };
  // Every page of both sets is valid UTF-8 (the 2008 pages keep their original, stale <meta> charset):
  // decoded here as a browser told "UTF-8" by the server would, so Readability does not read mojibake.
  const html = page.bytes.toString('utf8');
  const load = () => new JSDOM(html, { url: page.url ?? 'https://example.com/', virtualConsole: new VirtualConsole() });
  try {
    const dom = load();
    const r = new Readability(dom.window.document).parse();
    dom.window.close();
    if (r) out = { title: r.title ?? null, byline: r.byline ?? null, siteName: r.siteName ?? null, failed: false };
    else {
      // No article found: the title and byline Readability reads before it looks for one (its metadata step).
      const again = load();
      const reader = new Readability(again.window.document);
      const m = reader._getArticleMetadata(reader._getJSONLD(again.window.document));
      again.window.close();
      out = { title: m.title ?? null, byline: m.byline ?? null, siteName: m.siteName ?? null, failed: true };
    }
  } catch {
    out.failed = true;
  }
  cache[key] = out;
  cacheDirty = true;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fair matching.

/** NFKC, lower case, quotes and dashes unified, punctuation to spaces, whitespace squashed. */
export function key(s) {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SITE_SEPARATOR = /\s+[|•·»:–—-]\s+|\s*\|\s*|:\s+|\s+::\s+|\s+\/\/\s+/;
const words = (s) => key(s).split(' ').filter(Boolean);

/** The title with one site part dropped at either end (" | Site", " - Site", "Site: "), when that part is short. */
function siteDropped(title) {
  const out = [];
  const parts = (title ?? '').split(SITE_SEPARATOR);
  if (parts.length < 2) return out;
  // Every part dropped is short ("| Serving Three Counties | North Carolina" is two site parts).
  const short = (ps) => ps.every((p) => words(p).length <= 6);
  for (let cut = 1; cut < parts.length; cut++) {
    const left = parts.slice(0, cut).join(' ');
    const right = parts.slice(cut).join(' ');
    if (short(parts.slice(cut))) out.push(left);
    if (short(parts.slice(0, cut))) out.push(right);
  }
  return out.map(key).filter(Boolean);
}

function compact(s) {
  return key(s).replace(/\s+/g, '').replace(/^the/, '');
}

/** True when `rest` (what one title has more than the other) is only the site's name. */
function isSiteName(rest, siteNames) {
  const r = compact(rest);
  if (!r) return true;
  return siteNames.some((n) => {
    const c = compact(n.replace(/^www\./, '').replace(/\.[a-z.]{2,7}$/i, ''));
    return c.length >= 3 && (r === c || (r.includes(c) && words(rest).length <= 5) || (c.includes(r) && r.length >= 3));
  });
}

export function titlesAgree(ours, ref, siteNames = []) {
  const [a, b] = [key(ours), key(ref)];
  if (!a && !b) return 'equal';
  if (!a || !b) return null;
  if (a === b) return 'equal';
  const da = siteDropped(ours);
  const db = siteDropped(ref);
  if (da.includes(b) || db.includes(a) || da.some((x) => x && db.includes(x))) return 'site-part';
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const at = long.indexOf(short);
  if (at >= 0 && short.length >= 8) {
    const rest = (long.slice(0, at) + ' ' + long.slice(at + short.length)).trim();
    if (isSiteName(rest, siteNames)) return 'site-name';
  }
  return null;
}

/** Junk a byline may carry around the names: roles, agencies, dates, labels, credentials. */
const BYLINE_JUNK = new Set(
  (
    'by and the a of for at in on from staff writer writers reporter reporters correspondent correspondents editor editors ' +
    'senior chief contributing special associate assistant deputy managing executive columnist contributor photographer ' +
    'associated press ap reuters afp bloomberg news service wire agency agencies bureau desk online digital political ' +
    'business sports politics world national local metro health science technology security published updated posted last ' +
    'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov ' +
    'november dec december monday tuesday wednesday thursday friday saturday sunday am pm gmt est edt bst pst pdt et ' +
    'utc min read email follow twitter more articles about author ms rdn rd md phd mph mba'
  ).split(' '),
);

/** A part of a byline that names a job, not a person ("Associate NFL Editor", "Staff Writer"). */
const ROLE = /\b(writer|editor|reporter|correspondent|columnist|contributor|producer|photographer|staff|newsroom|intern)s?\b/i;
/** A part that names an organisation ("Associated Press", "IDG News Service", "Times Online"). */
const ORGANISATION =
  /\b(press|news|agency|agencies|wire|service|network|media|times|post|herald|tribune|gazette|journal|online|reuters|afp|ap|upi|xinhua|pti|ians|ani|ltd|inc)\b/i;
/** Labels before a name that are not part of it ("Text:", "Текст:", "Photo:"). */
const LABEL = /^(?:(?:written|words|posted|reported|story|text|photos?)\s+by|by|text|texto|текст|photos?|words|author)\s*[:,]?\s+/i;

function stripBy(s) {
  let t = (s ?? '').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) t = t.replace(LABEL, '');
  return t;
}

/** Glued text nodes: "Carrie ArnoldNovember 15" → "Carrie Arnold November 15". */
function unglue(s) {
  return (s ?? '').replace(
    /(\p{Ll})((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Updated|Published|Posted)\p{Ll}*|\d)/gu,
    '$1 $2',
  );
}

/** A date or time run on after a name ("Jeff Foust Monday, November 18"): cut. */
const DATE_TAIL =
  /\s*\b(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Satur|Sun)(?:day)?\b\.?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d|updated|published|posted).*$/i;

const NAME_SPLIT = /\s*(?:,|;|&|\||\n|\s--?\s|\band\b|\bund\b|\bet\b)\s*/;

/** A byline's parts, as keys: "By Jane Doe and John Roe" → {"jane doe", "john roe"}. */
export function bylineNames(s) {
  const names = new Set();
  for (const part of stripBy(s).split(NAME_SPLIT)) {
    const k = key(stripBy(part));
    if (k) names.add(k);
  }
  return names;
}

/**
 * The people a byline names, as keys, the way a reader would list them: labels, roles, organisations
 * (the site's own name, agencies, "Staff"), dates and datelines left out. Used on Readability's side,
 * whose byline is whatever text it found ("AppleInsider", "By Agencies on Friday, January 18, 2008").
 */
export function peopleIn(s, siteNames = []) {
  const people = new Set();
  // A dateline ("ST. PETERSBURG, Fla. --") names a place.
  if (/--\s*$/.test(s ?? '') && !/^\s*by\b/i.test(s)) return people;
  // Lines are parts too ("By JOSEPH WHITE\nAP Sports Writer"), and so are sentences ("Jane Doe. Example Radio").
  const text = unglue(s ?? '')
    .replace(/\s*\n\s*/g, ' | ')
    .replace(/(\p{Ll}{2})\.\s+/gu, '$1 | ');
  for (const raw of stripBy(text).split(NAME_SPLIT)) {
    let part = stripBy(raw)
      // "JANE ROE Daily Record": an upper-case name, then its paper in title case.
      .replace(/^(\p{Lu}[\p{Lu}'.-]+(?:\s+\p{Lu}[\p{Lu}'.-]*)+)\s+\p{Lu}\p{Ll}.*$/u, '$1')
      .replace(DATE_TAIL, '')
      .replace(/\s+(?:in|from)\s+\p{Lu}.*$/u, '')
      .trim();
    if (/--\s*$/.test(raw) || /\d/.test(part)) continue;
    // A job title or an organisation after the name ("Jason Doe Associated Press Writer"): cut it.
    const ws = part.split(/\s+/).filter(Boolean);
    let cut = false;
    while (ws.length && (BYLINE_JUNK.has(key(ws.at(-1))) || ROLE.test(ws.at(-1)) || ORGANISATION.test(ws.at(-1)))) {
      ws.pop();
      cut = true;
    }
    part = ws.join(' ');
    const k = key(part);
    // What is left of "HNN Staff", "Pocket-lint Ltd." or "The Times" is an organisation's name.
    if (!k || (cut && ws.length < 2) || ROLE.test(part) || ORGANISATION.test(part)) continue;
    if (isSiteName(part, siteNames) || k.split(' ').every((w) => BYLINE_JUNK.has(w))) continue;
    if (!/^\p{Lu}/u.test(part) || /[/|]/.test(part)) continue;
    // One upper-case word is an agency's or a desk's initials, or a dateline ("RT", "SEATTLE").
    if (ws.length === 1 && !/\p{Ll}/u.test(part)) continue;
    people.add(k);
  }
  return people;
}

/** Strict: gleaner's people (or its byline when it names none) against Readability's byline string. */
export function bylinesAgree(ours, ref, siteNames = []) {
  const a = bylineNames(ours);
  const b = bylineNames(ref);
  if (!a.size && !b.size) return 'both-empty';
  if (!a.size || !b.size) return null;
  if (a.size === b.size && [...a].every((n) => b.has(n))) return 'equal';
  // The same people, Readability's string with junk around them.
  const refKey = ` ${key(stripBy(unglue(ref)))} `;
  if ([...a].every((n) => refKey.includes(` ${n} `))) {
    let rest = refKey;
    for (const n of a) rest = rest.replace(` ${n} `, ' ');
    const left = rest.split(' ').filter(Boolean);
    if (left.every((w) => BYLINE_JUNK.has(w) || /^\d+$/.test(w)) || isSiteName(left.join(' '), siteNames)) return 'reference-junk';
    // What is left names no further person ("Daily Record/Sunday News" after the name).
    let restText = unglue(ref);
    for (const n of ours.split(/\s*(?:,|\band\b)\s*/)) {
      const words = n
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      if (words.length) restText = restText.replace(new RegExp(words.join('\\s+'), 'i'), ' | ');
    }
    if (!peopleIn(restText, siteNames).size) return 'reference-junk';
  }
  return null;
}

/** People: gleaner's authors[] against the people in Readability's byline (both empty agree). */
export function peopleAgree(authors, ref, siteNames = []) {
  const a = new Set(authors.map(key).filter(Boolean));
  const b = peopleIn(ref, siteNames);
  if (!a.size && !b.size) return key(ref) ? 'no-person-in-reference' : 'both-empty';
  if (a.size !== b.size || ![...a].every((n) => b.has(n))) return null;
  return bylinesAgree(authors.join(', '), ref, siteNames) ?? 'people-equal';
}

/** True when Readability's byline is clearly not a person: a sentence, page text, a URL, a bare date. */
function referenceClearlyWrong(ref, siteNames) {
  const s = (ref ?? '').trim();
  if (!s) return false;
  const w = s.split(/\s+/);
  if (s.length > 100 || w.length > 14) return true;
  if (/https?:\/\/|www\./i.test(s)) return true;
  if (!peopleIn(s, siteNames).size) return true;
  const lower = w.filter((x) => /^\p{Ll}{3,}/u.test(x) && !BYLINE_JUNK.has(x.toLowerCase()));
  return lower.length >= 3;
}

/** Readability's title is only the site part of ours ("Edmonton Sun" for "Lawsuit settled - Edmonton Sun"), or the site's name. */
function titleIsSitePart(ref, ours, siteNames) {
  if (!key(ref)) return false;
  if (isSiteName(ref, siteNames)) return true;
  // A trail ("Site > News > Story"), the site's host inside, or a tagline of section words, in a
  // title that has little to do with ours (a headline may name its own site: "Example's guide to …").
  const ourWords = new Set(words(ours));
  if (words(ref).filter((w) => ourWords.has(w)).length >= 0.5 * words(ref).length) return false;
  if (/\s>\s/.test(ref) || siteNames.some((n) => compact(ref).includes(compact(n.replace(/^www\./, '').replace(/\.[a-z.]{2,7}$/i, '')))))
    return true;
  if ((ref.match(/\b(news|weather|sports?|traffic|entertainment)\b/gi) ?? []).length >= 2) return true;
  const parts = (ours ?? '').split(/\s+[|>:–—-]\s+|\s*\|\s*/).map(key);
  return parts.length > 1 && key(ours).startsWith(key(ref)) !== key(ours).endsWith(key(ref)) && parts.some((p) => key(ref).includes(p));
}

// ---------------------------------------------------------------------------------------------
// Run.

// --dist DIR: a build of another commit (to measure a change against its base with the same bench).
const { clean } = await import(resolve(values.dist ?? resolve(here, '../dist'), 'clean/index.js'));

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^(www\d?|m)\./, '');
  } catch {
    return null;
  }
}

const rows = [];
for (const dir of sets) {
  const set = basename(dir);
  for (const page of loadPages(dir, { htm: true })) {
    const ref = await readabilityMeta(page);
    let ours;
    try {
      const a = clean(page.bytes, { url: page.url, fileName: `${page.id}.html` }, { onBug: () => {} });
      ours = { title: a.title ?? null, byline: a.byline ?? null, authors: a.authors ?? [], siteName: a.siteName ?? null };
    } catch (err) {
      ours = { title: null, byline: null, authors: [], siteName: null, error: String(err?.message ?? err) };
    }
    const siteNames = [ref.siteName, ours.siteName, hostOf(page.url)].filter(Boolean);
    // Strict: gleaner's people (its byline string when it names none, e.g. an agency) against Readability's string.
    const ourByline = ours.authors.length ? ours.authors.join(', ') : ours.byline;
    rows.push({
      set,
      id: page.id,
      url: page.url,
      ours,
      ref,
      title: titlesAgree(ours.title, ref.title, siteNames),
      byline: peopleAgree(ours.authors, ref.byline, siteNames),
      bylineStrict: bylinesAgree(ourByline, ref.byline, siteNames),
      refTitleIsSite: titleIsSitePart(ref.title, ours.title, siteNames),
      refBylineWrong: referenceClearlyWrong(ref.byline, siteNames),
    });
  }
}
if (cacheDirty) {
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cache));
}

const FIELDS = { title: 'title', byline: 'byline', bylineStrict: 'byline' };

function classify(r, field) {
  const ours =
    field === 'title' ? r.ours.title : field === 'byline' ? r.ours.authors.join(', ') : r.ours.authors.join(', ') || r.ours.byline;
  const ref = r.ref[FIELDS[field]];
  const refEmpty = field === 'byline' ? !peopleIn(ref).size : !key(ref);
  if (!key(ours) && !refEmpty) return 'ours-empty';
  if (key(ours) && refEmpty) return field === 'title' || !key(ref) ? 'ref-empty' : 'ref-not-a-person';
  if (field === 'title' && r.refTitleIsSite) return 'ref-is-site-part';
  if (field !== 'title' && r.refBylineWrong) return 'reference-wrong';
  return 'different';
}

const pct = (n, d) => (d ? (n / d).toFixed(3) : 'n/a');
const summary = [];
console.log('set                 pages  title  byline  byline-strict');
for (const set of [...new Set(rows.map((r) => r.set)), 'all']) {
  const rs = set === 'all' ? rows : rows.filter((r) => r.set === set);
  const share = (f) => pct(rs.filter((r) => r[f]).length, rs.length);
  console.log(`${set.padEnd(20)}${String(rs.length).padStart(5)}  ${share('title')}  ${share('byline')}   ${share('bylineStrict')}`);
  summary.push(`${set}_title=${share('title')} ${set}_byline=${share('byline')} ${set}_byline_strict=${share('bylineStrict')}`);
}

const count = (list, f) => {
  const m = {};
  for (const x of list) m[f(x)] = (m[f(x)] ?? 0) + 1;
  return Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
};
for (const field of Object.keys(FIELDS)) {
  const bad = rows.filter((r) => !r[field]);
  console.log(
    `${field} disagreements: ${bad.length} (${count(bad, (r) => classify(r, field))}); agreements by rule: ${count(
      rows.filter((r) => r[field]),
      (r) => r[field],
    )}`,
  );
}

const worst = Number(values.worst);
if (worst > 0) {
  for (const field of values.field ? [values.field] : ['title', 'byline']) {
    console.log(`\n--- ${field}: first ${worst} disagreements (gleaner | Readability)`);
    for (const r of rows.filter((x) => !x[field]).slice(0, worst)) {
      const ours =
        field === 'title'
          ? JSON.stringify(r.ours.title)?.slice(0, 300)
          : `${JSON.stringify(r.ours.byline)} ${JSON.stringify(r.ours.authors)}`;
      console.log(
        `[${r.set}] ${r.id.slice(0, 12)} ${classify(r, field)} ${r.url ?? ''}\n   ours: ${ours}\n   ref:  ${JSON.stringify(r.ref[FIELDS[field]])?.slice(0, 300)}`,
      );
    }
  }
}

console.log(`SUMMARY task=metadata pages=${rows.length} ${summary.join(' ')}`);
