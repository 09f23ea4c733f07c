import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText, isBoilerplateLine, looksLikeTitle, parsePlainText } from '../../src/clean/text.js';
import { DEFAULT_CLEAN_LIMITS } from '../../src/clean/limits.js';

const root = new URL('../../', import.meta.url).pathname;
const run = (text: string, meta = {}) => cleanText(text, meta, DEFAULT_CLEAN_LIMITS);

describe('cleanText on the sample article (fixtures/sahel-alliance.txt)', () => {
  const source = readFileSync(`${root}fixtures/sahel-alliance.txt`, 'utf8');
  const expected = JSON.parse(readFileSync(`${root}fixtures/sahel-alliance.expected.json`, 'utf8'));
  const article = run(source, { publishedAt: '2023-09-17T10:00:00Z' });

  it('takes the first line as the title', () => {
    expect(article.title).toBe(expected.title);
  });

  it('keeps every article line, including the first bullet and the last line', () => {
    for (const s of expected.text.include) expect(article.text).toContain(s);
    expect(article.text.startsWith('Three Sahel countries')).toBe(true);
    expect(article.text.endsWith('which is now widely seen as ineffective.')).toBe(true);
  });

  it('drops the glued related headline, the ad marker and the cookie banner', () => {
    for (const s of expected.text.exclude) expect(article.text).not.toContain(s);
  });

  it('strips bullet glyphs and separates paragraphs with blank lines', () => {
    expect(article.text).not.toMatch(/[•]/);
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(12);
    expect(article.text).not.toMatch(/\n{3,}/);
  });

  it('guesses English and keeps the given publication date', () => {
    expect(article.language).toBe('en');
    expect(article.publishedAt).toBe('2023-09-17T10:00:00Z');
  });
});

describe('title detection', () => {
  it('does not take a sentence, a wire dateline or a line glued to the next as the title', () => {
    expect(looksLikeTitle({ text: 'The council met on Monday and approved the budget.', blankAfter: true })).toBe(false);
    expect(looksLikeTitle({ text: 'LAGOS, Nigeria (AP) _', blankAfter: true })).toBe(false);
    expect(looksLikeTitle({ text: 'Harbour bridge reopens after repairs', blankAfter: false })).toBe(false);
    expect(looksLikeTitle({ text: 'Harbour bridge reopens after repairs', blankAfter: true })).toBe(true);
  });

  it('keeps a sentence-per-line document whole', () => {
    const doc =
      'FOOTBALL - CITY EDGE ROVERS IN LATE THRILLER.\nMANCHESTER 2021-03-06\nCity beat Rovers 2-1 on Saturday.\nThe winner came in the 89th minute.';
    const a = run(doc);
    expect(a.title).toBeNull();
    for (const line of doc.split('\n')) expect(a.text).toContain(line);
  });

  it('joins hard-wrapped prose but keeps separate sentences on separate lines apart', () => {
    const a = run('Ministers will meet in\nGeneva next week to discuss the\ntreaty.\nThe talks are the first since 2019.');
    expect(a.text).toBe('Ministers will meet in Geneva next week to discuss the treaty.\n\nThe talks are the first since 2019.');
  });
});

describe('lead zone: dateline and byline under the title', () => {
  const doc = [
    'Port authority approves new container terminal',
    '',
    'Published: Tuesday, March 14, 2023',
    '',
    'By Jane Okafor and Tomás Ruiz',
    '',
    'The port authority on Monday approved a new container terminal on the eastern quay.',
    '',
    'Share this article',
    '',
    'Construction is expected to take three years.',
  ].join('\n');
  const a = run(doc);

  it('reads the title, the publication date and the byline', () => {
    expect(a.title).toBe('Port authority approves new container terminal');
    expect(a.publishedAt).toBe('2023-03-14');
    expect(a.byline).toBe('Jane Okafor and Tomás Ruiz');
  });

  it('keeps the body without the metadata lines or the share prompt', () => {
    expect(a.text).toBe(
      'The port authority on Monday approved a new container terminal on the eastern quay.\n\nConstruction is expected to take three years.',
    );
  });

  it('cuts a " | Site" suffix from a pasted title', () => {
    expect(run('Port authority approves new terminal | Harbour News\n\nThe port authority approved a terminal on Monday.').title).toBe(
      'Port authority approves new terminal',
    );
  });

  it('takes line 1 as the title when a byline follows it directly', () => {
    const a = run(
      'Port authority approves new terminal\nBy Jane Okafor\nPublished: March 14, 2023\n\nThe port authority approved a terminal on Monday.',
    );
    expect(a.title).toBe('Port authority approves new terminal');
    expect(a.byline).toBe('Jane Okafor');
    expect(a.publishedAt).toBe('2023-03-14');
    expect(a.text).toBe('The port authority approved a terminal on Monday.');
  });

  it('never takes an "Updated" line as the publication date', () => {
    const a = run(
      'Port authority approves new terminal\n\nUpdated: Wednesday, March 15, 2023\nPublished: Tuesday, March 14, 2023\n\nThe port authority approved a terminal on Monday.',
    );
    expect(a.publishedAt).toBe('2023-03-14');
    expect(a.text).toBe('The port authority approved a terminal on Monday.');
  });

  it('lets meta.publishedAt override a dateline', () => {
    expect(run(doc, { publishedAt: '2023-03-15T08:00:00Z' }).publishedAt).toBe('2023-03-15T08:00:00Z');
  });
});

describe('boilerplate tables', () => {
  it.each([
    '- Advertisement -',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    'This website uses cookies to improve your experience. Accept',
    'We use cookies to personalise content. By continuing you agree to our cookie policy.',
    'Read more: Floods hit northern towns',
    'Share this',
    'Subscribe',
    'Sign up for our daily newsletter to get the news in your inbox',
    'Related Articles',
    'Tags: politics, elections',
    'Photo: Reuters',
    'Image source, Getty Images',
    'Click to share on X (Opens in new window)',
    'Skip Advertisement',
    '© 2024 Harbour News Ltd',
    'Copyright 2024 Harbour News. All rights reserved.',
  ])('drops %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'The court upheld the consent decree that broke up the company in 1984.',
    'Regulators said the site uses cookies to track children and fined it.',
    'Share prices rose 3% on Monday after the announcement.',
    'Read the full ruling, the judge said, before drawing conclusions about what it means.',
    'Advertisement revenue fell by a fifth in the second quarter.',
    'Copyright infringement cases rose by a fifth last year.',
    'Regulators said the site set tracking cookies without consent and fined it.',
    '(c) the committee shall publish its report within a year.',
    'Share on the index rose 3% to a record.',
  ])('keeps the article sentence %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });

  it('does not drop a capitalised caption-like line that is not Title Case', () => {
    const p = parsePlainText(
      'Pilgrims gather for the annual rites\n\nThe Plains of Arafat on the day of Hajj\n\nHundreds of thousands of pilgrims gathered on Tuesday.',
    );
    expect(p.paragraphs).toContain('The Plains of Arafat on the day of Hajj');
  });
});

describe('limits and empty input', () => {
  it('flags empty text and caps paragraphs', () => {
    expect(run('').flags?.empty).toBe(true);
    const many = Array.from({ length: 20 }, (_, i) => `Paragraph number ${i + 1} of the report.`).join('\n\n');
    const a = cleanText(many, {}, { ...DEFAULT_CLEAN_LIMITS, maxParagraphs: 5 });
    expect(a.text.split('\n\n')).toHaveLength(5);
    expect(a.flags?.truncated).toBe(true);
  });
});

describe('trailer lines after a story', () => {
  it('drops "More:", share-with-a-friend prompts and a short source credit, keeps a sentence that starts with "Source:"', () => {
    for (const line of ['More:', 'Like this story? Share it with a friend!', 'SOURCE: News agencies', 'Sources: AFP, Reuters']) {
      expect(isBoilerplateLine(line)).toBe(true);
    }
    expect(isBoilerplateLine('Source: officials at the ministry said on Friday that the plan had been dropped after the vote.')).toBe(
      false,
    );
    expect(isBoilerplateLine('More than 200 flights were grounded.')).toBe(false);
  });
});
