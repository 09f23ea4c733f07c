// `/records/:id`: one record with its text, every entity mention highlighted by type, a legend,
// and a side list of the entities with their aliases and mention counts.
import type { EntityType, StoredRecord } from '../../store/types.js';
import { entityMarks, paragraphRanges, type Mark } from '../highlight.js';
import { externalLink, flagEmoji, html, queryString, type SafeHtml } from '../html.js';
import { ENTITY_TYPES } from '../params.js';
import { TYPE_LABELS, formatDate, hostOf, layout } from './layout.js';
import { entityHref } from './entity.js';
import { NAMED_TYPES } from '../../extract/lexicon.js';

function markHtml(text: string, m: Mark): SafeHtml {
  return html`<mark class="ent t-${m.type}" data-type="${m.type}" data-entity="${m.name}" title="${TYPE_LABELS[m.type].one}: ${m.name}">${text.slice(m.start, m.end)}</mark>`;
}

/** The text as paragraphs, marks clipped to the paragraph they start in. */
export function highlightedText(text: string, marks: Mark[]): SafeHtml {
  const out: SafeHtml[] = [];
  let mi = 0;
  for (const [ps, pe] of paragraphRanges(text)) {
    const parts: SafeHtml[] = [];
    let at = ps;
    while (mi < marks.length && marks[mi].end <= ps) mi++;
    while (mi < marks.length && marks[mi].start < pe) {
      const m = marks[mi];
      const start = Math.max(m.start, ps);
      const end = Math.min(m.end, pe);
      if (start > at) parts.push(html`${text.slice(at, start)}`);
      parts.push(markHtml(text, { ...m, start, end }));
      at = end;
      if (m.end > pe) break; // continues in the next paragraph
      mi++;
    }
    if (at < pe) parts.push(html`${text.slice(at, pe)}`);
    out.push(html`<p>${parts}</p>`);
  }
  return html`${out}`;
}

interface SideEntry {
  /** The entity's id in the store (named types). */
  id?: string;
  name: string;
  aliases: string[];
  mentions: number;
  highlighted: number;
  code?: string | null;
  note?: string;
  filterHref: string;
}

function sideEntries(r: StoredRecord, marks: Mark[]): Record<EntityType, SideEntry[]> {
  const shown = (type: EntityType, i: number) => marks.filter((m) => m.type === type && m.index === i).length;
  const e = r.entities;
  const byName = (name: string) => '/' + queryString({ entity: name });
  /** A named entity's entry (people, countries, organizations, places): the same fields for each. */
  const named = (
    type: EntityType,
    x: { id?: string; name: string; aliases?: string[]; mentions: number },
    i: number,
    filterHref: string,
    code?: string | null,
  ): SideEntry => ({
    id: x.id,
    name: x.name,
    aliases: x.aliases ?? [],
    mentions: x.mentions,
    highlighted: shown(type, i),
    code,
    filterHref,
  });
  return {
    person: e.people.map((p, i) => named('person', p, i, byName(p.name))),
    country: e.countries.map((c, i) => named('country', c, i, '/' + queryString({ country: c.code }), c.code)),
    organization: e.organizations.map((o, i) => named('organization', o, i, byName(o.name))),
    place: e.places.map((p, i) => named('place', p, i, byName(p.name), p.countryCode ?? null)),
    date: e.dates.map((d, i) => ({
      name: d.text,
      aliases: [],
      mentions: d.mentions,
      highlighted: shown('date', i),
      note: d.value ? `→ ${d.value}` : 'unresolved',
      filterHref: byName(d.value ?? d.text),
    })),
  };
}

/** A reviewer's corrections for one entity of this record: plain forms, no script. */
function correctionForm(r: StoredRecord, type: EntityType, e: SideEntry): SafeHtml {
  if (!e.id) return html``;
  const action = `/records/${encodeURIComponent(r.id)}/corrections`;
  const hidden = html`<input type="hidden" name="entity" value="${e.id}">`;
  return html`<details class="correct"><summary>correct</summary>
  <form method="post" action="${action}" class="inline">${hidden}<input type="hidden" name="op" value="retype">
    <select name="to" aria-label="new type">${NAMED_TYPES.map((t) => html`<option value="${t}" ${t === type ? html`selected` : ''}>${TYPE_LABELS[t].one}</option>`)}</select>
    <button type="submit" name="retype">Retype</button></form>
  <form method="post" action="${action}" class="inline">${hidden}<input type="hidden" name="op" value="reject"><input type="hidden" name="scope" value="record">
    <button type="submit" name="reject-here">Not in this record</button></form>
  <form method="post" action="${action}" class="inline">${hidden}<input type="hidden" name="op" value="reject"><input type="hidden" name="scope" value="everywhere">
    <button type="submit" name="reject-everywhere">Not an entity</button></form>
</details>`;
}

function entityList(r: StoredRecord, marks: Mark[], canCorrect = false): SafeHtml {
  const entries = sideEntries(r, marks);
  const sections = ENTITY_TYPES.map((type) => {
    const list = entries[type];
    if (!list.length) return html``;
    return html`<section class="entity-group" data-type="${type}">
  <h2><span class="swatch t-${type}"></span>${TYPE_LABELS[type].many} <span class="count">${list.length}</span></h2>
  <ul>${list.map(
    (e, i) => html`<li id="${type}-${i}" data-type="${type}">
    <a class="name" href="${e.id ? entityHref(e.id) : e.filterHref}" title="${e.id ? 'the entity across all records' : 'records mentioning it'}" ${e.id ? html`data-entity-id="${e.id}"` : ''}>${type === 'country' ? html`<span class="flag">${flagEmoji(e.code)}</span>` : ''}${e.name}</a>${e.code ? html`<span class="code">${e.code}</span>` : ''}
    <span class="count" title="mentions counted by the extractor">× ${e.mentions}</span>
    <a class="filter" href="${e.filterHref}" title="records mentioning it">records</a>
    ${e.note ? html`<span class="muted"> ${e.note}</span>` : ''}
    ${e.aliases.length ? html`<div class="aliases">also: ${e.aliases.join(', ')}</div>` : ''}
    ${canCorrect && type !== 'date' ? correctionForm(r, type, e) : ''}
  </li>`,
  )}</ul>
</section>`;
  });
  return html`<aside class="entity-list card">${sections}</aside>`;
}

function legend(marks: Mark[]): SafeHtml {
  const counts = ENTITY_TYPES.map((t) => [t, marks.filter((m) => m.type === t).length] as const);
  return html`<div class="legend" aria-label="legend">${counts.map(
    ([t, n]) =>
      html`<span class="key t-${t}" data-type="${t}" title="${n} highlighted mention${n === 1 ? '' : 's'}">${TYPE_LABELS[t].many} <span class="count">${n}</span></span>`,
  )}</div>`;
}

/** What ran on the record: "names fr · dates fr", "countries only · dates de", "no names · no dates". */
function extractionSummary(x: StoredRecord['extraction']): string | null {
  if (!x) return null;
  const names = x.entities === 'countries' ? 'countries only' : x.entities ? `names ${x.entities}` : 'no names';
  const dates = x.dates ? `dates ${x.dates}` : 'no dates';
  return `${names} · ${dates}`;
}

/**
 * A publication time as the page wrote it: its own offset kept ("2023-09-17 19:00 +09:00"), a time
 * without a zone marked as such, never converted to or labelled UTC.
 */
export function formatPublished(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return formatDate(value);
  const [, date, time, zone] = m;
  if (!time) return date;
  if (!zone) return `${date} ${time} (time zone unknown)`;
  return `${date} ${time} ${zone === 'Z' ? 'UTC' : zone}`;
}

const compareKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** True when the description only repeats the first paragraph (wire copy's lead used as its summary). */
export function repeatsLead(description: string, text: string): boolean {
  const d = compareKey(description.replace(/(\.\.\.|…)\s*$/, ''));
  const first = compareKey(text.trimStart().split(/\n\s*\n/)[0] ?? '');
  if (!d || !first) return false;
  return first.startsWith(d) || d.startsWith(first);
}

function facts(r: StoredRecord): SafeHtml {
  const p = r.provenance;
  const row = (label: string, value: SafeHtml | string | null | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : html``);
  const flags = Object.entries(r.flags ?? {})
    .filter(([, v]) => v)
    .map(([k]) => html`<span class="flag-chip">${k}</span>`);
  return html`<dl class="facts">
  ${row('Site', r.siteName ?? hostOf(r.canonicalUrl ?? r.url))}
  ${row('Published', formatPublished(r.publishedAt))}
  ${row('Modified', formatPublished(r.modifiedAt))}
  ${row('Source', r.url ? externalLink(r.url) : null)}
  ${row('Canonical', r.canonicalUrl && r.canonicalUrl !== r.url ? externalLink(r.canonicalUrl) : null)}
  ${row('Feed', p?.feedUrl ? externalLink(p.feedUrl) : null)}
  ${row('Language', r.language)}
  ${row('Extracted', extractionSummary(r.extraction))}
  ${row('Words', r.wordCount !== undefined ? String(r.wordCount) : null)}
  ${row('Fetched', formatDate(p?.fetchedAt))}
  ${row(
    'Revision',
    r.revision > 1
      ? html`${r.revision} (updated ${formatDate(r.updatedAt)}; <a href="/api/records/${encodeURIComponent(r.id)}/revisions">earlier versions</a>)`
      : `1 (stored ${formatDate(r.createdAt)})`,
  )}
  ${row('Syndicated from', r.syndicatedFrom ? html`<a href="/records/${encodeURIComponent(r.syndicatedFrom)}">${r.syndicatedFrom}</a>` : null)}
  ${row('Pipeline', p?.pipelineVersion)}
  ${row('Flags', flags.length ? html`<span class="flags">${flags}</span>` : null)}
  ${row('JSON', html`<a href="/api/records/${encodeURIComponent(r.id)}">/api/records/${r.id}</a>`)}
</dl>`;
}

/** `lang="…"` for a plausible BCP 47 tag (screen readers, hyphenation), nothing otherwise. */
function langAttr(language: string | null | undefined): SafeHtml | string {
  return language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? html`lang="${language}"` : '';
}

export function recordPage(r: StoredRecord, opts: { queues: boolean; canCorrect?: boolean }): string {
  const marks = entityMarks(r.text, r.entities);
  const body = html`<p><a href="/">← All records</a></p>
<article class="record" data-id="${r.id}">
<header class="record-head card">
  <h1 dir="auto">${r.title || '(untitled)'}</h1>
  ${r.byline ? html`<p class="byline">${r.byline}</p>` : ''}
  ${r.description && !repeatsLead(r.description, r.text) ? html`<p class="muted">${r.description}</p>` : ''}
  ${facts(r)}
</header>
<div class="record-layout">
  <div class="card">
    ${legend(marks)}
    <div class="article-text" dir="auto" ${langAttr(r.language)}>${r.text.trim() ? highlightedText(r.text, marks) : html`<p class="muted">(no text)</p>`}</div>
  </div>
  ${entityList(r, marks, opts.canCorrect)}
</div>
</article>`;
  return layout({ title: r.title || 'Record', active: 'records', queues: opts.queues, forms: opts.canCorrect }, body);
}
