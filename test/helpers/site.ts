// The fixture news site (fixtures/site) on a FixtureServer: the feed's {{ORIGIN}} placeholders are
// filled in with the server's address, with a fixed ETag/Last-Modified so conditional GET works.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_ROOT, type FixtureServer } from './fixture-server.js';

export const SITE_ARTICLES = ['harbour-bridge-reopens.html', 'orchard-cooperative-harvest.html', 'library-night-opening.html'];

export function serveSiteFeed(server: FixtureServer, path = '/site/feed.xml'): string {
  const xml = readFileSync(join(FIXTURES_ROOT, 'site/feed.xml'), 'utf8').replaceAll('{{ORIGIN}}', server.origin);
  server.route(path, {
    body: xml,
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    etag: '"site-feed-v1"',
    lastModified: 'Tue, 02 Jul 2024 10:00:00 GMT',
  });
  return server.url(path);
}

export function articleUrl(server: FixtureServer, name: string): string {
  return server.url(`/site/articles/${name}`);
}

/** A small, distinct news page for scripted routes (each title gives different text). */
export function articlePage(title: string, town = 'Eastgate'): string {
  const paras = [
    `${town} residents were told on Tuesday that ${title.toLowerCase()}, according to a statement from the town hall.`,
    `Council spokesperson Helena Varga said the decision about "${title}" followed several months of consultation with local businesses and community groups.`,
    `Critics argued that the plan had been rushed, while supporters said it would help families across ${town} and the surrounding villages.`,
    `A public meeting on ${title.toLowerCase()} is planned for next month at the community centre on Mill Street.`,
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2024-04-02T09:00:00Z"></head>
<body><header><a href="/">The ${town} Gazette</a></header><article><h1>${title}</h1>
${paras.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>© The ${town} Gazette</footer></body></html>`;
}
