// HTML built safely by default: every value interpolated into `html\`...\`` is escaped unless it is
// already SafeHtml (the output of another `html` template or of `raw`). The review page shows text
// from hostile pages, so nothing reaches the markup without passing through `escapeHtml`.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/** Tagged template: literal parts are trusted markup, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Markup we built ourselves and trust as is. Never pass user data here. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A URL that may become an href: absolute http(s) only. `javascript:`, `data:`, `vbscript:` and
 * anything unparsable return null, and the caller shows the text without a link.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/** A link when the URL is safe, else the URL as plain text. */
export function externalLink(url: string | null | undefined, label?: string): SafeHtml {
  const href = safeHref(url);
  const text = label ?? url ?? '';
  if (!href) return html`<span class="unsafe-url" title="not an http(s) link">${text}</span>`;
  return html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>`;
}

/** The flag emoji for an ISO 3166-1 alpha-2 code (regional indicator pair), '' for anything else. */
export function flagEmoji(code: string | null | undefined): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** A query string from parameters; empty values are dropped, arrays repeat the key. */
export function queryString(params: Record<string, string | number | string[] | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value) sp.append(key, v);
    else sp.append(key, String(value));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
