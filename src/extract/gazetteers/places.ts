// Cities, states/provinces and world regions. Cities and provinces come from city-timezones
// (MIT; ~7,300 world cities with population, province and ISO 3166-1 code); the regions, continents
// and UK nations below are written for this project. Country names are not here (countries.ts).
import { createRequire } from 'node:module';
import { nameKey } from './normalize.js';

const require = createRequire(import.meta.url);

export interface PlaceInfo {
  /** ISO 3166-1 alpha-2 code of the country it lies in, when one is known. */
  code?: string;
  kind: 'city' | 'province' | 'region';
  /** Population of the largest city of that name (0 for provinces and regions). */
  pop: number;
}

interface CityRow {
  city: string;
  city_ascii: string;
  pop: number;
  iso2: string | number;
  country: string;
  province: string;
}

/** Continents, world regions and places outside the city list that news names often. */
const REGIONS: Record<string, string | null> = {
  Africa: null,
  Asia: null,
  Europe: null,
  'North America': null,
  'South America': null,
  'Latin America': null,
  'Central America': null,
  Oceania: null,
  Antarctica: null,
  Arctic: null,
  'Middle East': null,
  'Near East': null,
  'Far East': null,
  Maghreb: null,
  Sahel: null,
  Sahara: null,
  'Horn of Africa': null,
  'West Africa': null,
  'East Africa': null,
  'North Africa': null,
  'Southern Africa': null,
  'Central Africa': null,
  'Sub-Saharan Africa': null,
  'Lake Chad': null,
  Balkans: null,
  Caucasus: null,
  Scandinavia: null,
  'Central Asia': null,
  'South Asia': null,
  'Southeast Asia': null,
  'South East Asia': null,
  'South-East Asia': null,
  'East Asia': null,
  Caribbean: null,
  'Persian Gulf': null,
  Mediterranean: null,
  Atlantic: null,
  Pacific: null,
  'Indian Ocean': null,
  'Red Sea': null,
  'Black Sea': null,
  'Baltic Sea': null,
  'South China Sea': null,
  'Gulf of Guinea': null,
  Kashmir: null,
  Kurdistan: null,
  Darfur: null,
  'Gaza Strip': 'PS',
  Gaza: 'PS',
  'West Bank': 'PS',
  'Golan Heights': null,
  Crimea: 'UA',
  Donbas: 'UA',
  Donbass: 'UA',
  Tibet: 'CN',
  Xinjiang: 'CN',
  Chechnya: 'RU',
  Siberia: 'RU',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  Ulster: 'GB',
  Catalonia: 'ES',
  Andalusia: 'ES',
  Bavaria: 'DE',
  Sicily: 'IT',
  Sardinia: 'IT',
  Corsica: 'FR',
  Brittany: 'FR',
  Normandy: 'FR',
  Flanders: 'BE',
  Wallonia: 'BE',
  Patagonia: 'AR',
  Amazon: null,
  Yucatan: 'MX',
  Mindanao: 'PH',
  Borneo: null,
  Sumatra: 'ID',
  Java: 'ID',
  Bali: 'ID',
  Punjab: null,
  Balochistan: 'PK',
  Azawad: 'ML',
  'Soviet Union': null,
  USSR: null,
  Yugoslavia: null,
  Czechoslovakia: null,
  'East Germany': null,
  'West Germany': null,
  'Wall Street': 'US',
  'Silicon Valley': 'US',
  'Capitol Hill': 'US',
  Hollywood: 'US',
  Manhattan: 'US',
  Brooklyn: 'US',
  'New England': 'US',
  Midwest: 'US',
  Alaska: 'US',
  Hawaii: 'US',
  'Washington D.C.': 'US',
  'Washington DC': 'US',
  'Washington, D.C.': 'US',
  'Hong Kong': 'HK',
  Macau: 'MO',
  Timbuktu: 'ML',
};

/** City and province names that are ordinary words or first names far more often than places. */
const NOT_PLACES = new Set(
  `of mobile reading bath nice split eagle sale hope best male temple independence orange union
   liberty university college normal paradise opportunity deal marks goes along march may august
   victoria florence mercedes lincoln jackson hamilton wellington washington austin dallas
   houston jordan chad georgia santiago salvador sydney regina charlotte elizabeth alexandria
   eugene vernon albert frederick augusta marion columbia laval la paz said mali niger
   central southern northern eastern western north south east west centre center capital
   coast lakes plateau mountain upper lower interior littoral maritime savanes kara grand
   national federal district distrito sud nord est ouest cross river delta rift valley lake
   island islands lagos city saint st san santa`
    .split(/\s+/)
    .filter(Boolean),
);
// Note: names in NOT_PLACES are still found by compromise's own lexicon (Washington, Lagos ...)
// and by context; the list only stops this gazetteer from typing them without evidence.

let byKey: Map<string, PlaceInfo> | null = null;

function build(): void {
  byKey = new Map();
  // The data set writes Kosovo as -99 (Natural Earth's "no code"); XK is the code in common use.
  // Anything else that is not two letters is dropped rather than put in a record.
  const iso2 = (r: CityRow): string | undefined => {
    const code = String(r.iso2 ?? '').toUpperCase();
    if (/^[A-Z]{2}$/.test(code)) return code;
    return r.country === 'Kosovo' ? 'XK' : undefined;
  };
  const rows = require('city-timezones/data/cityMap.json') as CityRow[];
  const put = (name: string, info: PlaceInfo) => {
    const k = nameKey(name);
    if (!k || k.length < 3 || NOT_PLACES.has(k)) return;
    const old = byKey!.get(k);
    if (!old || (old.kind !== 'region' && info.pop > old.pop)) byKey!.set(k, info);
  };
  for (const r of rows) {
    if (r.pop < 15_000) continue; // hamlets named after ordinary words cost more than they give
    const code = iso2(r);
    put(r.city, { code, kind: 'city', pop: r.pop });
    if (r.city_ascii !== r.city) put(r.city_ascii, { code, kind: 'city', pop: r.pop });
  }
  for (const r of rows) {
    if (r.province && !byKey.has(nameKey(r.province))) put(r.province, { code: iso2(r), kind: 'province', pop: 0 });
  }
  for (const [name, code] of Object.entries(REGIONS)) {
    byKey.set(nameKey(name), code ? { code, kind: 'region', pop: 0 } : { kind: 'region', pop: 0 });
  }
}

/** A known city, province or region by name, or null. */
export function lookupPlace(name: string): PlaceInfo | null {
  if (!byKey) build();
  return byKey!.get(nameKey(name)) ?? null;
}
