// Table-driven feed cases: each field written the ways real feeds write it, in every format that
// carries it. Small generated documents; the realistic whole files live in fixtures/feeds/.
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../src/errors.js';
import { looksLikeFeed, parseFeed, sniffFeedFormat } from '../../src/feed/index.js';

const NS = 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"';
const rss2 = (item: string, channel = '') =>
  `<?xml version="1.0"?><rss version="2.0" ${NS}><channel><title>T</title>${channel}<item>${item}</item></channel></rss>`;
const rss1 = (item: string) =>
  `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ${NS}><channel rdf:about="x"><title>T</title></channel><item rdf:about="urn:x:1">${item}</item></rdf:RDF>`;
const rss091 = (item: string) =>
  `<rss version="0.91"><channel><title>T</title><link>http://h.example/</link><item>${item}</item></channel></rss>`;
const atom10 = (entry: string, feed = '') =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" ${NS}><title>T</title>${feed}<entry>${entry}</entry></feed>`;
const atom03 = (entry: string) =>
  `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title><entry>${entry}</entry></feed>`;

const one = (doc: string, url?: string) => {
  const feed = parseFeed(doc, { url });
  expect(feed.items).toHaveLength(1);
  return feed.items[0]!;
};

// [content of <title> as written, plain-text title expected]
const TITLES: Array<[string, string | null]> = [
  ['Plain title', 'Plain title'],
  ['A &amp; B', 'A & B'],
  ['<![CDATA[A & B]]>', 'A & B'],
  ['<![CDATA[A &amp; B]]>', 'A & B'],
  ['&eacute;t&eacute; &agrave; Paris', 'été à Paris'],
  ['AT&amp;amp;T', 'AT&T'],
  ['&amp;eacute;clair', 'éclair'],
  ['&lt;b&gt;Bold&lt;/b&gt; move', 'Bold move'],
  ['<![CDATA[<b>Bold</b> move]]>', 'Bold move'],
  ['<![CDATA[<a href="/x">Linked</a> headline]]>', 'Linked headline'],
  ['  spaced \n\t out  ', 'spaced out'],
  ['&#8216;single&#8217; and &#8220;double&#8221;', '‘single’ and “double”'],
  ['&#x201C;hex&#x201D;', '“hex”'],
  ['5 &lt; 6 and 7 &gt; 3', '5 < 6 and 7 > 3'],
  ['It&rsquo;s &ldquo;fine&rdquo;', 'It’s “fine”'],
  ['Wait&hellip;', 'Wait…'],
  ['Caf&#233; &#169; 2023', 'Café © 2023'],
  ['&quot;Quoted&quot;', '"Quoted"'],
  ['&apos;Apos&apos;', "'Apos'"],
  ['Cost &pound;5 or &euro;6', 'Cost £5 or €6'],
  ['&nbsp;Leading space', 'Leading space'],
  ['M&amp;amp;S &amp;amp; Co', 'M&S & Co'],
  ['Em&mdash;dash &ndash; en', 'Em—dash – en'],
  ['<![CDATA[Caf&eacute;]]>', 'Café'],
  ['<![CDATA[ Part one ]]> and <![CDATA[part two]]>', 'Part one and part two'],
  ['Title &lt;br/&gt;broken', 'Title broken'],
  ['Über &#xFC;ber &uuml;ber', 'Über über über'],
  ['日本語のタイトル', '日本語のタイトル'],
  ['Emoji &#x1F680; launch', 'Emoji 🚀 launch'],
  ['<![CDATA[]]>', null],
  ['', null],
];

describe.each([
  ['RSS 2.0', (t: string) => rss2(`<title>${t}</title><link>http://h.example/1</link>`)],
  ['RSS 1.0', (t: string) => rss1(`<title>${t}</title><link>http://h.example/1</link>`)],
  ['RSS 0.91', (t: string) => rss091(`<title>${t}</title><link>http://h.example/1</link>`)],
  ['Atom 1.0 type=html', (t: string) => atom10(`<title type="html">${t}</title><id>urn:1</id>`)],
  ['Atom 0.3 escaped', (t: string) => atom03(`<title mode="escaped" type="text/html">${t}</title><id>urn:1</id>`)],
])('titles in %s', (_name, wrap) => {
  it.each(TITLES)('%j → %j', (written, expected) => {
    expect(one(wrap(written)).title).toBe(expected);
  });
});

describe('Atom text constructs', () => {
  it.each([
    ['<title>A &amp;amp; B</title>', 'A &amp; B'],
    ['<title type="text">1 &lt; 2</title>', '1 < 2'],
    ['<title type="html">&lt;em&gt;Hi&lt;/em&gt; there</title>', 'Hi there'],
    ['<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div></title>', 'An xhtml title'],
    [
      '<title type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">Prefixed <xhtml:b>xhtml</xhtml:b></xhtml:div></title>',
      'Prefixed xhtml',
    ],
    ['<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Entity &amp; more</div></title>', 'Entity & more'],
    ['<title type="html"><![CDATA[<b>CDATA</b> html]]></title>', 'CDATA html'],
  ])('%s → %j', (xml, expected) => {
    expect(one(atom10(`${xml}<id>urn:1</id>`)).title).toBe(expected);
  });
});

// [date element content, ISO expected]
const DATES: Array<[string, string | null]> = [
  ['Sun, 17 Sep 2023 10:00:00 GMT', '2023-09-17T10:00:00Z'],
  ['Sun, 17 Sep 2023 05:00:00 EST', '2023-09-17T10:00:00Z'],
  ['Sun, 17 Sep 2023 15:30 +0530', '2023-09-17T10:00:00Z'],
  ['17 Sep 23 10:00 GMT', '2023-09-17T10:00:00Z'],
  ['Tue, 17 Sep 2023 10:00:00 GMT', '2023-09-17T10:00:00Z'],
  ['2023-09-17T10:00:00Z', '2023-09-17T10:00:00Z'],
  ['2023-09-17T12:00:00+02:00', '2023-09-17T10:00:00Z'],
  ['2023-09-17 10:00:00', '2023-09-17T10:00:00Z'],
  ['2023-09-17', '2023-09-17T00:00:00Z'],
  ['2023-09', '2023-09-01T00:00:00Z'],
  ['  2023-09-17T10:00:00Z\n', '2023-09-17T10:00:00Z'],
  ['<![CDATA[Sun, 17 Sep 2023 10:00:00 GMT]]>', '2023-09-17T10:00:00Z'],
  ['garbage', null],
];

describe.each([
  ['RSS 2.0 pubDate', (d: string) => rss2(`<title>x</title><pubDate>${d}</pubDate>`)],
  ['RSS 2.0 dc:date', (d: string) => rss2(`<title>x</title><dc:date>${d}</dc:date>`)],
  ['RSS 1.0 dc:date', (d: string) => rss1(`<title>x</title><dc:date>${d}</dc:date>`)],
  ['Atom 1.0 published', (d: string) => atom10(`<title>x</title><id>urn:1</id><published>${d}</published>`)],
  ['Atom 1.0 updated', (d: string) => atom10(`<title>x</title><id>urn:1</id><updated>${d}</updated>`)],
  ['Atom 0.3 issued', (d: string) => atom03(`<title>x</title><id>urn:1</id><issued>${d}</issued>`)],
  ['Atom 0.3 modified', (d: string) => atom03(`<title>x</title><id>urn:1</id><modified>${d}</modified>`)],
])('dates in %s', (_name, wrap) => {
  it.each(DATES)('%j → %j', (written, expected) => {
    expect(one(wrap(written)).publishedAt).toBe(expected);
  });
});

describe('date precedence', () => {
  it('prefers published over updated in Atom', () => {
    expect(
      one(atom10('<id>urn:1</id><updated>2023-09-18T00:00:00Z</updated><published>2023-09-17T00:00:00Z</published>')).publishedAt,
    ).toBe('2023-09-17T00:00:00Z');
  });
  it('falls back to dc:date when pubDate is unreadable', () => {
    expect(one(rss2('<title>x</title><pubDate>soon</pubDate><dc:date>2023-09-17</dc:date>')).publishedAt).toBe('2023-09-17T00:00:00Z');
  });
  it('prefers pubDate over dc:date', () => {
    expect(one(rss2('<title>x</title><dc:date>2023-09-18</dc:date><pubDate>Sun, 17 Sep 2023 00:00:00 GMT</pubDate>')).publishedAt).toBe(
      '2023-09-17T00:00:00Z',
    );
  });
});

// [link as written, xml:base on the item (or null), feed URL (or null), expected absolute URL]
const LINKS: Array<[string, string | null, string | null, string | null]> = [
  ['https://h.example/a', null, null, 'https://h.example/a'],
  ['/a/b', null, 'https://feeds.example/rss.xml', 'https://feeds.example/a/b'],
  ['a/b', null, 'https://feeds.example/news/rss.xml', 'https://feeds.example/news/a/b'],
  ['../up', null, 'https://feeds.example/news/rss.xml', 'https://feeds.example/up'],
  ['?p=42', null, 'https://feeds.example/news/rss.xml', 'https://feeds.example/news/rss.xml?p=42'],
  ['//cdn.example/x', null, 'https://feeds.example/rss.xml', 'https://cdn.example/x'],
  ['a/b', 'https://base.example/dir/', null, 'https://base.example/dir/a/b'],
  ['a/b', 'https://base.example/dir/', 'https://feeds.example/rss.xml', 'https://base.example/dir/a/b'],
  ['a/b', 'sub/', 'https://feeds.example/news/rss.xml', 'https://feeds.example/news/sub/a/b'],
  ['/root', 'https://base.example/dir/', null, 'https://base.example/root'],
  ['https://abs.example/z', 'https://base.example/dir/', null, 'https://abs.example/z'],
  ['  https://h.example/trimmed  ', null, null, 'https://h.example/trimmed'],
  ['https://h.example/q?a=1&amp;b=2', null, null, 'https://h.example/q?a=1&b=2'],
  ['https://h.example/q?a=1&amp;copy=2&amp;reg=3', null, null, 'https://h.example/q?a=1&copy=2&reg=3'],
];

describe('links', () => {
  it.each(LINKS)('RSS <link>%s</link> base=%s feed=%s → %s', (link, base, url, expected) => {
    const attr = base ? ` xml:base="${base}"` : '';
    const doc = `<rss version="2.0"><channel><title>T</title><item${attr}><title>x</title><link>${link}</link></item></channel></rss>`;
    expect(one(doc, url ?? undefined).url).toBe(expected);
  });
  it.each(LINKS)('Atom href=%s base=%s feed=%s → %s', (link, base, url, expected) => {
    const attr = base ? ` xml:base="${base}"` : '';
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry${attr}><id>urn:1</id><link rel="alternate" href="${link.trim()}"/></entry></feed>`;
    expect(one(doc, url ?? undefined).url).toBe(expected);
  });
  it('resolves against the channel link when there is no feed URL', () => {
    expect(one(rss2('<title>x</title><link>/story</link>', '<link>https://chan.example/home/</link>')).url).toBe(
      'https://chan.example/story',
    );
  });
  it('resolves nested xml:base on feed, entry and link', () => {
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://n.example/a/"><entry xml:base="b/"><id>urn:1</id><link xml:base="c/" href="d"/></entry></feed>`;
    expect(one(doc).url).toBe('https://n.example/a/b/c/d');
  });
  it('prefers the HTML alternate over other Atom links', () => {
    const doc = atom10(
      '<id>urn:1</id><link rel="self" href="https://h.example/self"/><link rel="alternate" type="application/json" href="https://h.example/json"/><link rel="alternate" type="text/html" href="https://h.example/html"/>',
    );
    expect(one(doc).url).toBe('https://h.example/html');
  });
  it('gives no url when an Atom entry has only non-alternate links', () => {
    expect(one(atom10('<id>urn:1</id><link rel="enclosure" href="https://h.example/a.mp3"/>')).url).toBeNull();
  });
});

// [author markup inside an RSS 2.0 item, expected]
const AUTHORS: Array<[string, string | null]> = [
  ['<author>jd@h.example (John Doe)</author>', 'John Doe'],
  ['<author>John Doe &lt;jd@h.example&gt;</author>', 'John Doe'],
  ['<author>jd@h.example</author>', 'jd@h.example'],
  ['<author>By Jane Roe</author>', 'Jane Roe'],
  ['<dc:creator>Jane Roe</dc:creator>', 'Jane Roe'],
  ['<dc:creator><![CDATA[ Jane  Roe ]]></dc:creator>', 'Jane Roe'],
  ['<dc:creator>Ana Ruiz</dc:creator><dc:creator>Lee Park</dc:creator>', 'Ana Ruiz, Lee Park'],
  ['<dc:creator>Ana Ruiz</dc:creator><dc:creator>Ana Ruiz</dc:creator>', 'Ana Ruiz'],
  ['<author><name>Nested Name</name></author>', 'Nested Name'],
  ['<author></author>', null],
  ['<author>jd@h.example</author><dc:creator>John Doe</dc:creator>', 'John Doe'],
  ['', null],
];

describe('authors', () => {
  it.each(AUTHORS)('%s → %j', (xml, expected) => {
    expect(one(rss2(`<title>x</title>${xml}`)).author).toBe(expected);
  });
  it.each([
    ['<author><name>Atom Author</name><email>a@h.example</email></author>', '', 'Atom Author'],
    ['<author><name>One</name></author><author><name>Two</name></author>', '', 'One, Two'],
    ['', '<author><name>Feed Author</name></author>', 'Feed Author'],
    ['<author><name>Entry</name></author>', '<author><name>Feed</name></author>', 'Entry'],
    ['<dc:creator>DC in Atom</dc:creator>', '', 'DC in Atom'],
    ['<source><author><name>Source Author</name></author></source>', '', 'Source Author'],
    ['', '', null],
  ])('Atom entry %s feed %s → %j', (entry, feed, expected) => {
    expect(one(atom10(`<id>urn:1</id>${entry}`, feed)).author).toBe(expected);
  });
});

// [summary markup inside an RSS 2.0 item, expected plain text]
const SUMMARIES: Array<[string, string | null]> = [
  ['<description>Plain.</description>', 'Plain.'],
  ['<description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt;.&lt;/p&gt;</description>', 'Escaped HTML.'],
  ['<description><![CDATA[<p>CDATA <i>HTML</i>.</p><p>Two.</p>]]></description>', 'CDATA HTML. Two.'],
  ['<description>Raw<br>markup <b>inline</b></description>', 'Raw markup inline'],
  ['<description>&lt;script&gt;alert(1)&lt;/script&gt;Safe text</description>', 'Safe text'],
  ['<description>&lt;img src="x.jpg"&gt;Caption</description>', 'Caption'],
  ['<description>   </description>', null],
  ['<description>Fish &amp;amp; chips</description>', 'Fish & chips'],
  ['<content:encoded><![CDATA[<p>Only content.</p>]]></content:encoded>', 'Only content.'],
  ['<description>Short.</description><content:encoded><![CDATA[<p>Long body.</p>]]></content:encoded>', 'Short.'],
];

describe('summaries', () => {
  it.each(SUMMARIES)('%s → %j', (xml, expected) => {
    expect(one(rss2(`<title>x</title>${xml}`)).summary).toBe(expected);
  });
  it('keeps content:encoded as HTML in content', () => {
    expect(one(rss2('<title>x</title><content:encoded><![CDATA[<p>Body <b>bold</b></p>]]></content:encoded>')).content).toBe(
      '<p>Body <b>bold</b></p>',
    );
  });
  it.each([
    ['<summary>Atom summary</summary>', 'Atom summary'],
    ['<summary type="html">&lt;p&gt;Atom &lt;b&gt;html&lt;/b&gt;&lt;/p&gt;</summary>', 'Atom html'],
    ['<content type="html">&lt;p&gt;From content&lt;/p&gt;</content>', 'From content'],
    ['<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X</p><p>Y</p></div></content>', 'X Y'],
    ['<content>Text content &amp; more</content>', 'Text content & more'],
  ])('Atom %s → %j', (xml, expected) => {
    expect(one(atom10(`<id>urn:1</id>${xml}`)).summary).toBe(expected);
  });
});

describe('ids', () => {
  it.each([
    [rss2('<guid>g-1</guid><link>https://h.example/1</link>'), 'g-1'],
    [rss2('<guid isPermaLink="false">  g-2  </guid>'), 'g-2'],
    [rss2('<guid></guid><link>https://h.example/3</link>'), 'https://h.example/3'],
    [rss2('<link>https://h.example/4</link>'), 'https://h.example/4'],
    [rss1('<title>x</title><link>https://h.example/5</link>'), 'https://h.example/5'],
    [rss1('<title>x</title>'), 'urn:x:1'],
    [atom10('<id>tag:h.example,2023:6</id><link href="https://h.example/6"/>'), 'tag:h.example,2023:6'],
    [atom10('<title>no id</title><link href="https://h.example/7"/>'), 'https://h.example/7'],
  ])('%s → %s', (doc, expected) => {
    expect(one(doc).id).toBe(expected);
  });
  it('hashes title + date when there is no guid and no link, stably', () => {
    const a = one(rss2('<title>Same</title><pubDate>Sun, 17 Sep 2023 10:00:00 GMT</pubDate>')).id;
    const b = one(rss2('<title>Same</title><pubDate>Sun, 17 Sep 2023 12:00:00 +0200</pubDate>')).id;
    const c = one(rss2('<title>Other</title><pubDate>Sun, 17 Sep 2023 10:00:00 GMT</pubDate>')).id;
    const d = one(rss2('<title>Same</title><pubDate>Mon, 18 Sep 2023 10:00:00 GMT</pubDate>')).id;
    expect(a).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(a).toBe(b);
    expect(new Set([a, c, d]).size).toBe(3);
  });
  it('uses a permalink guid as the url when there is no link, not a non-permalink one', () => {
    expect(one(rss2('<guid>https://h.example/p</guid>')).url).toBe('https://h.example/p');
    expect(one(rss2('<guid isPermaLink="false">https://h.example/p</guid>')).url).toBeNull();
    expect(one(rss2('<guid>not-a-url</guid>')).url).toBeNull();
  });
});

describe('broken and truncated XML', () => {
  const items = (doc: string) => parseFeed(doc).items.map((i) => i.title);
  it.each([
    ['unescaped ampersands', '<rss><channel><item><title>Q&A: R&D</title></item></channel></rss>', ['Q&A: R&D']],
    ['unclosed item', '<rss><channel><item><title>One</title><item><title>Two</title></item></channel></rss>', ['One', 'Two']],
    ['unclosed title', '<rss><channel><item><title>One</item><item><title>Two</title></item></channel></rss>', ['One', 'Two']],
    ['mismatched close tags', '<rss><channel><item><title>One</b></title></i></item><item><title>Two</title></item></rss>', ['One', 'Two']],
    ['missing root close', '<rss><channel><item><title>One</title></item><item><title>Two</title></item>', ['One', 'Two']],
    ['cut inside a tag', '<rss><channel><item><title>One</title></item><item><title>Two</title></it', ['One', 'Two']],
    ['cut inside a title', '<rss><channel><item><title>One</title></item><item><title>Tw', ['One', 'Tw']],
    ['cut inside CDATA', '<rss><channel><item><title>One</title></item><item><title><![CDATA[Tw', ['One', 'Tw']],
    ['cut right after an item opens', '<rss><channel><item><title>One</title></item><item>', ['One']],
    ['junk before the declaration', '\n\n   <?xml version="1.0"?><rss><channel><item><title>One</title></item></channel></rss>', ['One']],
    ['undeclared HTML entities', '<rss><channel><item><title>&copy; &reg; &trade; &sect;</title></item></channel></rss>', ['© ® ™ §']],
    ['undefined entity kept', '<rss><channel><item><title>&notanentity; x</title></item></channel></rss>', ['&notanentity; x']],
    ['unquoted attributes', '<rss><channel><item><title>One</title><guid isPermaLink=false>g1</guid></item></channel></rss>', ['One']],
    ['a stray < in text', '<rss><channel><item><title>1 < 2</title></item></channel></rss>', ['1 < 2']],
    ['comments everywhere', '<rss><!-- c --><channel><item><!-- c --><title>One<!-- c --></title></item></channel></rss>', ['One']],
    ['items outside the channel', '<rss><channel><title>T</title></channel><item><title>One</title></item></rss>', ['One']],
    ['upper-case element names', '<RSS><CHANNEL><ITEM><TITLE>One</TITLE></ITEM></CHANNEL></RSS>', ['One']],
    ['undeclared dc prefix', '<rss><channel><item><title>One</title><dc:creator>A</dc:creator></item></channel></rss>', ['One']],
    [
      'doctype with internal subset',
      '<!DOCTYPE rss [<!ENTITY x "ex">]><rss><channel><item><title>&x;</title></item></channel></rss>',
      ['ex'],
    ],
  ])('%s', (_name, doc, expected) => {
    expect(items(doc)).toEqual(expected);
  });
  it('keeps the fields of a truncated Atom entry', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:a</id><title>A</title><link href="https://h.example/a"/><published>2023-09-17T10:00:00Z</published></entry><entry><id>urn:b</id><title>B</ti',
    );
    expect(feed.items.map((i) => [i.id, i.title])).toEqual([
      ['urn:a', 'A'],
      ['urn:b', 'B'],
    ]);
    expect(feed.items[0]!.publishedAt).toBe('2023-09-17T10:00:00Z');
  });
});

describe('encodings', () => {
  const latin1 = (decl: string, title: string) =>
    Buffer.from(`<?xml version="1.0"${decl}?><rss><channel><item><title>${title}</title></item></channel></rss>`, 'latin1');
  it('follows the XML declaration', () => {
    expect(parseFeed(latin1(' encoding="ISO-8859-1"', 'Cr\xe8me')).items[0]!.title).toBe('Crème');
  });
  it('lets the HTTP charset win over the declaration', () => {
    const bytes = new Uint8Array(
      Buffer.from(
        '<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></item></channel></rss>',
        'latin1',
      ),
    );
    expect(parseFeed(bytes, { contentType: 'application/rss+xml; charset=windows-1251' }).items[0]!.title).toBe('Привет');
  });
  it('falls back to the declaration when the HTTP charset says UTF-8 and the bytes are not', () => {
    const bytes = new Uint8Array(
      Buffer.from(
        '<?xml version="1.0" encoding="windows-1251"?><rss><channel><item><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></item></channel></rss>',
        'latin1',
      ),
    );
    expect(parseFeed(bytes, { contentType: 'text/xml; charset=utf-8' }).items[0]!.title).toBe('Привет');
  });
  it('lets the BOM win over both', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><item><title>Grüße</title></item></channel></rss>'),
    ]);
    expect(parseFeed(new Uint8Array(body), { contentType: 'text/xml; charset=iso-8859-1' }).items[0]!.title).toBe('Grüße');
  });
  it.each([
    ['shift_jis', 'ニュース'],
    ['euc-jp', 'ニュース'],
    ['gb2312', '新闻'],
    ['big5', '新聞'],
    ['koi8-r', 'Новости'],
    ['iso-8859-7', 'Ειδήσεις'],
    ['iso-8859-2', 'Wiadomości'],
    ['windows-1250', 'Zprávy'],
  ])('decodes %s from the declaration', (charset, title) => {
    const doc = `<?xml version="1.0" encoding="${charset}"?><rss><channel><item><title>${title}</title></item></channel></rss>`;
    const bytes = encodeLegacy(charset, doc);
    expect(bytes, `no ${charset} encoding of ${title}`).not.toBeNull();
    // The bytes really are in that charset: read as UTF-8 (no declaration honoured) the title is lost.
    expect(new TextDecoder('utf-8').decode(bytes!)).not.toContain(title);
    expect(new TextDecoder(charset).decode(bytes!)).toBe(doc);
    expect(parseFeed(bytes!).items[0]!.title).toBe(title);
  });
  it('decodes UTF-16 with and without a BOM', () => {
    const doc = '<?xml version="1.0" encoding="utf-16"?><rss><channel><item><title>Ünï 東京</title></item></channel></rss>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]);
    expect(parseFeed(new Uint8Array(le)).items[0]!.title).toBe('Ünï 東京');
    expect(parseFeed(new Uint8Array(Buffer.from(doc, 'utf16le'))).items[0]!.title).toBe('Ünï 東京');
  });
});

/** Encodes text in a legacy charset by brute-force inverse of TextDecoder over the code units used. */
function encodeLegacy(charset: string, text: string): Uint8Array | null {
  const dec = new TextDecoder(charset);
  const table = new Map<string, number[]>();
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(new Uint8Array([b]));
    if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [b]);
  }
  for (let b1 = 0x81; b1 < 0xff; b1++) {
    for (let b2 = 0x40; b2 < 0xff; b2++) {
      const ch = dec.decode(new Uint8Array([b1, b2]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) return null;
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

describe('JSON Feed', () => {
  const jf = (items: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items, ...extra });
  it.each([
    [
      { id: 'a', title: 'T', url: 'https://j.example/a' },
      { id: 'a', title: 'T', url: 'https://j.example/a' },
    ],
    [{ id: 7, title: 'Numeric id' }, { id: '7' }],
    [{ id: 'b', url: '/rel' }, { url: 'https://j.example/rel' }],
    [{ id: 'c', external_url: 'https://elsewhere.example/c' }, { url: 'https://elsewhere.example/c' }],
    [
      { id: 'd', content_html: '<p>Hi <b>there</b></p>' },
      { summary: 'Hi there', content: '<p>Hi <b>there</b></p>' },
    ],
    [{ id: 'e', content_text: 'Plain body', summary: 'Sum' }, { summary: 'Sum' }],
    [{ id: 'f', date_published: '2023-09-17T12:00:00+02:00' }, { publishedAt: '2023-09-17T10:00:00Z' }],
    [{ id: 'g', date_modified: '2023-09-17T10:00:00Z' }, { publishedAt: '2023-09-17T10:00:00Z' }],
    [{ id: 'h', author: { name: 'Old Style' } }, { author: 'Old Style' }],
    [{ id: 'i', authors: [{ name: 'A' }, { name: 'B' }] }, { author: 'A, B' }],
    [{ id: 'j', title: 'Tom &amp; Jerry' }, { title: 'Tom & Jerry' }],
    [{ url: 'https://j.example/k', title: 'No id' }, { id: 'https://j.example/k' }],
  ])('%j', (item, expected) => {
    const feed = parseFeed(jf([item], { home_page_url: 'https://j.example/' }));
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject(expected);
  });
  it('gives an empty list for a feed with no items', () => {
    expect(parseFeed(jf([])).items).toEqual([]);
  });
  it('salvages complete items from a truncated JSON feed', () => {
    const full = jf([
      { id: '1', title: 'One' },
      { id: '2', title: 'Two' },
      { id: '3', title: 'Three' },
    ]);
    expect(parseFeed(full.slice(0, full.indexOf('Three') - 5)).items.map((i) => i.id)).toEqual(['1', '2']);
  });
});

describe('not a feed', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>'],
    ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
    ['an OPML list', '<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://h.example/rss"/></body></opml>'],
    [
      'a sitemap',
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://h.example/</loc></url></urlset>',
    ],
    ['plain text', 'hello world'],
    ['empty input', ''],
    ['whitespace', '  \n '],
    ['a JSON array', '[1,2,3]'],
    ['a JSON object', '{"a": 1}'],
    ['broken JSON', '{"a": '],
    ['an API response with items', '{"items": [{"id": 1}], "total": 1}'],
  ])('refuses %s', (_name, doc) => {
    expect(() => parseFeed(doc)).toThrow(FeedParseError);
  });
});

describe('sniffing (looksLikeFeed / sniffFeedFormat)', () => {
  it.each([
    ['<?xml version="1.0"?><rss version="2.0">', null, 'rss'],
    ['\ufeff<?xml version="1.0"?>\n<!-- hi -->\n<rss>', null, 'rss'],
    ['<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">', null, 'atom'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', null, 'rdf'],
    ['<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"><rss version="0.91">', null, 'rss'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', null, 'json'],
    ['<!DOCTYPE html><html>', 'text/html', null],
    ['{"a": 1}', 'application/json', null],
    ['', 'application/rss+xml', 'rss'],
    ['', 'application/atom+xml; charset=utf-8', 'atom'],
    ['', 'application/feed+json', 'json'],
    ['<html><body>', 'application/rss+xml', null],
    ['<br />\n<b>Warning</b>: x<br />\n<?xml version="1.0"?><rss version="2.0">', 'text/html', 'rss'],
    ['<p>An HTML fragment that mentions no feed</p>', null, null],
  ])('%j (%s) → %s', (head, type, expected) => {
    expect(sniffFeedFormat(head, type)).toBe(expected);
    expect(looksLikeFeed(head, type)).toBe(expected !== null);
  });
});

describe('hostile input', () => {
  it('survives 100 000 nested elements and keeps the item', () => {
    const deep =
      '<rss><channel><item><title>deep</title><description>' +
      '<a>'.repeat(100_000) +
      'x' +
      '</a>'.repeat(100_000) +
      '</description></item></channel></rss>';
    const feed = parseFeed(deep);
    expect(feed.items.map((i) => i.title)).toEqual(['deep']);
  });
  it('parses a feed with 5 000 items', () => {
    let items = '';
    for (let i = 0; i < 5000; i++) items += `<item><title>Item ${i}</title><link>https://h.example/${i}</link></item>`;
    const feed = parseFeed(`<rss><channel>${items}</channel></rss>`);
    expect(feed.items).toHaveLength(5000);
    expect(feed.items[4999]!.url).toBe('https://h.example/4999');
  });
});

describe('namespaces', () => {
  it.each([
    ['Atom 1.0', '<feed xmlns="http://www.w3.org/2005/Atom">'],
    ['Atom with a trailing slash', '<feed xmlns="http://www.w3.org/2005/Atom/">'],
    ['Atom over https (a common typo)', '<feed xmlns="https://www.w3.org/2005/Atom">'],
    ['no namespace', '<feed>'],
    ['prefixed', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">'],
  ])('%s', (_name, open) => {
    const close = open.startsWith('<atom:') ? '</atom:feed>' : '</feed>';
    const p = open.startsWith('<atom:') ? 'atom:' : '';
    const doc = `${open}<${p}title>F</${p}title><${p}entry><${p}title>E</${p}title><${p}id>urn:e</${p}id><${p}link href="https://n.example/e"/></${p}entry>${close}`;
    const feed = parseFeed(doc);
    expect(feed.format).toBe('atom');
    expect(feed.items.map((i) => [i.title, i.id, i.url])).toEqual([['E', 'urn:e', 'https://n.example/e']]);
  });
  it('reads RSS 1.0 elements written with a prefix', () => {
    const doc = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel><rss:title>C</rss:title></rss:channel><rss:item rdf:about="https://n.example/1"><rss:title>One</rss:title><rss:link>https://n.example/1</rss:link></rss:item></rdf:RDF>`;
    const feed = parseFeed(doc);
    expect([feed.format, feed.title]).toEqual(['rdf', 'C']);
    expect(feed.items.map((i) => i.title)).toEqual(['One']);
  });
  it('maps Dublin Core declared under another prefix', () => {
    const doc = rss2('<title>x</title>').replace(
      '<title>x</title>',
      '<title>x</title><d:creator xmlns:d="http://purl.org/dc/elements/1.1/">Other Prefix</d:creator><d:date xmlns:d="http://purl.org/dc/elements/1.1/">2023-09-17</d:date>',
    );
    expect(one(doc)).toMatchObject({ author: 'Other Prefix', publishedAt: '2023-09-17T00:00:00Z' });
  });
});

describe('rarer shapes', () => {
  it('reads Atom 0.3 base64 content', () => {
    const b64 = Buffer.from('<p>Encoded <b>body</b></p>').toString('base64');
    expect(one(atom03(`<title>x</title><id>urn:1</id><content type="text/html" mode="base64">${b64}</content>`)).summary).toBe(
      'Encoded body',
    );
  });
  it('reads a channel link written as an href attribute', () => {
    expect(
      parseFeed(
        '<rss><channel><title>T</title><link href="https://chan.example/"/><item><title>x</title><link>/a</link></item></channel></rss>',
      ).items[0]!.url,
    ).toBe('https://chan.example/a');
  });
});

describe('junk before the feed', () => {
  it.each([
    [
      'a PHP warning with <br />',
      '<br />\n<b>Warning</b>: Undefined variable $x in <b>/var/www/feed.php</b> on line <b>12</b><br />\n<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Still here</title></item></channel></rss>',
    ],
    [
      'an unclosed <br>',
      '<br>Notice: something<?xml version="1.0"?><rss version="2.0"><channel><item><title>Still here</title></item></channel></rss>',
    ],
    [
      'an Atom feed after junk',
      '<b>Deprecated</b>: x<br><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><title>Still here</title></entry></feed>',
    ],
  ])('%s', (_name, doc) => {
    expect(parseFeed(doc).items.map((i) => i.title)).toEqual(['Still here']);
  });
});
