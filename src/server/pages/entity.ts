// `/entities/:id` and `/entities`: one entity across the corpus (names, a chart of the records that
// mention it over time, the entities seen with it, the records, newest first, with the mention in
// context) and the index with search and type filter. Server-rendered; the chart is inline SVG, so
// it reads without JavaScript (the pages' CSP forbids scripts).
import type { StoredCorrection, StoredEntity, StoredRecord } from '../../store/types.js';
import { flagEmoji, html, queryString, type SafeHtml } from '../html.js';
import { NAMED_TYPES, entityKey } from '../../extract/lexicon.js';
import { TYPE_LABELS, formatDate, hostOf, layout } from './layout.js';

export interface Bucket {
  /** First day of the period (YYYY-MM-DD). */
  start: string;
  records: number;
  mentions: number;
}

/** Days up to this span are drawn one point per day; longer spans one point per ISO week. */
export const DAILY_UP_TO_DAYS = 92;

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Monday of the week of a day. */
const weekStart = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;

/** Per-day counts → one bucket per day (or week) from the first to the last, empty periods included. */
export function timeline(days: Array<{ day: string; records: number; mentions: number }>): { unit: 'day' | 'week'; buckets: Bucket[] } {
  const valid = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day) && !Number.isNaN(dayMs(d.day)));
  if (!valid.length) return { unit: 'day', buckets: [] };
  const first = dayMs(valid[0].day);
  const last = dayMs(valid[valid.length - 1].day);
  const unit = (last - first) / DAY + 1 <= DAILY_UP_TO_DAYS ? 'day' : 'week';
  const bucketOf = unit === 'day' ? (t: number) => t : weekStart;
  const buckets = new Map<number, Bucket>();
  for (let t = bucketOf(first); t <= last; t += unit === 'day' ? DAY : 7 * DAY)
    buckets.set(t, { start: isoDay(t), records: 0, mentions: 0 });
  for (const d of valid) {
    const b = buckets.get(bucketOf(dayMs(d.day)))!;
    b.records += d.records;
    b.mentions += d.mentions;
  }
  return { unit, buckets: [...buckets.values()] };
}

/** A line chart of records per period, as SVG: axes, a polyline and one circle (with a title) per period. */
export function chartSvg(unit: 'day' | 'week', buckets: Bucket[]): SafeHtml {
  if (!buckets.length) return html`<p class="muted">No dated records.</p>`;
  const W = 640;
  const H = 180;
  const pad = { l: 36, r: 12, t: 12, b: 28 };
  const max = Math.max(1, ...buckets.map((b) => b.records));
  const x = (i: number) => pad.l + (buckets.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (buckets.length - 1));
  const y = (v: number) => H - pad.b - (v * (H - pad.t - pad.b)) / max;
  const points = buckets.map((b, i) => `${x(i).toFixed(1)},${y(b.records).toFixed(1)}`).join(' ');
  const label = unit === 'day' ? 'day' : 'week of';
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="records per ${unit}" data-unit="${unit}" data-points="${buckets.length}">
  <line class="axis" x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#888"/>
  <line class="axis" x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#888"/>
  <text x="${pad.l - 6}" y="${pad.t + 4}" text-anchor="end" font-size="11">${max}</text>
  <text x="${pad.l - 6}" y="${H - pad.b}" text-anchor="end" font-size="11">0</text>
  <text x="${pad.l}" y="${H - 8}" font-size="11">${buckets[0].start}</text>
  <text x="${W - pad.r}" y="${H - 8}" text-anchor="end" font-size="11">${buckets[buckets.length - 1].start}</text>
  <polyline points="${points}" fill="none" stroke="#2563eb" stroke-width="2"/>
  ${buckets.map(
    (b, i) =>
      html`<circle class="point" cx="${x(i).toFixed(1)}" cy="${y(b.records).toFixed(1)}" r="3" fill="#2563eb" data-period="${b.start}" data-records="${b.records}"><title>${label} ${b.start}: ${b.records} record${b.records === 1 ? '' : 's'}, ${b.mentions} mention${b.mentions === 1 ? '' : 's'}</title></circle>`,
  )}
</svg>
<figcaption class="muted">Records per ${unit} (${buckets.length} ${unit}${buckets.length === 1 ? '' : 's'}, ${buckets[0].start} – ${buckets[buckets.length - 1].start})</figcaption>
</figure>`;
}

/** The link of an entity page. */
export function entityHref(id: string): string {
  return `/entities/${encodeURIComponent(id)}`;
}

/** The first mention of the entity in the record's text, with some words either side. */
export function mentionContext(r: StoredRecord, e: StoredEntity, width = 90): SafeHtml {
  const all = [...r.entities.people, ...r.entities.countries, ...r.entities.organizations, ...r.entities.places] as Array<{
    id?: string;
    name: string;
    aliases?: string[];
    spans?: Array<[number, number]>;
  }>;
  const mine = all.find((x) => x.id === e.id);
  let span = mine?.spans?.find(([s, t]) => s >= 0 && t <= r.text.length && t > s);
  if (!span) {
    const lower = r.text.toLowerCase();
    for (const n of [mine?.name, ...(mine?.aliases ?? []), e.name, ...e.aliases]) {
      if (!n) continue;
      const at = lower.indexOf(n.toLowerCase());
      if (at >= 0) {
        span = [at, at + n.length];
        break;
      }
    }
  }
  if (!span) return html`<span class="muted">(named in the title or metadata)</span>`;
  const [s, t] = span;
  let from = Math.max(0, s - width);
  let to = Math.min(r.text.length, t + width);
  if (from > 0) from = r.text.indexOf(' ', from) + 1 || from;
  if (to < r.text.length) to = r.text.lastIndexOf(' ', to) > t ? r.text.lastIndexOf(' ', to) : to;
  const clean = (x: string) => x.replace(/\s+/g, ' ');
  return html`${from > 0 ? '…' : ''}${clean(r.text.slice(from, s))}<mark class="ent t-${e.type}">${clean(r.text.slice(s, t))}</mark>${clean(r.text.slice(t, to))}${to < r.text.length ? '…' : ''}`;
}

export interface EntityPageData {
  entity: StoredEntity;
  days: Array<{ day: string; records: number; mentions: number }>;
  coEntities: Array<{ entity: StoredEntity; records: number }>;
  records: StoredRecord[];
  total: number;
  corrections: StoredCorrection[];
  /** Correction forms are shown (a token is configured and the reviewer has it, or none is needed). */
  canCorrect: boolean;
  queues: boolean;
  notice?: string;
}

function typeOptions(current: string): SafeHtml[] {
  return NAMED_TYPES.map((t) => html`<option value="${t}" ${t === current ? html`selected` : ''}>${TYPE_LABELS[t].one}</option>`);
}

function correctionForms(e: StoredEntity): SafeHtml {
  const action = `${entityHref(e.id)}/corrections`;
  return html`<section class="card corrections-forms"><h2>Correct this entity</h2>
<form method="post" action="${action}" class="inline"><input type="hidden" name="op" value="retype">
  <label>Type <select name="to">${typeOptions(e.type)}</select></label> <button type="submit">Retype</button></form>
<form method="post" action="${action}" class="inline"><input type="hidden" name="op" value="merge">
  <label>Same entity as <input type="text" name="into" required placeholder="name or entity id"></label> <button type="submit">Merge</button></form>
<form method="post" action="${action}" class="inline"><input type="hidden" name="op" value="alias">
  <label>Also known as <input type="text" name="alias" required></label> <button type="submit">Add alias</button></form>
<form method="post" action="${action}" class="inline"><input type="hidden" name="op" value="reject">
  <button type="submit" class="danger">Not an entity (reject everywhere)</button></form>
</section>`;
}

function correctionsList(e: StoredEntity, list: StoredCorrection[], canCorrect: boolean): SafeHtml {
  if (!list.length) return html``;
  return html`<section class="card"><h2>Corrections</h2><ul class="corrections">${list.map((c) => {
    const x = c.correction as Record<string, unknown>;
    const detail = x.to ? ` → ${x.to}` : x.into ? ` → ${x.into}` : x.alias ? ` + “${x.alias}”` : '';
    return html`<li data-correction="${c.correction.id}">${c.correction.op} “${c.correction.name}”${detail}${c.correction.recordId ? html` in <a href="/records/${encodeURIComponent(c.correction.recordId)}">a record</a>` : ''}
  <span class="muted">by ${c.correction.author}, ${formatDate(c.correction.at)}</span>
  ${c.undoneAt ? html`<span class="muted">(undone by ${c.undoneBy ?? '?'}, ${formatDate(c.undoneAt)})</span>` : canCorrect ? html`<form method="post" action="${entityHref(e.id)}/corrections" class="inline"><input type="hidden" name="op" value="undo"><input type="hidden" name="correction" value="${c.correction.id}"><button type="submit">Undo</button></form>` : ''}</li>`;
  })}</ul></section>`;
}

/** Corrections that concern an entity: made under one of its names. */
export function correctionsOf(e: StoredEntity, all: StoredCorrection[]): StoredCorrection[] {
  const keys = new Set([e.name, ...e.aliases].map(entityKey));
  return all.filter((c) => {
    const x = c.correction as Record<string, unknown>;
    return [c.correction.name, x.into, x.alias].some((n) => typeof n === 'string' && keys.has(entityKey(n)));
  });
}

export function entityPage(d: EntityPageData): string {
  const e = d.entity;
  const { unit, buckets } = timeline(d.days);
  const body = html`<p><a href="/entities">← All entities</a></p>
<article class="entity" data-id="${e.id}" data-type="${e.type}">
<header class="card">
  <h1><span class="swatch t-${e.type}"></span>${e.type === 'country' ? html`<span class="flag">${flagEmoji(e.code)}</span>` : ''}${e.name}</h1>
  ${d.notice ? html`<p class="notice" role="status">${d.notice}</p>` : ''}
  <dl class="facts">
    <dt>Type</dt><dd class="entity-type">${TYPE_LABELS[e.type].one}</dd>
    ${e.aliases.length ? html`<dt>Also</dt><dd class="aliases">${e.aliases.join(', ')}</dd>` : ''}
    ${e.code ? html`<dt>Code</dt><dd>${e.code}</dd>` : ''}
    <dt>Records</dt><dd><a href="/${queryString({ entityId: e.id })}">${e.records}</a> (${e.mentions} mentions)</dd>
    <dt>Seen</dt><dd>${formatDate(e.firstSeen)} – ${formatDate(e.lastSeen)}</dd>
    <dt>Id</dt><dd><code>${e.id}</code> (<a href="/api/entities/${encodeURIComponent(e.id)}">JSON</a>)</dd>
  </dl>
</header>
<section class="card"><h2>Mentions over time</h2>${chartSvg(unit, buckets)}</section>
<div class="record-layout">
<section class="card"><h2>Records <span class="count">${d.total}</span></h2>
<ol class="mentions">${d.records.map(
    (r) => html`<li data-record="${r.id}"><a class="title" href="/records/${encodeURIComponent(r.id)}">${r.title || '(untitled)'}</a>
  <span class="muted">${formatDate(r.publishedAt)} · ${r.siteName ?? hostOf(r.canonicalUrl ?? r.url) ?? ''}</span>
  <blockquote class="context">${mentionContext(r, e)}</blockquote></li>`,
  )}</ol>
${d.total > d.records.length ? html`<p><a href="/${queryString({ entityId: e.id })}">All ${d.total} records →</a></p>` : ''}
</section>
<aside class="card co-entities"><h2>Seen with</h2>
${d.coEntities.length ? html`<ul>${d.coEntities.map((c) => html`<li data-type="${c.entity.type}"><span class="swatch t-${c.entity.type}"></span><a href="${entityHref(c.entity.id)}">${c.entity.name}</a> <span class="count" title="records with both">${c.records}</span></li>`)}</ul>` : html`<p class="muted">No other entity yet.</p>`}
</aside>
</div>
${d.canCorrect ? correctionForms(e) : ''}
${correctionsList(e, d.corrections, d.canCorrect)}
</article>`;
  return layout({ title: e.name, active: 'entities', queues: d.queues, forms: d.canCorrect }, body);
}

export function entityIndexPage(d: {
  q: string;
  type: string | undefined;
  entities: StoredEntity[];
  offset: number;
  limit: number;
  queues: boolean;
}): string {
  const url = (p: Record<string, string | number | undefined>) =>
    '/entities' + queryString({ q: d.q || undefined, type: d.type, ...p } as Record<string, string | undefined>);
  const body = html`<h1>Entities</h1>
<form method="get" action="/entities" class="search card">
  <label>Name <input type="search" name="q" value="${d.q}" placeholder="name or alias"></label>
  <label>Type <select name="type"><option value="">any</option>${NAMED_TYPES.map((t) => html`<option value="${t}" ${t === d.type ? html`selected` : ''}>${TYPE_LABELS[t].one}</option>`)}</select></label>
  <button type="submit">Search</button>
</form>
<table class="entities card"><thead><tr><th>Name</th><th>Type</th><th>Records</th><th>Mentions</th><th>Last seen</th></tr></thead><tbody>
${d.entities.map(
  (e) =>
    html`<tr data-type="${e.type}"><td><a href="${entityHref(e.id)}">${e.type === 'country' ? html`<span class="flag">${flagEmoji(e.code)}</span>` : ''}${e.name}</a>${e.aliases.length ? html` <span class="muted">(${e.aliases.slice(0, 4).join(', ')})</span>` : ''}</td><td><span class="swatch t-${e.type}"></span>${TYPE_LABELS[e.type].one}</td><td>${e.records}</td><td>${e.mentions}</td><td>${formatDate(e.lastSeen)}</td></tr>`,
)}
</tbody></table>
${d.entities.length ? '' : html`<p class="muted">No entities match.</p>`}
<nav class="pager">${d.offset > 0 ? html`<a rel="prev" href="${url({ offset: Math.max(0, d.offset - d.limit) })}">← Previous</a>` : ''} ${d.entities.length === d.limit ? html`<a rel="next" href="${url({ offset: d.offset + d.limit })}">Next →</a>` : ''}</nav>`;
  return layout({ title: 'Entities', active: 'entities', queues: d.queues }, body);
}
