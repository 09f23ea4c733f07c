// The fixture news site (fixtures/site) on a FixtureServer: the feed's {{ORIGIN}} placeholders are
// filled in with the server's address, with a fixed ETag/Last-Modified so conditional GET works.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_ROOT, type FixtureServer } from './fixture-server.js';

export const SITE_ARTICLES = ['harbour-bridge-reopens.html', 'orchard-cooperative-harvest.html', 'library-night-opening.html'];

export function serveSiteFeed(server: FixtureServer, path = '/site/feed.xml'): string {
  const xml = readFileSync(join(FIXTURES_ROOT, 'site/feed.xml'), 'utf8').replaceAll('{{ORIGIN}}', server.origin);
  server.route(path, { body: xml, headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, etag: '"site-feed-v1"', lastModified: 'Tue, 02 Jul 2024 10:00:00 GMT' });
  return server.url(path);
}

export function articleUrl(server: FixtureServer, name: string): string {
  return server.url(`/site/articles/${name}`);
}
