// The boilerplate tables: typical chrome signatures match their rule, article wrappers do not.
import { describe, expect, it } from 'vitest';
import {
  BODY_HINTS, BOILERPLATE_CLASS_RULES, BOILERPLATE_TEXT, CONSENT_PATTERNS, LEAD_META_TEXT, PAYWALL_TEXT, isDateLine,
} from '../../src/clean/boilerplate.js';

/** Name of the first class/id rule matching a signature (`id class`, lower-cased), or null. */
function ruleFor(signature: string): string | null {
  const sig = signature.toLowerCase();
  return BOILERPLATE_CLASS_RULES.find((r) => r.re.test(sig))?.name ?? null;
}

describe('class/id rules', () => {
  it.each([
    ['onetrust-consent-sdk ', 'consent'],
    [' didomi-popup didomi-popup-open', 'consent'],
    [' qc-cmp2-container', 'consent'],
    ['sp_message_container_123 ', 'consent'],
    [' cookie-banner', 'consent'],
    ['comments ', 'comments'],
    [' disqus_thread', 'comments'],
    [' ad-slot ad-slot--mpu', 'ads'],
    [' top_ad', 'ads'],
    [' share-bar', 'share'],
    [' social-links', 'share'],
    [' newsletter-signup', 'newsletter'],
    [' related-stories', 'related'],
    [' most-popular', 'related'],
    [' site-header', 'chrome'],
    [' breadcrumbs', 'chrome'],
    [' sidebar-right', 'chrome'],
    [' wp-caption-text', 'caption'],
    [' byline', 'meta'],
  ])('%s → %s', (sig, rule) => {
    expect(ruleFor(sig)).toBe(rule);
  });

  it.each([
    ' article-body', ' entry-content', ' story', ' post-content', 'main ', ' load-more-wrapper', ' shadow', ' reader', ' lead', ' text',
    ' responsive-wrapper', ' commentary-body', ' col-md-8 hidden-xs', ' shareholder-letter', ' socialism-explained',
  ])(
    '%s matches no rule',
    (sig) => {
      expect(ruleFor(sig)).toBeNull();
    },
  );

  it('marks article-body wrappers as body hints', () => {
    for (const sig of ['article-body', 'story-body__inner', 'entry-content', 'post-content clearfix']) {
      expect(BODY_HINTS.some((re) => re.test(sig))).toBe(true);
    }
    expect(BODY_HINTS.some((re) => re.test('site-footer'))).toBe(false);
  });

  it('consent patterns do not fire on ordinary words', () => {
    for (const sig of [' content', ' contact', ' cmpny-logo x']) expect(CONSENT_PATTERNS.some((re) => re.test(sig))).toBe(false);
  });
});

describe('text rules', () => {
  const isBoilerplate = (t: string) => BOILERPLATE_TEXT.some((re) => re.test(t));

  it.each(['Advertisement', 'ADVERTISEMENT', 'Share this article', 'Read more:', 'Related stories', 'Sign up for our daily newsletter', '© 2024 Example Media', '05/10/2018 - Posted by: Jo Quinn - Category: Health - Tags: bridge, harbour', 'Tags: bridge, harbour', 'Copyright 2024 Example Media. All rights reserved.', 'Photo: Reuters', '12 comments', "Don't miss"])(
    '%s is boilerplate',
    (t) => expect(isBoilerplate(t)).toBe(true),
  );

  it.each(['Lesen Sie auch: Neue Brücke für die Altstadt', 'Leia também', 'More from Riverside Gazette', 'Related: Ferry timetable changes this summer'])(
    '%s is a read-more prompt',
    (t) => expect(isBoilerplate(t)).toBe(true),
  );

  it.each(['Price tags: most models cost under 300 euros, the shop said.', 'Copyright lawsuits against the archive doubled last year.', 'More from the council meeting is expected on Friday, when the budget is published.', 'Trending downwards since June, the index fell again.'])(
    '%s is article text, not a prompt',
    (t) => expect(isBoilerplate(t)).toBe(false),
  );

  it.each(['Advertisers pulled out of the deal last year, the company said.', 'Readers wrote in to complain about the new timetable.', 'Share prices fell sharply on Monday.', 'Photographers gathered outside the court.'])(
    '%s is article text',
    (t) => expect(isBoilerplate(t)).toBe(false),
  );

  it('recognises bylines, dates and reading times', () => {
    for (const t of ['By Martha Quinn', 'Published 12 May 2024', 'Updated: 3 hours ago', '4 min read', 'May 12, 2024']) {
      expect(LEAD_META_TEXT.some((re) => re.test(t))).toBe(true);
    }
    expect(LEAD_META_TEXT.some((re) => re.test('By the time the ferry arrived, the crowd had gone home.'))).toBe(false);
    expect(LEAD_META_TEXT.some((re) => re.test('Updated figures show the deficit grew'))).toBe(false);
  });

  it('recognises date stamps in several languages, not headings with a year', () => {
    for (const t of ['sexta-feira, 22 de outubro de 2010 às 20:13', 'Mon 3 June 2024 09.15 BST', '12. Mai 2024, 14:05 Uhr', '2024-05-12 08:30']) {
      expect(isDateLine(t)).toBe(true);
    }
    for (const t of ['Season 2018 calendar', 'The 2024 budget in 10 charts and numbers.', 'Results from the 2019 and 2020 seasons were cancelled after the flood.']) {
      expect(isDateLine(t)).toBe(false);
    }
  });

  it('recognises paywall prompts', () => {
    expect(PAYWALL_TEXT.test('Subscribe to continue reading')).toBe(true);
    expect(PAYWALL_TEXT.test('This article is only available to subscribers.')).toBe(true);
    expect(PAYWALL_TEXT.test('The club will subscribe to the new league next year.')).toBe(false);
  });
});
