import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractMetadata, normalizeLanguage, uninvertName } from '../../src/clean/metadata/index.js';
import { cleanByline, creditedOrganisation, splitAuthors } from '../../src/clean/metadata/byline.js';
import { cleanTitle } from '../../src/clean/metadata/title.js';
import { siteLabel } from '../../src/clean/metadata/site.js';
import { dateFromText, dateFromUrl, normalizeDate } from '../../src/clean/metadata/dates.js';
import { parseJsonLdText } from '../../src/clean/metadata/jsonld.js';

const page = (head: string, body = '', htmlAttrs = '') =>
  cheerio.load(`<!doctype html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`);
const meta = (head: string, body = '', url: string | null = 'https://news.example.com/world/story', htmlAttrs = '') =>
  extractMetadata(page(head, body, htmlAttrs), url);
const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

describe('vocabularies', () => {
  it.each([
    [
      'Dublin Core',
      '<meta name="DC.title" content="Glacier lake drained overnight"><meta name="DC.creator" content="Maja Lindqvist"><meta name="DC.date.issued" content="2024-11-05">',
    ],
    [
      'DCMI terms',
      '<meta name="dcterms.title" content="Glacier lake drained overnight"><meta name="dcterms.creator" content="Maja Lindqvist"><meta name="dcterms.issued" content="2024-11-05">',
    ],
    [
      'Parse.ly',
      '<meta name="parsely-title" content="Glacier lake drained overnight"><meta name="parsely-author" content="Maja Lindqvist"><meta name="parsely-pub-date" content="2024-11-05">',
    ],
  ])('reads title, author and date from %s alone', (_, head) => {
    const m = meta(`<title>Science | Northfield Review</title>${head}`, '<h1>Science</h1><p>Text.</p>');
    expect([m.title, m.byline, m.publishedAt]).toEqual(['Glacier lake drained overnight', 'Maja Lindqvist', '2024-11-05']);
  });

  it('turns a catalogue-style Dublin Core creator around ("Lindqvist, Maja"), and only there', () => {
    expect(meta('<meta name="DC.creator" content="Lindqvist, Maja">').byline).toBe('Maja Lindqvist');
    expect(uninvertName('Ng, Lisa and Ortiz, Ben')).toBe('Ng, Lisa and Ortiz, Ben');
    expect(uninvertName('Maja Lindqvist, Science Editor')).toBe('Maja Lindqvist, Science Editor');
    expect(meta('<meta name="author" content="Jane Dore, Reporter">').byline).toBe('Jane Dore');
  });

  it('reads article:author and <meta name="author"> names, a rel=author link, and skips profile URLs', () => {
    expect(
      meta('<meta property="article:author" content="https://social.example/jd"><meta name="author" content="Jane Dore">').byline,
    ).toBe('Jane Dore');
    expect(meta('<meta property="article:author" content="Jane Dore">').byline).toBe('Jane Dore');
    expect(meta('', '<h1>Ferry fares</h1><p>By <a rel="author" href="/staff/jd">Jane Dore</a></p>').byline).toBe('Jane Dore');
  });
});

describe('title', () => {
  it('keeps the <title> when the site name is all the page offers, and never a gallery heading', () => {
    const url = 'https://www.harborledger.example/story.asp?id=12';
    expect(meta('<title>harborledger.example</title>', '<h3>Also today</h3><p>Text.</p>', url).title).toBe('harborledger.example');
    expect(
      meta('<title>News | Harbor Ledger</title><meta property="og:site_name" content="Harbor Ledger">', '<p>Text.</p>', url).title,
    ).toBe('News | Harbor Ledger');
    expect(meta('', '<h1>Photo Gallery</h1><p>Text.</p>', url).title).toBeNull();
  });

  it('prefers the JSON-LD headline over og:title and <title>', () => {
    const m = meta(
      ld({ '@type': 'NewsArticle', headline: 'Dam opens after decade of delays' }) +
        '<meta property="og:title" content="Dam opens | Example"><title>Dam | Example</title>',
    );
    expect(m.title).toBe('Dam opens after decade of delays');
  });

  it('finds the article node inside @graph and arrays', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example Gazette' },
        { '@type': ['ReportageNewsArticle'], headline: 'Floodwaters recede in the delta', datePublished: '2023-04-02T06:30:00+01:00' },
      ],
    };
    const m = meta(ld([graph]));
    expect(m.title).toBe('Floodwaters recede in the delta');
    expect(m.publishedAt).toBe('2023-04-02T06:30:00+01:00');
    expect(m.siteName).toBe('Example Gazette');
  });

  it('strips a site-name suffix from <title>', () => {
    expect(
      meta('<title>Ferry strike called off | The Harbour Times</title><meta property="og:site_name" content="The Harbour Times">').title,
    ).toBe('Ferry strike called off');
    expect(meta('<title>Ferry strike called off - Example News</title>', '', 'https://example-news.org/a').title).toBe(
      'Ferry strike called off',
    );
  });

  it('uses the <h1> to decide which part of the <title> is the headline', () => {
    const m = meta(
      '<title>Coastal Report – Ferry strike called off after late-night talks</title>',
      '<h1>Ferry strike called off after late-night talks</h1>',
    );
    expect(m.title).toBe('Ferry strike called off after late-night talks');
  });

  it.each([
    [
      'a breadcrumb trail: the last step',
      'Harbor TV > News > Local News > Story > Bridge reopens after a week of repairs',
      ['harbortv.example'],
    ],
    [
      'a tail that spells the site address',
      'Bridge reopens after repairs - Ferry News, Timetables and Fares from Harbor-Ferries.com',
      ['harbor-ferries.com'],
    ],
    ['a site address at the head of a trail', 'Harborview.com / Home / Local - Bridge reopens after a week of repairs', ['harborview.com']],
    [
      'a station tagline before a pipe',
      'Harborview News, Weather, Traffic and Sports - WHVW 9 | Bridge reopens after a week of repairs',
      [],
    ],
    ['a section glued on with a dash', 'Local- Bridge reopens after a week of repairs', []],
  ])('cuts %s', (_, raw, siteNames) => {
    expect(cleanTitle(raw, { siteNames }).title).toMatch(/^Bridge reopens after (a week of )?repairs$/);
  });

  it('keeps a headline that a trail or a pipe only resembles', () => {
    expect(cleanTitle('Bridge reopens » Local » The Harborview Daily Courier').title).not.toBe('The Harborview Daily Courier');
    expect(cleanTitle('Prices > wages > savings: how the squeeze works', { siteNames: [] }).title).toBe(
      'Prices > wages > savings: how the squeeze works',
    );
    expect(cleanTitle('Anti-war march draws thousands').title).toBe('Anti-war march draws thousands');
  });

  it('keeps a dash that belongs to the headline', () => {
    expect(cleanTitle('Rates rise again - and borrowers feel it').title).toBe('Rates rise again - and borrowers feel it');
  });

  it('weighs the candidates by agreement: an <h1> rewrite loses to og:title and <title> that agree', () => {
    const rewrite = meta(
      '<meta property="og:title" content="Eastside beats Westfield in overtime thriller"><title>Eastside beats Westfield in overtime thriller | Valley Courier</title>',
      '<article><h1>Overtime thriller: Eastside edge past their rivals</h1></article>',
    );
    expect(rewrite.title).toBe('Eastside beats Westfield in overtime thriller');
    // The <h1> and <title> agree: a lone og:title that says something else is outvoted.
    const agreed = meta(
      '<meta property="og:title" content="Click here: the match everyone is talking about"><title>High School Roundup: Eastside beats Westfield - Valley Courier</title>',
      '<article><h1>High School Roundup: Eastside beats Westfield</h1></article>',
    );
    expect(agreed.title).toBe('High School Roundup: Eastside beats Westfield');
  });

  it('never takes a section heading or a side box heading for the title', () => {
    const section = meta(
      '<title>Ferry strike called off after late-night talks - Harbour Times</title>',
      '<h1>News</h1><div class="story"><p>Text.</p></div>',
    );
    expect(section.title).toBe('Ferry strike called off after late-night talks');
    const side = meta(
      '',
      '<div class="box"><h1>Most Popular</h1><ul><li>a</li></ul></div><h2 class="entry-title">Ferry strike called off</h2>',
    );
    expect(side.title).not.toBe('Most Popular');
  });

  it('skips an og:title that is only the site name', () => {
    const m = meta(
      '<meta property="og:title" content="Valley Courier"><meta property="og:site_name" content="Valley Courier"><title>Library reopens after flood repairs | Valley Courier</title>',
    );
    expect(m.title).toBe('Library reopens after flood repairs');
  });

  it('leaves out a badge inside the <h1>', () => {
    const m = meta(
      '<meta property="og:title" content="Mayor resigns over contracts inquiry">',
      '<article><h1>Mayor resigns over contracts inquiry <span class="badge">Exclusive</span></h1></article>',
    );
    expect(m.title).toBe('Mayor resigns over contracts inquiry');
  });

  it('does not take a site-name <h1> as the title', () => {
    const m = meta(
      '<meta property="og:title" content="Library reopens after flood repairs"><meta property="og:site_name" content="Valley Courier">',
      '<h1>Valley Courier</h1>',
    );
    expect(m.title).toBe('Library reopens after flood repairs');
  });
});

describe('publication date', () => {
  it('never uses dateModified', () => {
    const m = meta(
      ld({ '@type': 'NewsArticle', headline: 'x', dateModified: '2023-09-18T12:00:00Z' }) +
        '<meta property="article:modified_time" content="2023-09-18T12:00:00Z">',
    );
    expect(m.publishedAt).toBeNull();
    expect(m.modifiedAt).toBe('2023-09-18T12:00:00Z');
  });

  it('reads article:published_time, keeping the offset', () => {
    expect(meta('<meta property="article:published_time" content="2023-09-17T10:02:00+0200">').publishedAt).toBe(
      '2023-09-17T10:02:00+02:00',
    );
  });

  it('reads itemprop=datePublished and DC meta', () => {
    expect(meta('<meta itemprop="datePublished" content="2022-11-03">').publishedAt).toBe('2022-11-03');
    expect(meta('<meta name="DC.date.issued" content="2021-05-06T08:00:00Z">').publishedAt).toBe('2021-05-06T08:00:00Z');
  });

  it('takes <time pubdate> / the article header <time>, skipping an "Updated" one', () => {
    const body =
      '<article><header><p>Updated <time datetime="2023-03-02T09:00:00Z">2 March</time></p><p>Published <time datetime="2023-03-01T18:00:00Z">1 March</time></p></header><p>Text.</p></article>';
    expect(meta('', body).publishedAt).toBe('2023-03-01T18:00:00Z');
  });

  it('falls back to the URL, then to a dateline near the title', () => {
    expect(meta('', '<h1>Bridge closes</h1>', 'https://example.com/news/2023/09/17/bridge-closes/').publishedAt).toBe('2023-09-17');
    expect(
      meta('', '<h1>Bridge closes</h1><div class="article-date">Sunday 17 September 2023, 10:02</div>', 'https://example.com/news/bridge')
        .publishedAt,
    ).toBe('2023-09-17');
  });

  it('prefers the URL date over a <time> in a sidebar list', () => {
    const body =
      '<h1>Harbour wall repaired</h1><p>Text.</p><aside><ul><li><a href="/x">Older story</a> <time datetime="2021-02-03">3 Feb</time></li></ul></aside>';
    expect(meta('', body, 'https://example.com/2023/09/17/harbour-wall').publishedAt).toBe('2023-09-17');
  });

  it('reads a date written in the header line under the <h1>, before generic date elements', () => {
    const body =
      '<aside><span class="date">1 January 2020</span></aside><header><h1>Pool reopens</h1><div>Written by <a href="/team">Rosa Klein</a> on November 14, 2019</div></header>';
    const m = meta('', body);
    expect(m.publishedAt).toBe('2019-11-14');
    expect(m.byline).toBe('Rosa Klein');
  });

  it('normalises date strings', () => {
    expect(normalizeDate('2023-09-17')).toBe('2023-09-17');
    expect(normalizeDate('2023-09-17T10:00:00Z')).toBe('2023-09-17T10:00:00Z');
    expect(normalizeDate('2023-09-17 10:00:00')).toBe('2023-09-17T10:00:00');
    expect(normalizeDate('Sun, 17 Sep 2023 10:00:00 GMT')).toBe('2023-09-17T10:00:00Z');
    expect(normalizeDate('September 17, 2023')).toBe('2023-09-17');
    expect(normalizeDate('2023-02-30')).toBeNull();
    expect(normalizeDate('Wed Nov 20 2019 08:00:58 GMT+0000 (Coordinated Universal Time)')).toBe('2019-11-20T08:00:58Z');
    expect(normalizeDate('Mon Nov 18 2019 22:05:46 GMT-0500 (Eastern Standard Time)')).toBe('2019-11-18T22:05:46-05:00');
    expect(normalizeDate('1694944800')).toBe('2023-09-17T10:00:00Z');
    expect(normalizeDate('2023-09-17T10:00:00.123456+02')).toBe('2023-09-17T10:00:00+02:00');
    expect(normalizeDate('not a date')).toBeNull();
    expect(dateFromUrl('https://example.com/2023/09/17/story')).toBe('2023-09-17');
    expect(dateFromUrl('https://example.com/story-20230917.html')).toBe('2023-09-17');
    expect(dateFromUrl('https://example.com/2023/09/story')).toBe('2023-09');
    expect(dateFromUrl('https://example.com/products/12345678')).toBeNull();
    expect(dateFromText('2 hours ago')).toBeNull();
    expect(dateFromText('in 2023 the council met')).toBeNull();
  });

  it('reads datelines in other languages and day.month.year numbers', () => {
    expect(dateFromText('publié le 21 novembre 2023')).toBe('2023-11-21');
    expect(dateFromText('Publicado el 17 de septiembre de 2023')).toBe('2023-09-17');
    expect(dateFromText('17. September 2023, 10:00 Uhr')).toBe('2023-09-17');
    expect(dateFromText('Aktualisiert: 05.09.2023')).toBe('2023-09-05');
    expect(dateFromText('17 сентября 2023')).toBe('2023-09-17');
  });

  it('reads the calendar date next to a relative phrase, never a day counted from nowhere', () => {
    // A relative phrase says nothing without the fetch time: it used to be counted from chrono's
    // reference day (1999-12-30 for "2 days ago").
    expect(dateFromText('Updated 2 days ago · Published September 17, 2023')).toBe('2023-09-17');
    expect(dateFromText('Today, 17 September 2023')).toBe('2023-09-17');
    expect(dateFromText('Yesterday at 10:00 (Sep 17, 2023)')).toBe('2023-09-17');
    expect(dateFromText('il y a 3 jours, le 17 septembre 2023')).toBe('2023-09-17');
    expect(dateFromText('vor 2 Tagen, 17. September 2023')).toBe('2023-09-17');
  });
});

describe('byline', () => {
  it('joins JSON-LD authors (objects, arrays, @id references), names only', () => {
    const graph = {
      '@graph': [
        {
          '@type': 'NewsArticle',
          headline: 'h',
          author: [{ '@id': '#a1' }, { '@type': 'Person', name: 'Ruth Adeyemi', url: 'https://example.com/ruth' }],
        },
        { '@type': 'Person', '@id': '#a1', name: 'Karl Lindqvist' },
      ],
    };
    expect(meta(ld(graph)).byline).toBe('Karl Lindqvist and Ruth Adeyemi');
  });

  it('skips an article:author that is a URL and uses meta author', () => {
    expect(
      meta('<meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="Maria Santos">').byline,
    ).toBe('Maria Santos');
  });

  it('reads microdata authors, including <meta itemprop="name">', () => {
    expect(
      meta('', '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="Ines Duarte"></div>')
        .byline,
    ).toBe('Ines Duarte');
  });

  it('reads rel=author and .byline from the DOM', () => {
    expect(meta('', '<div class="byline">By <a rel="author" href="/p/jd">Jonas Berg</a></div>').byline).toBe('Jonas Berg');
    expect(meta('', '<p class="byline">By Ana Lima and Tom Reid | Updated 3 hours ago</p>').byline).toBe('Ana Lima and Tom Reid');
  });

  it.each([
    ['By Jane Doe and John Roe | Updated 17 Sep 2023, 10:02', 'Jane Doe and John Roe'],
    ['Jeff PalmerMonday, November 18, 2019', 'Jeff Palmer'],
    ['By, Lisa Ng, Ben Ortiz and Carla Ruiz', 'Lisa Ng, Ben Ortiz and Carla Ruiz'],
    ['By Maria Garcia, Senior Correspondent', 'Maria Garcia'],
    ['Dana Whitfield, MS, RDN', 'Dana Whitfield'],
    ['Tom Hale Associated Press', 'Tom Hale'],
    ['Reuters', 'Reuters'],
    ['By Ana Swanson Nov. 18, 2019', 'Ana Swanson'],
    ['Jane Doe Senior Political Reporter', 'Jane Doe'],
    ['By Jane Doe and John Roe, Reuters', 'Jane Doe and John Roe'],
    ['About the author: Jane Doe is a senior reporter covering city hall.', 'Jane Doe'],
    ['Jane Doe (@jdoe)', 'Jane Doe'],
    ['Jane Doe Politics', 'Jane Doe'],
    ['By Rosa Delgado Metro Reporter (@rdelgado) Metro', 'Rosa Delgado'],
    ['Jane Doe17 Sep 2023', 'Jane Doe'],
    ['By JANE ROE     Associated Press Writer', 'JANE ROE'],
    ['By TOMAS BERG Harbor Daily Record/Sunday Edition', 'TOMAS BERG'],
    ['Tom Hale PA SportsTicker', 'Tom Hale'],
    ['By Ines Duval, The Canadian Press', 'Ines Duval'],
    ['By ANA LIMA and PAULO REIS', 'ANA LIMA and PAULO REIS'],
  ])('cleans %j', (raw, want) => {
    expect(cleanByline(raw)).toBe(want);
  });

  it.each(['Staff', 'admin', 'jane@example.com', 'Click here to read the full story about the election.'])('refuses %j', (raw) => {
    expect(cleanByline(raw)).toBeNull();
  });

  it('splits a byline into the people it names, agencies left out, capitals folded', () => {
    expect(splitAuthors('Lisa Ng, Ben Ortiz and Carla Ruiz')).toEqual(['Lisa Ng', 'Ben Ortiz', 'Carla Ruiz']);
    expect(splitAuthors('Tom Hale and Associated Press')).toEqual(['Tom Hale']);
    expect(splitAuthors('MARTA QUINLAN')).toEqual(['Marta Quinlan']);
    expect(splitAuthors(null)).toEqual([]);
  });

  it.each([
    ['Bruce Y. Lee', ['Bruce Y. Lee']],
    ['Ana Lima y Pablo Ruiz', ['Ana Lima', 'Pablo Ruiz']],
    ['Tomas Berg (AP)', ['Tomas Berg']],
    ['Nora Pike (Example Wire Service)', ['Nora Pike']],
    ['Ivo Marsh in Perth', ['Ivo Marsh']],
    ['Kurt Olsen and Photo: Stock Images/ Dana Roe', ['Kurt Olsen']],
    ['CP', []],
    ['KXYZ - Riverton', []],
    ['Harbor Sports Network', []],
  ])('authors of %j are people only', (byline, want) => {
    expect(splitAuthors(byline)).toEqual(want);
  });

  it('reads author classes Readability reads (authorCredit, site_author), not recent-post lists', () => {
    expect(meta('', '<h1>Heat wave</h1><p class="authorCredit">Lena Fisk</p><p>Text.</p>').byline).toBe('Lena Fisk');
    expect(meta('', '<div class="site_author">&nbsp;<a href="mailto:x@example.com">Omar  Haddad</a></div>').byline).toBe('Omar Haddad');
    const recent = `<h1>Notebook</h1><p>Text.</p><table><tr><td><a href="/p1">Older post</a> <span class="MoreRecentPostsAuthor">by Ann Lee</span></td></tr>
      <tr><td><a href="/p2">Another</a> <span class="MoreRecentPostsAuthor">by Bo Chan</span></td></tr></table>`;
    expect(meta('', recent).byline).toBeNull();
  });

  it('does not read a page-wide class on <body> as a side box', () => {
    const html = `<html><body class="layout sidebar-left"><main><h1>Tide tables</h1>
      <span class="entry-author" itemprop="author"><span itemprop="name">Carla Reyes</span></span><p>Text.</p></main></body></html>`;
    expect(extractMetadata(cheerio.load(html), null).byline).toBe('Carla Reyes');
  });

  it('reads a "By …" dateline element, and the names of one byline only, not a column of teasers', () => {
    expect(meta('', '<b class="Dateline">By Rui Costa, Associate Hockey Editor -- </b>(Example Sports) - Text.').byline).toBe('Rui Costa');
    const column = `<h1>Budget</h1><p>Text.</p><div id="tertiary"><div class="item"><h3>Ports</h3><p class="author">Ida Marsh</p></div>
      <div class="item"><h3>Rail</h3><p class="author">Tom Quay</p></div></div>`;
    expect(meta('', column).byline).toBeNull();
    const two =
      '<h1>Budget</h1><div class="byline-row"><span class="author">Ida Marsh</span> and <span class="author">Tom Quay</span></div>';
    expect(meta('', two).byline).toBe('Ida Marsh and Tom Quay');
  });

  it('reads camel-case byline classes of older templates', () => {
    expect(meta('', '<div class="articleByline">By Tom Ashdown, Staff Writer</div>').byline).toBe('Tom Ashdown');
    expect(meta('', '<span class="NewsStoriesByLine">By Ada Perrin and Lou Marsh</span>').byline).toBe('Ada Perrin and Lou Marsh');
  });

  it('takes the byline inside the article over a teaser byline elsewhere on the page', () => {
    const body = `<aside><div class="promo"><p class="byline">By <a rel="author" href="/a">Gus Whitlock</a></p></div></aside>
      <article><h1>Crosswalks</h1><p class="byline">By <a rel="author" href="/b">Rosa Delgado</a></p><p>Text.</p></article>`;
    expect(meta('', body).byline).toBe('Rosa Delgado');
    const quoted =
      '<article><blockquote><p>Quote.</p><span class="author">Harriet Quill</span></blockquote><p class="byline">By Rosa Delgado</p></article>';
    expect(meta('', quoted).byline).toBe('Rosa Delgado');
  });

  it('keeps a credit to the publication or an agency as the byline, with no authors, only when no person is named', () => {
    const site = '<meta property="og:site_name" content="Harbor Ledger">';
    const org = ld({ '@type': 'NewsArticle', headline: 'Ferry fares', author: { '@type': 'Organization', name: 'Harbor Ledger' } });
    const credited = meta(site + org, '<h1>Ferry fares</h1><p>Text.</p>');
    expect([credited.byline, credited.authors]).toEqual(['Harbor Ledger', []]);
    const withPerson = meta(site + org, '<h1>Ferry fares</h1><p class="byline">By Rosa Delgado</p><p>Text.</p>');
    expect([withPerson.byline, withPerson.authors]).toEqual(['Rosa Delgado', ['Rosa Delgado']]);
    expect(creditedOrganisation('By the Associated Press')).toBe('the Associated Press');
    expect(creditedOrganisation('Beachside', ['beachsideondemand.example'])).toBe('Beachside');
    expect(creditedOrganisation('Newsroom', ['Harbor Ledger'])).toBeNull();
    expect(creditedOrganisation('Gus Whitlock', ['Harbor Ledger'])).toBeNull();
  });

  it('compares site names by one label: no www. or m., no top-level domain, no leading "the"', () => {
    expect(siteLabel('www.example-rugby.co.za')).toBe('examplerugby');
    expect(siteLabel('m.harbor-ledger.news')).toBe('harborledger');
    expect(siteLabel('harbor-ledger.info')).toBe('harborledger');
    expect(siteLabel('The Harbor Ledger')).toBe('harborledger');
    // The byline and the title compare under the same label: a credit of the site's address is not its name.
    expect(creditedOrganisation('Harbor Ledger', ['harborledger.info'])).toBe('Harbor Ledger');
    expect(creditedOrganisation('Harborledger.info', ['harborledger.info'])).toBeNull();
    expect(creditedOrganisation('Harborledger.com', ['harborledger.com'])).toBeNull();
  });

  it('refuses a byline that is the site name', () => {
    expect(cleanByline('Example Gazette', { siteNames: ['Example Gazette'] })).toBeNull();
    expect(cleanByline('Tom Hale, example-gazette.com', { siteNames: [] })).toBe('Tom Hale');
  });
});

describe('page templates', () => {
  it('separates adjacent spans and cuts the site name out of a DOM byline', () => {
    const head =
      '<meta property="og:site_name" content="Coastal Broadcasting">' +
      ld({ '@type': 'NewsArticle', headline: 'Floods in the delta', author: { '@type': 'Organization', name: 'Coastal Broadcasting' } });
    const body =
      '<article><h1>Floods in the delta</h1><div data-testid="byline"><span>Chidi Eze</span><span>Coastal Broadcasting, Lagos</span></div></article>';
    expect(meta(head, body).byline).toBe('Chidi Eze');
  });

  it('reads a blog template: <h3 class="post-title">, "Posted by", <abbr class="published">, the site name from the <title>', () => {
    const m = extractMetadata(
      cheerio.load(
        '<html><head><title>My Garden Notes: Tomatoes in July</title></head><body><div class="post"><h3 class="post-title">Tomatoes in July</h3><div class="post-body"><p>Tomatoes are ripening early this year.</p></div><div class="post-footer"><span class="post-author vcard">Posted by <span class="fn">Margaret Hill</span></span> <abbr class="published" title="2023-07-02T09:15:00+01:00">9:15 AM</abbr></div></div></body></html>',
      ),
      'https://mygardennotes.example/2023/07/tomatoes.html',
    );
    expect(m.title).toBe('Tomatoes in July');
    expect(m.byline).toBe('Margaret Hill');
    expect(m.publishedAt).toBe('2023-07-02T09:15:00+01:00');
    expect(m.siteName).toBe('My Garden Notes');
  });

  it('does not take an "Updated" timestamp under the headline as the publication date', () => {
    const body =
      '<h1 class="Page-headline">Senate passes bill</h1><div class="Page-authors"><span>By JANE DOE</span><span class="Timestamp">Updated 10:02 PM UTC, July 1, 2023</span></div>';
    expect(meta('', body).publishedAt).toBeNull();
  });
});

describe('site name, language, canonical URL', () => {
  it('takes og:site_name, else the publisher, else the title suffix, else the host', () => {
    expect(meta('<meta property="og:site_name" content="Valley Courier">').siteName).toBe('Valley Courier');
    expect(meta(ld({ '@type': 'NewsArticle', headline: 'h', publisher: { '@type': 'Organization', name: 'North Post' } })).siteName).toBe(
      'North Post',
    );
    expect(meta('<title>Ferry strike called off | Harbour Times</title>').siteName).toBe('Harbour Times');
    expect(meta('', '', 'https://www.example-news.co.uk/a').siteName).toBe('example-news.co.uk');
  });

  it('normalises language tags to the primary subtag', () => {
    expect(normalizeLanguage('en-US')).toBe('en');
    expect(normalizeLanguage('pt_BR')).toBe('pt');
    expect(normalizeLanguage('und')).toBeNull();
    expect(meta('', '', null, ' lang="pt-BR"').language).toBe('pt');
    expect(meta('<meta property="og:locale" content="fr_FR">').language).toBe('fr');
    expect(meta('<meta http-equiv="content-language" content="de">').language).toBe('de');
  });

  it('corrects a template lang="en" on a page clearly written in another language', () => {
    const para =
      '<p>Die Regierung hat am Montag beschlossen, dass die neue Brücke nicht vor dem Jahr 2026 fertig wird. Der Minister sagte, die Kosten seien auch für die Länder zu hoch, und die Opposition kritisierte das mit scharfen Worten.</p>';
    expect(meta('', para.repeat(6), null, ' lang="en"').language).toBe('de');
  });

  it('resolves the canonical URL against the page URL and drops the fragment', () => {
    expect(meta('<link rel="canonical" href="/world/story-1#top">', '', 'https://news.example.com/amp/world/story-1').canonicalUrl).toBe(
      'https://news.example.com/world/story-1',
    );
    expect(meta('<meta property="og:url" content="https://news.example.com/s/2">').canonicalUrl).toBe('https://news.example.com/s/2');
    expect(meta('<link rel="canonical" href="javascript:void(0)">').canonicalUrl).toBeNull();
    // A canonical link to the home page (a CMS bug) gives way to og:url.
    expect(
      meta('<link rel="canonical" href="https://news.example.com/"><meta property="og:url" content="https://news.example.com/world/story">')
        .canonicalUrl,
    ).toBe('https://news.example.com/world/story');
  });
});

describe('JSON-LD repair', () => {
  it('parses JSON-LD with comments, raw newlines and trailing commas', () => {
    expect(parseJsonLdText('<!-- {"@type":"NewsArticle","headline":"a\nb",} -->')).toEqual({ '@type': 'NewsArticle', headline: 'a b' });
    expect(parseJsonLdText('{"@type":"A"}{"@type":"B"}')).toEqual([{ '@type': 'A' }, { '@type': 'B' }]);
    expect(parseJsonLdText('{not json')).toBeNull();
  });

  it('decodes doubly escaped meta values', () => {
    expect(meta('<meta property="og:title" content="Rock &amp;amp; roll at 70">').title).toBe('Rock & roll at 70');
  });

  it('decodes HTML entities in JSON-LD values', () => {
    expect(meta(ld({ '@type': 'NewsArticle', headline: 'Rock &amp; roll at 70 &#8211; still loud' })).title).toBe(
      'Rock & roll at 70 – still loud',
    );
  });
});

describe('hostile input', () => {
  it('returns metadata (mostly empty) for a document without <body>, never throws', () => {
    const bytes = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join('');
    const $ = cheerio.load(bytes, { xml: { xmlMode: false, decodeEntities: true } });
    expect(() => extractMetadata($, null)).not.toThrow();
    expect(extractMetadata(cheerio.load('', { xml: { xmlMode: false } }), null).title).toBeNull();
  });
});
