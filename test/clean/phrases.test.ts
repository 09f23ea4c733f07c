// The phrase tables: one vocabulary for the HTML block filter and the plain-text line filter.
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_TEXT, LEAD_META_TEXT, PAYWALL_TEXT, READ_ALSO_PROMPTS, AD_LABELS, alternation } from '../../src/clean/phrases.js';
import { isBoilerplateLine, parsePlainText } from '../../src/clean/text.js';

describe('HTML block phrases', () => {
  const isBoilerplate = (t: string) => BOILERPLATE_TEXT.some((re) => re.test(t));

  it.each([
    'Advertisement',
    'ADVERTISEMENT',
    'Share this article',
    'Read more:',
    'Related stories',
    'Sign up for our daily newsletter',
    '© 2024 Example Media',
    '05/10/2018 - Posted by: Jo Quinn - Category: Health - Tags: bridge, harbour',
    'Tags: bridge, harbour',
    'Copyright 2024 Example Media. All rights reserved.',
    'Photo: Reuters',
    '12 comments',
    "Don't miss",
  ])('%s is boilerplate', (t) => expect(isBoilerplate(t)).toBe(true));

  it.each([
    'Lesen Sie auch: Neue Brücke für die Altstadt',
    'Leia também',
    'More from Riverside Gazette',
    'Related: Ferry timetable changes this summer',
  ])('%s is a read-more prompt', (t) => expect(isBoilerplate(t)).toBe(true));

  it.each([
    'Price tags: most models cost under 300 euros, the shop said.',
    'Copyright lawsuits against the archive doubled last year.',
    'More from the council meeting is expected on Friday, when the budget is published.',
    'Trending downwards since June, the index fell again.',
  ])('%s is article text, not a prompt', (t) => expect(isBoilerplate(t)).toBe(false));

  it.each([
    'Advertisers pulled out of the deal last year, the company said.',
    'Readers wrote in to complain about the new timetable.',
    'Share prices fell sharply on Monday.',
    'Photographers gathered outside the court.',
  ])('%s is article text', (t) => expect(isBoilerplate(t)).toBe(false));

  it('recognises bylines, dates and reading times', () => {
    for (const t of ['By Martha Quinn', 'Published 12 May 2024', 'Updated: 3 hours ago', '4 min read', 'May 12, 2024']) {
      expect(LEAD_META_TEXT.some((re) => re.test(t))).toBe(true);
    }
    expect(LEAD_META_TEXT.some((re) => re.test('By the time the ferry arrived, the crowd had gone home.'))).toBe(false);
    expect(LEAD_META_TEXT.some((re) => re.test('Updated figures show the deficit grew'))).toBe(false);
  });

  it('recognises paywall prompts', () => {
    expect(PAYWALL_TEXT.test('Subscribe to continue reading')).toBe(true);
    expect(PAYWALL_TEXT.test('This article is only available to subscribers.')).toBe(true);
    expect(PAYWALL_TEXT.test('The club will subscribe to the new league next year.')).toBe(false);
  });
});

describe('one vocabulary for HTML blocks and text lines', () => {
  const isBoilerplateBlock = (t: string) => BOILERPLATE_TEXT.some((re) => re.test(t));

  it.each(['Werbung', 'Pubblicità', 'Publicidade', 'Sponsored post', 'Partner content'])('ad label %s is dropped in both', (t) => {
    expect(isBoilerplateBlock(t)).toBe(true);
    expect(isBoilerplateLine(t)).toBe(true);
  });

  it.each([
    'Leia também: Nova ponte para o centro',
    'Lesen Sie auch: Neue Brücke für die Altstadt',
    'Baca juga: Jembatan baru dibuka',
    'Lire aussi',
  ])('read-also prompt %s is dropped in both', (t) => {
    expect(isBoilerplateBlock(t)).toBe(true);
    expect(isBoilerplateLine(t)).toBe(true);
  });

  it.each(['Teilen', 'Condividi', 'Join the conversation'])('share/comment prompt %s is dropped in both', (t) => {
    expect(isBoilerplateBlock(t)).toBe(true);
    expect(isBoilerplateLine(t)).toBe(true);
  });

  it('a plain-text article loses a foreign read-also line but keeps its sentences', () => {
    const parts = parsePlainText('Die neue Brücke ist fertig.\n\nLesen Sie auch: Der Hafen wächst\n\nDie Stadt feiert am Samstag.');
    expect(parts.paragraphs).toEqual(['Die neue Brücke ist fertig.', 'Die Stadt feiert am Samstag.']);
    expect(parts.dropped).toEqual(['Lesen Sie auch: Der Hafen wächst']);
  });

  it('the named lists hold plain fragments that compile', () => {
    for (const list of [AD_LABELS, READ_ALSO_PROMPTS]) expect(() => new RegExp(`^(${alternation(list)})$`, 'i')).not.toThrow();
  });
});

describe('French boilerplate', () => {
  const isBlock = (t: string) => BOILERPLATE_TEXT.some((re) => re.test(t));

  it.each([
    'À lire aussi : Le port de Dakar bat un record de trafic',
    'Lire la suite',
    '- Publicité -',
    'Abonnez-vous',
    'Partager',
    'Réagir',
    'Déjà abonné ?',
    'Ce site utilise des cookies pour améliorer votre expérience. Accepter Refuser Paramétrer',
    'Nous utilisons des cookies : en poursuivant votre navigation, vous acceptez leur utilisation. Tout accepter',
  ])('drops the line %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each(['À lire aussi', 'Lire la suite', 'Partager cet article', 'Réagir', 'Abonnez-vous'])('drops the block %j', (t) => {
    expect(isBlock(t)).toBe(true);
  });

  it.each([
    'Le gouvernement a refusé de commenter la décision, a indiqué son porte-parole.',
    'Les cookies déposés sans consentement ont valu une amende de 2 millions d’euros à la société.',
    'Partager les données de santé reste interdit sans l’accord du patient, rappelle la Cnil.',
    'Lire la suite du rapport prendra plusieurs semaines aux enquêteurs, selon le parquet.',
  ])('keeps the article sentence %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
    expect(isBlock(line)).toBe(false);
  });

  it('drops a French consent banner and a related headline from a pasted article', () => {
    const p = parsePlainText(
      'Le port de Dakar bat un record\n\nÀ lire aussi : La Cédéao se réunit à Abuja\n\nLe trafic a progressé de 8 % l’an dernier, selon la direction du port.\n\n- Publicité -\n\nCe site utilise des cookies. Vous pouvez les refuser. Accepter Refuser En savoir plus',
    );
    expect(p.paragraphs).toEqual(['Le trafic a progressé de 8 % l’an dernier, selon la direction du port.']);
  });
});
