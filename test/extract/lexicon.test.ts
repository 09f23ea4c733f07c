// Reviewers' corrections applied by extraction: extract(article, { lexicon }).
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { applyLexicon, type Correction, type Lexicon } from '../../src/extract/lexicon.js';

const at = '2024-05-01T10:00:00.000Z';
const lex = (...corrections: Correction[]): Lexicon => ({ version: corrections.length, corrections });
const text =
  'Chelsea beat Arsenal on Sunday in London. Chelsea manager Jose Mourinho praised the squad; Jose said the Sahel charity match was next. ' +
  'The Alliance of Sahel States sent a delegation.';

describe('extract with a lexicon', () => {
  const plain = extract({ text, publishedAt: null });

  it('changes nothing without corrections', () => {
    expect(extract({ text, publishedAt: null }, { lexicon: lex() })).toEqual(plain);
  });

  it('rejects a name everywhere in the article, whatever its type', () => {
    const names = (e: typeof plain) => [...e.people, ...e.organizations, ...e.places, ...e.countries].map((x) => x.name);
    expect(names(plain)).toContain('London');
    const out = extract({ text, publishedAt: null }, { lexicon: lex({ op: 'reject', id: 'c1', at, author: 'ana', name: 'london' }) });
    expect(names(out)).not.toContain('London');
  });

  it('retypes an entity and keeps its mentions and spans', () => {
    const entities = {
      people: [
        {
          name: 'Chelsea',
          aliases: [],
          mentions: 2,
          spans: [
            [0, 7],
            [44, 51],
          ] as Array<[number, number]>,
        },
      ],
      countries: [],
      organizations: [],
      places: [],
      dates: [],
    };
    const { entities: out, applied } = applyLexicon(
      entities,
      lex({ op: 'retype', id: 'c2', at, author: 'ana', name: 'Chelsea', type: 'person', to: 'organization' }),
    );
    expect(applied).toEqual(['c2']);
    expect(out.people).toEqual([]);
    expect(out.organizations).toEqual([
      {
        name: 'Chelsea',
        aliases: [],
        mentions: 2,
        spans: [
          [0, 7],
          [44, 51],
        ],
      },
    ]);
  });

  it('retypes to a country only with a code (given, or known for the name)', () => {
    const entities = {
      people: [],
      countries: [],
      organizations: [{ name: 'Mali', aliases: [], mentions: 1 }],
      places: [{ name: 'Atlantis', mentions: 1 }],
      dates: [],
    };
    const { entities: out } = applyLexicon(
      entities,
      lex(
        { op: 'retype', id: 'c3', at, author: 'ana', name: 'Mali', to: 'country' },
        { op: 'retype', id: 'c4', at, author: 'ana', name: 'Atlantis', to: 'country' },
      ),
    );
    expect(out.countries).toEqual([{ name: 'Mali', code: 'ML', mentions: 1 }]);
    expect(out.places).toEqual([]);
  });

  it('merges one entity into another: mentions add up, the name becomes an alias', () => {
    const entities = {
      people: [
        { name: 'Jose Mourinho', aliases: ['Mourinho'], mentions: 2, spans: [[10, 23]] as Array<[number, number]> },
        { name: 'Jose', aliases: [], mentions: 1, spans: [[40, 44]] as Array<[number, number]> },
      ],
      countries: [],
      organizations: [],
      places: [],
      dates: [],
    };
    const { entities: out } = applyLexicon(
      entities,
      lex({ op: 'merge', id: 'c5', at, author: 'ana', type: 'person', name: 'Jose', into: 'Jose Mourinho' }),
    );
    expect(out.people).toEqual([
      {
        name: 'Jose Mourinho',
        aliases: ['Mourinho', 'Jose'],
        mentions: 3,
        spans: [
          [10, 23],
          [40, 44],
        ],
      },
    ]);
  });

  it('an alias renames an entity found under it; record-scoped corrections wait for the store', () => {
    const entities = {
      people: [{ name: 'The Special One', aliases: [], mentions: 1 }],
      countries: [],
      organizations: [],
      places: [{ name: 'Sahel', mentions: 1 }],
      dates: [],
    };
    const { entities: out, applied } = applyLexicon(
      entities,
      lex(
        { op: 'alias', id: 'c6', at, author: 'ana', type: 'person', name: 'Jose Mourinho', alias: 'the special one' },
        { op: 'reject', id: 'c7', at, author: 'ana', name: 'Sahel', recordId: 'r1' },
      ),
    );
    expect(applied).toEqual(['c6']);
    expect(out.people).toEqual([{ name: 'Jose Mourinho', aliases: ['The Special One'], mentions: 1 }]);
    expect(out.places.map((p) => p.name)).toEqual(['Sahel']);
    expect(
      applyLexicon(entities, lex({ op: 'reject', id: 'c7', at, author: 'ana', name: 'Sahel', recordId: 'r1' }), { recordId: 'r1' }).entities
        .places,
    ).toEqual([]);
  });
});
