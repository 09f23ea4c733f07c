// `/`: the record list with a search form, entity facets, active filter chips and pagination.
import type { EntityCount, EntityType, StoredRecord } from '../../store/types.js';
import type { Facets } from '../facets.js';
import { flagEmoji, html, queryString, type SafeHtml } from '../html.js';
import { ENTITY_TYPES, type RecordsQuery } from '../params.js';
import { TYPE_LABELS, formatDate, hostOf, layout } from './layout.js';

export interface ListPageData {
  query: RecordsQuery;
  records: StoredRecord[];
  total: number;
  facets: Facets | null;
  queues: boolean;
  /** A message about bad parameters (shown above an empty list). */
  error?: string;
}

type QueryState = Omit<RecordsQuery, 'limit' | 'offset'> & { limit?: number; offset?: number };

/** The list URL for a query; offset and the default page size are left out when they add nothing. */
export function listUrl(q: QueryState, defaultLimit = 25): string {
  return (
    '/' +
    queryString({
      q: q.q,
      entity: q.entity,
      entityId: q.entityId,
      type: q.type,
      country: q.country,
      source: q.source,
      since: q.since,
      until: q.until,
      limit: q.limit && q.limit !== defaultLimit ? q.limit : undefined,
      offset: q.offset ? q.offset : undefined,
    })
  );
}

function without<T>(values: T[] | undefined, v: T): T[] | undefined {
  const rest = (values ?? []).filter((x) => x !== v);
  return rest.length ? rest : undefined;
}

function facetLink(q: RecordsQuery, type: EntityType, e: EntityCount): { href: string; active: boolean } {
  const base = { ...q, offset: 0 };
  if (type === 'country' && e.code) {
    const active = q.country?.includes(e.code) ?? false;
    return { href: listUrl({ ...base, country: active ? without(q.country, e.code) : [...(q.country ?? []), e.code] }), active };
  }
  const active = q.entity?.some((x) => x.toLowerCase() === e.name.toLowerCase()) ?? false;
  return {
    href: listUrl({
      ...base,
      entity: active ? q.entity!.filter((x) => x.toLowerCase() !== e.name.toLowerCase()) : [...(q.entity ?? []), e.name],
    }),
    active,
  };
}

function facetsPanel(q: RecordsQuery, facets: Facets | null): SafeHtml {
  if (!facets) return html``;
  const note =
    facets.sampled === null ? 'Across all records' : `In ${facets.capped ? `the first ${facets.sampled}` : 'the'} matching records`;
  const sections = ENTITY_TYPES.map((type) => {
    const items = facets.byType[type];
    if (!items.length) return html``;
    return html`<section class="facet facet-${type}" data-type="${type}">
  <h2><span class="swatch t-${type}"></span>${TYPE_LABELS[type].many}</h2>
  <ul>${items.map((e) => {
    const { href, active } = facetLink(q, type, e);
    const label =
      type === 'country'
        ? html`<span class="flag">${flagEmoji(e.code)}</span>${e.name}<span class="code">${e.code ?? ''}</span>`
        : html`${e.name}`;
    return html`<li class="${active ? 'active' : ''}"><a href="${href}" data-facet="${type}" data-value="${type === 'country' ? (e.code ?? e.name) : e.name}" title="${active ? 'remove this filter' : 'show only records with this entity'}">${label}</a><span class="count" title="${e.articles} records, ${e.mentions} mentions">${e.articles}</span>${e.id ? html` <a class="entity-link" href="/entities/${encodeURIComponent(e.id)}" title="the entity's page" data-entity-id="${e.id}">↗</a>` : ''}</li>`;
  })}</ul>
</section>`;
  });
  return html`<aside class="facets card"><p class="facet-note">${note}</p>${sections}</aside>`;
}

/** The search form; filters beyond the first entity/country (added from facets) ride along hidden. */
function searchForm(q: RecordsQuery): SafeHtml {
  const typeOptions = ENTITY_TYPES.map(
    (t) => html`<option value="${t}" ${q.type === t ? html`selected` : ''}>${TYPE_LABELS[t].one}</option>`,
  );
  return html`<form class="search card" method="get" action="/" role="search">
  <label class="q">Search title and text<input type="search" name="q" value="${q.q ?? ''}" placeholder='words, "a phrase", a OR b, -excluded'></label>
  <button type="submit">Search</button>
  <label>Entity<input type="text" name="entity" value="${q.entity?.[0] ?? ''}" placeholder="name or alias"></label>
  <label>Entity type<select name="type"><option value="">any</option>${typeOptions}</select></label>
  <label>Country code<input type="text" name="country" value="${q.country?.[0] ?? ''}" placeholder="NE" maxlength="2"></label>
  <label>Source<input type="text" name="source" value="${q.source ?? ''}" placeholder="example.com"></label>
  <label>Since<input type="text" name="since" value="${q.since ?? ''}" placeholder="2023-09"></label>
  <label>Until<input type="text" name="until" value="${q.until ?? ''}" placeholder="2023-12-31"></label>
  ${(q.entity ?? []).slice(1).map((e) => html`<input type="hidden" name="entity" value="${e}">`)}
  ${(q.country ?? []).slice(1).map((c) => html`<input type="hidden" name="country" value="${c}">`)}
  ${(q.entityId ?? []).map((id) => html`<input type="hidden" name="entityId" value="${id}">`)}
  ${q.limit !== 25 ? html`<input type="hidden" name="limit" value="${q.limit}">` : ''}
</form>`;
}

function activeFilters(q: RecordsQuery): SafeHtml {
  const chips: SafeHtml[] = [];
  const base = { ...q, offset: 0 };
  const chip = (label: SafeHtml | string, href: string) =>
    html`<span class="chip">${label}<a class="remove" href="${href}" title="remove this filter" aria-label="remove filter">×</a></span>`;
  if (q.q) chips.push(chip(html`text: “${q.q}”`, listUrl({ ...base, q: undefined })));
  for (const e of q.entity ?? []) chips.push(chip(html`entity: ${e}`, listUrl({ ...base, entity: without(q.entity, e) })));
  for (const id of q.entityId ?? [])
    chips.push(
      chip(html`entity: <a href="/entities/${encodeURIComponent(id)}">${id}</a>`, listUrl({ ...base, entityId: without(q.entityId, id) })),
    );
  if (q.type) chips.push(chip(html`type: ${TYPE_LABELS[q.type].one}`, listUrl({ ...base, type: undefined })));
  for (const c of q.country ?? [])
    chips.push(chip(html`<span class="flag">${flagEmoji(c)}</span>country: ${c}`, listUrl({ ...base, country: without(q.country, c) })));
  if (q.source) chips.push(chip(html`source: ${q.source}`, listUrl({ ...base, source: undefined })));
  if (q.since) chips.push(chip(html`since ${q.since}`, listUrl({ ...base, since: undefined })));
  if (q.until) chips.push(chip(html`until ${q.until}`, listUrl({ ...base, until: undefined })));
  if (!chips.length) return html``;
  return html`<div class="chips active-filters">${chips}<a href="/" class="chip">clear all</a></div>`;
}

/** An entity chip: a link to the entity's page when the record carries its id. */
function chipOf(type: EntityType, id: string | undefined, label: SafeHtml): SafeHtml {
  return id
    ? html`<a class="chip t-${type}" data-type="${type}" data-entity-id="${id}" href="/entities/${encodeURIComponent(id)}">${label}</a>`
    : html`<span class="chip t-${type}" data-type="${type}">${label}</span>`;
}

function entityChips(r: StoredRecord): SafeHtml {
  const e = r.entities;
  const chips = [
    ...e.countries.slice(0, 4).map((c) => chipOf('country', c.id, html`<span class="flag">${flagEmoji(c.code)}</span>${c.name}`)),
    ...e.people.slice(0, 3).map((p) => chipOf('person', p.id, html`${p.name}`)),
    ...e.organizations.slice(0, 3).map((o) => chipOf('organization', o.id, html`${o.name}`)),
    ...e.places.slice(0, 2).map((p) => chipOf('place', p.id, html`${p.name}`)),
  ];
  return chips.length ? html`<div class="chips">${chips}</div>` : html``;
}

function snippet(text: string, max = 260): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)) + '…';
}

function recordItem(r: StoredRecord): SafeHtml {
  const site = r.siteName ?? hostOf(r.canonicalUrl ?? r.url);
  return html`<li class="record-item" data-id="${r.id}">
  <a class="title" href="/records/${encodeURIComponent(r.id)}">${r.title || '(untitled)'}</a>
  <div class="meta-line">${site ? html`<span class="site">${site}</span>` : ''}${r.publishedAt ? html`<span class="date">${formatDate(r.publishedAt)}</span>` : ''}${r.byline ? html`<span class="byline">${r.byline}</span>` : ''}${r.syndicatedFrom ? html`<span>syndicated copy</span>` : ''}</div>
  <p class="snippet">${snippet(r.text)}</p>
  ${entityChips(r)}
</li>`;
}

function pager(q: RecordsQuery, total: number): SafeHtml {
  if (total <= q.limit && q.offset === 0) return html``;
  const page = Math.floor(q.offset / q.limit) + 1;
  const pages = Math.max(1, Math.ceil(total / q.limit));
  const prev =
    q.offset > 0
      ? html`<a rel="prev" href="${listUrl({ ...q, offset: Math.max(0, q.offset - q.limit) })}">← Previous</a>`
      : html`<span class="disabled">← Previous</span>`;
  const next =
    q.offset + q.limit < total
      ? html`<a rel="next" href="${listUrl({ ...q, offset: q.offset + q.limit })}">Next →</a>`
      : html`<span class="disabled">Next →</span>`;
  return html`<nav class="pager" aria-label="pages">${prev}<span class="muted">Page ${page} of ${pages}</span>${next}</nav>`;
}

export function listPage(d: ListPageData): string {
  const { query: q, records, total } = d;
  const first = total ? q.offset + 1 : 0;
  const last = Math.min(q.offset + records.length, total);
  const body = html`<div class="layout">
${facetsPanel(q, d.facets)}
<section class="results">
${searchForm(q)}
${d.error ? html`<div class="error-box" role="alert">${d.error}</div>` : ''}
${activeFilters(q)}
<p class="summary" data-total="${total}">${total === 0 ? 'No records match.' : `${first}–${last} of ${total} record${total === 1 ? '' : 's'}`}</p>
<ol class="records">${records.map(recordItem)}</ol>
${pager(q, total)}
</section>
</div>`;
  return layout({ title: 'Records', active: 'records', queues: d.queues }, body);
}
