// Pure pieces of the review page: escaping, safe links, flags, and the highlight marks.
import { describe, expect, it } from 'vitest';
import { entityMarks, findTerm, paragraphRanges } from '../../src/server/highlight.js';
import { escapeHtml, externalLink, flagEmoji, html, queryString, raw, safeHref } from '../../src/server/html.js';
import { highlightedText } from '../../src/server/pages/record.js';
import { emptyEntities } from '../../src/record/schema.js';

describe('html escaping', () => {
  it('escapes every interpolation unless it is SafeHtml', () => {
    const name = `<img src=x onerror="alert('x')">`;
    const out = html`<p title="${name}">${name}${html`<b>ok</b>`}${[name, raw('<i>t</i>')]}${null}${undefined}${false}${0}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;<b>ok</b>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;<i>t</i>0</p>',
    );
    expect(escapeHtml('a & b < c > d " e \' f ` g')).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f &#96; g');
  });

  it('links only absolute http(s) URLs', () => {
    expect(safeHref('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&c=2');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      '/relative',
      '',
      null,
    ]) {
      expect(safeHref(bad), String(bad)).toBeNull();
    }
    expect(externalLink('javascript:alert(1)').value).toBe(
      '<span class="unsafe-url" title="not an http(s) link">javascript:alert(1)</span>',
    );
    expect(externalLink('https://example.org/"x"').value).toContain('href="https://example.org/%22x%22"');
  });

  it('turns ISO codes into flag emoji and nothing else', () => {
    expect(flagEmoji('NE')).toBe('🇳🇪');
    expect(flagEmoji('JP')).toBe('🇯🇵');
    expect(flagEmoji('ne')).toBe('');
    expect(flagEmoji('<b>')).toBe('');
    expect(flagEmoji(null)).toBe('');
  });

  it('builds query strings, dropping empty values and repeating arrays', () => {
    expect(queryString({ q: 'a b&c', entity: ['x', 'y'], type: '', offset: 0, since: undefined })).toBe(
      '?q=a+b%26c&entity=x&entity=y&offset=0',
    );
    expect(queryString({})).toBe('');
  });
});

describe('highlight marks', () => {
  const text = 'The Bank of Mali said Mali and Malians would vote.\n\nIn Bamako, officials of the Bank of Mali met on Monday.';

  it('finds whole words only, case-sensitively', () => {
    expect(findTerm(text, 'Mali').map(([s, e]) => text.slice(s, e))).toEqual(['Mali', 'Mali', 'Mali']);
    expect(findTerm(text, 'Mali').every(([s]) => !text.slice(s).startsWith('Malians'))).toBe(true);
    expect(findTerm(text, 'mali')).toEqual([]);
    expect(findTerm('U.S. and US', 'U.S.')).toEqual([[0, 4]]);
    expect(findTerm('x', 'x')).toEqual([]); // one-letter terms are noise
  });

  it('prefers the longer entity where names overlap, and uses spans when given', () => {
    const entities = {
      ...emptyEntities(),
      countries: [{ name: 'Mali', code: 'ML', mentions: 2 }],
      organizations: [{ name: 'Bank of Mali', aliases: [], mentions: 2 }],
      places: [{ name: 'Bamako', countryCode: 'ML', mentions: 1, spans: [[55, 61]] as Array<[number, number]> }],
      dates: [{ text: 'Monday', value: null, mentions: 1 }],
    };
    const marks = entityMarks(text, entities);
    expect(marks.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organization', 'Bank of Mali'],
      ['country', 'Mali'],
      ['place', 'Bamako'],
      ['organization', 'Bank of Mali'],
      ['date', 'Monday'],
    ]);
    for (let i = 1; i < marks.length; i++) expect(marks[i].start).toBeGreaterThanOrEqual(marks[i - 1].end);
  });

  it('ignores spans outside the text', () => {
    const entities = {
      ...emptyEntities(),
      people: [
        {
          name: 'Nobody',
          aliases: [],
          mentions: 1,
          spans: [
            [500, 510],
            [5, 2],
          ] as Array<[number, number]>,
        },
      ],
    };
    expect(entityMarks(text, entities)).toEqual([]);
  });

  it('renders paragraphs with marks, splitting a mark that crosses a paragraph break', () => {
    expect(paragraphRanges('a\n\n\n b\n  \nc')).toEqual([
      [0, 1],
      [5, 6],
      [10, 11],
    ]);
    const t = 'One two\n\nthree four';
    const out = highlightedText(t, [{ start: 4, end: 14, type: 'person', name: 'Two Three', index: 0 }]).value;
    expect(out).toBe(
      '<p>One <mark class="ent t-person" data-type="person" data-entity="Two Three" title="Person: Two Three">two</mark></p>' +
        '<p><mark class="ent t-person" data-type="person" data-entity="Two Three" title="Person: Two Three">three</mark> four</p>',
    );
  });
});
