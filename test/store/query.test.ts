// The pure helpers both back ends share.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { dateBound, entityRows, normaliseFilter, newRecordId, parseFtsQuery, recordKeys, sourceHost } from '../../src/store/query.js';
import { fold } from '../../src/text/fold.js';
import { contentHash } from '../../src/text/hash.js';
import { fts5Match } from '../../src/store/sqlite.js';
import { splitLanes, tsQuery } from '../../src/store/postgres.js';
import { seedRecord } from './seed.js';

describe('fold', () => {
  it('ignores case, accents and punctuation', () => {
    expect(fold('Assimi Goïta')).toBe('assimi goita');
    expect(fold("  Côte d'Ivoire ")).toBe('cote divoire');
    expect(fold('U.S.-backed')).toBe('u s backed');
    expect(fold('ÉCOWAS')).toBe('ecowas');
  });
});

describe('dateBound', () => {
  it('makes since the start and until the end of the period named', () => {
    expect(dateBound('2023-09', 'since')).toEqual({ iso: '2023-09-01T00:00:00.000Z', exclusive: false });
    expect(dateBound('2023-09', 'until')).toEqual({ iso: '2023-10-01T00:00:00.000Z', exclusive: true });
    expect(dateBound('2023-12-31', 'until')).toEqual({ iso: '2024-01-01T00:00:00.000Z', exclusive: true });
    expect(dateBound('2023', 'until')).toEqual({ iso: '2024-01-01T00:00:00.000Z', exclusive: true });
    expect(dateBound('2023-09-16T10:00:00+02:00', 'until')).toEqual({ iso: '2023-09-16T08:00:00.000Z', exclusive: false });
  });

  it('rejects what is not a date', () => {
    expect(() => dateBound('2023-02-30', 'since')).toThrow(InputError);
    expect(() => dateBound('2023-13', 'since')).toThrow(InputError);
    expect(() => dateBound('yesterday', 'until')).toThrow(InputError);
  });
});

describe('full-text queries', () => {
  it('parses words, phrases, OR and exclusions the same way for both back ends', () => {
    const q = parseFtsQuery('Niger "military junta" coup OR putsch -France');
    expect(q).toEqual({ clauses: [[['niger']], [['military', 'junta']], [['coup'], ['putsch']]], negated: [['france']] });
    expect(fts5Match(q)).toBe('"niger" AND "military junta" AND ("coup" OR "putsch") NOT "france"');
    expect(tsQuery(q)).toBe("'niger' & ('military' <-> 'junta') & ('coup' | 'putsch') & !'france'");
  });

  it('cannot be used to inject query syntax', () => {
    const q = parseFtsQuery(`a' | b"); DROP TABLE records; --`);
    const flat = q.clauses.flat(2).concat(q.negated.flat());
    for (const w of flat) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});

describe('record keys', () => {
  it('keys by canonical URL, then URL, then content hash', () => {
    const r = seedRecord(1);
    const k = recordKeys(r);
    expect(k.urlKey).toBe(r.canonicalUrl);
    expect(k.altKey).toBe(r.url);
    expect(k.source).toBe(new URL(r.canonicalUrl!).hostname.replace(/^www\./, ''));
    expect(recordKeys({ ...r, canonicalUrl: null, url: 'https://a.example/x#top' }).urlKey).toBe('https://a.example/x');
    const noUrl = recordKeys({ ...r, canonicalUrl: null, url: null, provenance: undefined });
    expect(noUrl.urlKey).toBe(`sha256:${contentHash(r.text)}`);
    const ids = [newRecordId(1_700_000_000_000), newRecordId(1_700_000_000_001), newRecordId(1_700_000_000_001)];
    for (const id of ids) expect(id).toMatch(/^r[0-9a-z]{9}[0-9a-f]{10}$/);
    expect(ids[0] < ids[1] && ids[0] < ids[2]).toBe(true);
    expect(ids[1]).not.toBe(ids[2]);
  });

  it('does not treat empty or consent-wall text as syndicated content', () => {
    const r = seedRecord(1);
    expect(recordKeys(r).syndicatable).toBe(true);
    expect(recordKeys({ ...r, text: '  ' }).syndicatable).toBe(false);
    expect(recordKeys({ ...r, flags: { consentWall: true } }).syndicatable).toBe(false);
  });

  it('finds the host without www', () => {
    expect(sourceHost('https://www.Example.ORG/a')).toBe('example.org');
    expect(sourceHost('not a url')).toBeNull();
  });
});

describe('entity rows', () => {
  it('indexes names, aliases and surnames; countries grouped by code', () => {
    const r = seedRecord(0);
    const rows = entityRows({
      ...r,
      entities: {
        people: [{ name: 'Assimi Goïta Jr.', aliases: ['Colonel Goïta'], mentions: 3 }],
        countries: [{ name: 'Niger', code: 'NE', aliases: ['Republic of Niger'], mentions: 2 }],
        organizations: [],
        places: [{ name: 'Niamey', countryCode: 'NE', mentions: 1 }],
        dates: [{ text: 'on Saturday', value: '2023-09-16', mentions: 1 }],
      },
    });
    const terms = (type: string) => rows.filter((e) => e.type === type).map((e) => [e.term, e.alias]);
    expect(terms('person')).toEqual([
      ['assimi goita jr', false],
      ['colonel goita', true],
      ['goita', true],
    ]);
    expect(rows.filter((e) => e.type === 'person').every((e) => e.name === 'Assimi Goïta Jr.' && e.mentions === 3)).toBe(true);
    expect(rows.filter((e) => e.type === 'country').map((e) => [e.term, e.key, e.code])).toEqual([
      ['niger', 'NE', 'NE'],
      ['republic of niger', 'NE', 'NE'],
    ]);
    expect(rows.find((e) => e.type === 'place')).toMatchObject({ term: 'niamey', code: 'NE' });
    expect(rows.filter((e) => e.type === 'date').map((e) => [e.term, e.name, e.key])).toEqual([
      ['on saturday', '2023-09-16', '2023-09-16'],
      ['2023 09 16', '2023-09-16', '2023-09-16'],
    ]);
  });
});

describe('normaliseFilter', () => {
  it('folds entity names and upper-cases country codes', () => {
    const f = normaliseFilter({ entity: ['Goïta', 'ECOWAS'], country: 'ne', source: 'https://www.bbc.co.uk/news', limit: 5 });
    expect(f.terms).toEqual(['goita', 'ecowas']);
    expect(f.countries).toEqual(['NE']);
    expect(f.source).toBe('bbc.co.uk');
    expect(f.limit).toBe(5);
  });

  it('rejects bad values with InputError', () => {
    expect(() => normaliseFilter({ country: 'NER' })).toThrow(InputError);
    expect(() => normaliseFilter({ entity: '!!!' })).toThrow(InputError);
    expect(() => normaliseFilter({ limit: 1.5 })).toThrow(InputError);
    expect(() => normaliseFilter({ offset: -1 })).toThrow(InputError);
    expect(() => normaliseFilter({ language: "fr'; --" })).toThrow(InputError);
  });

  it('lower-cases a language code', () => {
    expect(normaliseFilter({ language: 'FR' }).language).toBe('fr');
    expect(normaliseFilter({}).language).toBeNull();
  });
});

describe('splitLanes (parallel bulk upserts on PostgreSQL)', () => {
  it('keeps items that share a key in one lane, in input order, and spreads the rest', () => {
    const items = [
      { id: 0, keys: ['a'] },
      { id: 1, keys: ['b'] },
      { id: 2, keys: ['c', 'h1'] },
      { id: 3, keys: ['a'] },
      { id: 4, keys: ['d', 'h1'] },
      { id: 5, keys: ['e'] },
      { id: 6, keys: ['b', 'e'] },
    ];
    const lanes = splitLanes(items, 3, (x) => x.keys);
    expect(lanes.length).toBeLessThanOrEqual(3);
    expect(
      lanes
        .flat()
        .map((x) => x.id)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const laneOf = (id: number) => lanes.findIndex((l) => l.some((x) => x.id === id));
    expect(laneOf(0)).toBe(laneOf(3));
    expect(laneOf(2)).toBe(laneOf(4));
    expect(laneOf(1)).toBe(laneOf(6));
    expect(laneOf(5)).toBe(laneOf(6));
    for (const l of lanes) expect(l.map((x) => x.id)).toEqual([...l.map((x) => x.id)].sort((a, b) => a - b));
    expect(splitLanes([], 4, () => [])).toEqual([]);
  });
});
