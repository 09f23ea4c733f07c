// Synthetic but realistic-looking records for the store tests: deterministic, generated in code,
// with entities spread so that every filter has a non-trivial answer.
import type { GleanerRecord } from '../../src/record/schema.js';
import { contentHash } from '../../src/text/hash.js';

const PEOPLE = [
  { name: 'Assimi Goïta', aliases: ['Goïta'] },
  { name: 'Abdourahamane Tiani', aliases: ['Tiani'] },
  { name: 'Mariam Ouédraogo', aliases: [] },
  { name: 'Helena Marchetti', aliases: ['Marchetti'] },
  { name: 'Tomás Ferreira', aliases: [] },
  { name: 'Grace Okonkwo', aliases: ['Okonkwo'] },
];
const COUNTRIES = [
  { name: 'Niger', code: 'NE' },
  { name: 'Mali', code: 'ML' },
  { name: 'Nigeria', code: 'NG' },
  { name: 'Burkina Faso', code: 'BF' },
  { name: 'France', code: 'FR' },
  { name: 'Chad', code: 'TD' },
];
const ORGS = [
  { name: 'Economic Community of West African States', aliases: ['ECOWAS'] },
  { name: 'African Union', aliases: ['AU'] },
  { name: 'Sahel Grain Cooperative', aliases: [] },
];
const PLACES = [
  { name: 'Niamey', countryCode: 'NE' },
  { name: 'Bamako', countryCode: 'ML' },
  { name: 'Lagos', countryCode: 'NG' },
];
const HOSTS = ['www.sahel-courier.example', 'news.westwire.example', 'dailyledger.example'];
const TOPICS = [
  'border security talks',
  'grain harvest forecast',
  'regional trade summit',
  'river flood warning',
  'election commission update',
];

const pick = <T>(arr: T[], i: number, step: number) => arr[(i * step) % arr.length];

export function seedRecord(i: number): GleanerRecord {
  const person = pick(PEOPLE, i, 1);
  const person2 = pick(PEOPLE, i, 5);
  const country = pick(COUNTRIES, i, 1);
  const country2 = COUNTRIES[(i + 1 + ((i >> 2) % 5)) % COUNTRIES.length];
  const org = pick(ORGS, i, 1);
  const place = pick(PLACES, i, 2);
  const topic = pick(TOPICS, i, 3);
  const host = pick(HOSTS, i, 1);
  // 2023-08-01 .. 2023-10-31, one day apart (modulo 92), at varying hours
  const day = new Date(Date.UTC(2023, 7, 1 + (i % 92), 6 + (i % 12), 30));
  const title = `${country.name}: ${topic} (${i})`;
  const text = [
    `${person.name} spoke in ${place.name} on ${topic} as officials from ${country.name} and ${country2.name} met, report number ${i}.`,
    `${person2.name} said the ${org.name} would follow the ${topic} closely.`,
    `Observers expect further statements later this month.`,
  ].join('\n\n');
  const people =
    person.name === person2.name
      ? [{ ...person, mentions: 2 }]
      : [
          { ...person, mentions: 1 },
          { ...person2, mentions: 1 },
        ];
  const countries =
    country.code === country2.code
      ? [{ ...country, mentions: 2 }]
      : [
          { ...country, mentions: 1 },
          { ...country2, mentions: 1 },
        ];
  return {
    url: `https://${host}/2023/${String(day.getUTCMonth() + 1).padStart(2, '0')}/story-${i}?utm_source=feed`,
    canonicalUrl: `https://${host}/2023/${String(day.getUTCMonth() + 1).padStart(2, '0')}/story-${i}`,
    title,
    byline: i % 4 === 0 ? null : 'Staff reporter',
    siteName: host.replace(/^www\./, ''),
    publishedAt: day.toISOString(),
    // every seventh record is in French (the --language filter has something to find)
    language: i % 7 === 3 ? 'fr' : 'en',
    text,
    wordCount: text.split(/\s+/).length,
    entities: {
      people,
      countries,
      organizations: [{ ...org, mentions: 1 }],
      places: [{ ...place, mentions: 1 }],
      dates: [{ text: 'later this month', value: day.toISOString().slice(0, 7), mentions: 1 }],
    },
    provenance: {
      feedUrl: `https://${host}/rss.xml`,
      fetchedAt: day.toISOString(),
      contentHash: contentHash(text),
      pipelineVersion: 'gleaner/test',
    },
  };
}

export function seedRecords(n = 100): GleanerRecord[] {
  return Array.from({ length: n }, (_, i) => seedRecord(i));
}
