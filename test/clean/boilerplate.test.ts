// The boilerplate tables: typical chrome signatures match their rule, article wrappers do not.
import { describe, expect, it } from 'vitest';
import { BODY_HINTS, BOILERPLATE_CLASS_RULES, CONSENT_PATTERNS, isDateLine } from '../../src/clean/boilerplate.js';

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
    ' article-body',
    ' entry-content',
    ' story',
    ' post-content',
    'main ',
    ' load-more-wrapper',
    ' shadow',
    ' reader',
    ' lead',
    ' text',
    ' responsive-wrapper',
    ' commentary-body',
    ' col-md-8 hidden-xs',
    ' shareholder-letter',
    ' socialism-explained',
  ])('%s matches no rule', (sig) => {
    expect(ruleFor(sig)).toBeNull();
  });

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

describe('date stamps', () => {
  it('recognises date stamps in several languages, not headings with a year', () => {
    for (const t of [
      'sexta-feira, 22 de outubro de 2010 às 20:13',
      'Mon 3 June 2024 09.15 BST',
      '12. Mai 2024, 14:05 Uhr',
      '2024-05-12 08:30',
    ]) {
      expect(isDateLine(t)).toBe(true);
    }
    for (const t of [
      'Season 2018 calendar',
      'The 2024 budget in 10 charts and numbers.',
      'Results from the 2019 and 2020 seasons were cancelled after the flood.',
    ]) {
      expect(isDateLine(t)).toBe(false);
    }
  });
});
