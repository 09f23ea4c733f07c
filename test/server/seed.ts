// Records for the server tests: three pages of our own run through the real pipeline, hand-built
// records whose countries and spans are known exactly, and a hostile record full of XSS payloads.
import { readFileSync } from 'node:fs';
import { processDocument } from '../../src/pipeline.js';
import { openStore } from '../../src/store/open.js';
import { emptyEntities, type Entities, type GleanerRecord } from '../../src/record/schema.js';
import type { Store } from '../../src/store/types.js';
import { PIPELINE_VERSION } from '../../src/version.js';

const fixtures = new URL('../../fixtures/server/', import.meta.url).pathname;

export const PIPELINE_PAGES = [
  { file: 'niamey-talks.html', url: 'https://harmattan-post.example/africa/2024/02/niger-ecowas-talks' },
  { file: 'santiago-copper.html', url: 'https://andesledger.example/markets/chile-lithium-copper' },
  { file: 'rhine-shipping.html', url: 'https://freight-review.example/europe/rhine-low-water' },
];

export function pipelineRecords(): GleanerRecord[] {
  return PIPELINE_PAGES.map(({ file, url }) =>
    processDocument(readFileSync(fixtures + file), { url, fileName: file }, { provenance: { fetchedAt: '2024-09-01T00:00:00Z' } }),
  );
}

/** Every whole-word occurrence of each term, as [start, end) spans (what an extractor would emit). */
export function spansOf(text: string, ...terms: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const word = /[\p{L}\p{N}]/u;
  for (const term of terms) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      const end = at + term.length;
      if ((at > 0 && word.test(text[at - 1])) || (end < text.length && word.test(text[end]))) continue;
      if (!spans.some(([s, e]) => at < e && end > s)) spans.push([at, end]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

function record(fields: {
  url: string;
  title: string;
  byline: string | null;
  siteName: string;
  publishedAt: string;
  text: string;
  entities: (text: string) => Partial<Entities>;
}): GleanerRecord {
  return {
    url: fields.url,
    canonicalUrl: fields.url,
    title: fields.title,
    byline: fields.byline,
    siteName: fields.siteName,
    publishedAt: fields.publishedAt,
    language: 'en',
    text: fields.text,
    entities: { ...emptyEntities(), ...fields.entities(fields.text) },
    provenance: { fetchedAt: '2024-09-01T00:00:00Z', pipelineVersion: PIPELINE_VERSION },
  };
}

const SAHEL_TEXT = [
  'Burkina Faso and Mali agreed on Friday to extend their joint patrols along the border, officials in Ouagadougou said.',
  'Captain Ibrahim Traoré met the Malian delegation led by Abdoulaye Diop. Traoré said the patrols had reduced attacks on convoys.',
  'The African Union welcomed the plan but asked both governments to publish a timetable before March 2025.',
].join('\n\n');

const PACIFIC_TEXT = [
  'Fiji and New Zealand signed a maritime security pact in Suva on Wednesday.',
  'Prime Minister Sitiveni Rabuka said the pact covers fisheries patrols and disaster relief. New Zealand will fund two patrol boats.',
].join('\n\n');

const BALTIC_TEXT = [
  'Estonia will buy additional air-defence systems from Germany, the defence ministry in Tallinn said on Thursday.',
  'The purchase is part of a joint programme with Latvia. Germany agreed to deliver the first units in 2025.',
].join('\n\n');

export function handBuiltRecords(): GleanerRecord[] {
  return [
    record({
      url: 'https://sahel-desk.example/2024/11/joint-patrols',
      title: 'Burkina Faso and Mali extend joint border patrols',
      byline: 'Mariam Ouédraogo',
      siteName: 'Sahel Desk',
      publishedAt: '2024-11-08T09:00:00Z',
      text: SAHEL_TEXT,
      entities: (t) => ({
        people: [
          { name: 'Ibrahim Traoré', aliases: ['Traoré'], mentions: 2, spans: spansOf(t, 'Ibrahim Traoré', 'Traoré') },
          { name: 'Abdoulaye Diop', aliases: [], mentions: 1, spans: spansOf(t, 'Abdoulaye Diop') },
        ],
        countries: [
          { name: 'Burkina Faso', code: 'BF', mentions: 1, spans: spansOf(t, 'Burkina Faso') },
          { name: 'Mali', code: 'ML', aliases: ['Malian'], mentions: 2, spans: spansOf(t, 'Mali', 'Malian') },
        ],
        organizations: [{ name: 'African Union', aliases: ['AU'], mentions: 1, spans: spansOf(t, 'African Union') }],
        places: [{ name: 'Ouagadougou', countryCode: 'BF', mentions: 1, spans: spansOf(t, 'Ouagadougou') }],
        dates: [
          { text: 'Friday', value: '2024-11-08', mentions: 1, spans: spansOf(t, 'Friday') },
          { text: 'March 2025', value: '2025-03', mentions: 1, spans: spansOf(t, 'March 2025') },
        ],
      }),
    }),
    // No spans at all: the page must find the names in the text itself.
    record({
      url: 'https://pacific-wire.example/fiji-nz-pact',
      title: 'Fiji and New Zealand sign maritime security pact',
      byline: null,
      siteName: 'Pacific Wire',
      publishedAt: '2024-10-02T22:00:00Z',
      text: PACIFIC_TEXT,
      entities: () => ({
        people: [{ name: 'Sitiveni Rabuka', aliases: [], mentions: 1 }],
        countries: [
          { name: 'Fiji', code: 'FJ', mentions: 1 },
          { name: 'New Zealand', code: 'NZ', mentions: 2 },
        ],
        places: [{ name: 'Suva', countryCode: 'FJ', mentions: 1 }],
        dates: [{ text: 'Wednesday', value: '2024-10-02', mentions: 1 }],
      }),
    }),
    record({
      url: 'https://baltic-monitor.example/estonia-air-defence',
      title: 'Estonia orders air-defence systems from Germany',
      byline: 'Kadri Tamm',
      siteName: 'Baltic Monitor',
      publishedAt: '2024-09-12T07:45:00Z',
      text: BALTIC_TEXT,
      entities: (t) => ({
        countries: [
          { name: 'Estonia', code: 'EE', mentions: 1, spans: spansOf(t, 'Estonia') },
          { name: 'Germany', code: 'DE', mentions: 2, spans: spansOf(t, 'Germany') },
          { name: 'Latvia', code: 'LV', mentions: 1, spans: spansOf(t, 'Latvia') },
        ],
        places: [{ name: 'Tallinn', countryCode: 'EE', mentions: 1, spans: spansOf(t, 'Tallinn') }],
        dates: [
          { text: 'Thursday', value: '2024-09-12', mentions: 1, spans: spansOf(t, 'Thursday') },
          { text: '2025', value: '2025', mentions: 1, spans: spansOf(t, '2025') },
        ],
      }),
    }),
  ];
}

/** What a successful attack would do: set window.__xss (or open a dialog). */
export const XSS = {
  script: '<script>window.__xss = 1</script>',
  img: '<img src=x onerror="window.__xss=1;alert(1)">',
  svg: '<svg onload="window.__xss=1">',
  attr: '" onmouseover="window.__xss=1" x="',
  jsUrl: 'javascript:window.__xss=1//',
};

export function hostileRecord(): GleanerRecord {
  const entityName = `Evil ${XSS.img} Corp`;
  const text = [
    `Opening paragraph ${XSS.script} with a script tag.`,
    `Second paragraph with an image ${XSS.img} and ${entityName} mentioned by name, plus ${XSS.svg} and ${XSS.attr}.`,
    'A final paragraph in Mali.',
  ].join('\n\n');
  return {
    url: XSS.jsUrl,
    canonicalUrl: 'javascript:alert(document.domain)',
    title: `Hostile ${XSS.script} title ${XSS.img}`,
    byline: `By ${XSS.img} ${XSS.attr}`,
    siteName: `<b onmouseover="window.__xss=1">Site</b>`,
    publishedAt: '2024-12-01T00:00:00Z',
    language: 'en',
    description: XSS.svg,
    text,
    entities: {
      ...emptyEntities(),
      organizations: [{ name: entityName, aliases: [XSS.script], mentions: 1 }],
      people: [{ name: `${XSS.attr}Mallory`, aliases: [XSS.svg], mentions: 1 }],
      countries: [{ name: `Mali ${XSS.img}`, code: 'ML', aliases: ['Mali'], mentions: 1 }],
    },
    provenance: { feedUrl: XSS.jsUrl, pipelineVersion: PIPELINE_VERSION },
  };
}

export interface Seeded {
  store: Store;
  ids: { pipeline: string[]; sahel: string; pacific: string; baltic: string; hostile?: string };
}

/** A fresh store (in-memory SQLite unless `open` gives another) with the records above. */
export async function seedStore(opts: { hostile?: boolean; open?: () => Promise<Store> } = {}): Promise<Seeded> {
  const store = opts.open ? await opts.open() : await openStore({ dbPath: ':memory:' });
  const pipeline: string[] = [];
  for (const r of pipelineRecords()) pipeline.push((await store.upsert(r)).id);
  const [sahel, pacific, baltic] = await Promise.all(handBuiltRecords().map(async (r) => (await store.upsert(r)).id));
  const hostile = opts.hostile ? (await store.upsert(hostileRecord())).id : undefined;
  return { store, ids: { pipeline, sahel, pacific, baltic, hostile } };
}
