// The page frame shared by every review page, and small pieces several pages use.
import type { EntityType } from '../../store/types.js';
import { html, type SafeHtml } from '../html.js';

export interface LayoutOptions {
  title: string;
  /** Which nav entry is current. */
  active?: 'records' | 'entities' | 'queues';
  /** Bull Board is mounted (Redis configured): show its link. */
  queues?: boolean;
  /**
   * The page holds POST forms: 'same-origin' so the browser sends its Origin with them (under
   * no-referrer it sends "Origin: null", which the token check refuses). External links stay
   * referrer-free either way (cross-origin, and rel=noreferrer).
   */
  forms?: boolean;
}

/** The Referrer-Policy of a page (the route sets the same as a header). */
export function referrerPolicy(opts: { forms?: boolean }): string {
  return opts.forms ? 'same-origin' : 'no-referrer';
}

export function layout(opts: LayoutOptions, body: SafeHtml): string {
  const nav = (href: string, label: string, key: LayoutOptions['active']) =>
    html`<a href="${href}" class="${opts.active === key ? 'active' : ''}">${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="${referrerPolicy(opts)}">
<title>${opts.title} · gleaner</title>
<link rel="stylesheet" href="/assets/gleaner.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/">gleaner</a>
  <nav>${nav('/', 'Records', 'records')}${nav('/entities', 'Entities', 'entities')}${opts.queues ? nav('/queues', 'Queues', 'queues') : ''}<a href="/api/schema">Record schema</a></nav>
</header>
<main>
${body}
</main>
</body>
</html>
`.value;
}

export const TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  country: { one: 'Country', many: 'Countries' },
  organization: { one: 'Organization', many: 'Organizations' },
  place: { one: 'Place', many: 'Places' },
  date: { one: 'Date', many: 'Dates' },
};

/** A publication date as "2023-09-17 10:00 UTC" (the raw value when it does not parse). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const iso = new Date(t).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Host of a URL without www., for the "site" column when the record has no site name. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

const ERROR_TITLES: Record<number, string> = { 401: 'Token needed', 403: 'Forbidden', 404: 'Not found' };

export function errorPage(status: number, message: string, queues = false): string {
  const title = ERROR_TITLES[status] ?? (status >= 500 ? 'Server error' : 'Bad request');
  return layout(
    { title, queues },
    html`<div class="card"><h1>${title}</h1><p>${message}</p><p><a href="/">Back to the records</a></p></div>`,
  );
}
