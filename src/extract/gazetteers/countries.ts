// Countries with ISO 3166-1 alpha-2 codes: names from i18n-iso-countries (MIT; English locale),
// plus the short forms news uses and a demonym table written for this project.
// Niger (NE) and Nigeria (NG) are separate keys and never match each other: lookups are whole-name.
import { createRequire } from 'node:module';
import { nameKey } from './normalize.js';

const require = createRequire(import.meta.url);

interface LocaleFile {
  countries: Record<string, string | string[]>;
}

/** Short and older forms news uses that the ISO list lacks (or spells only officially). */
const EXTRA_NAMES: Record<string, string[]> = {
  US: ['America', 'United States', 'U.S.', 'U.S.A.', 'US', 'USA', 'the States'],
  GB: ['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom'],
  CD: ['Congo', 'DRC', 'DR Congo', 'D.R. Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa', 'Zaire'],
  CG: ['Republic of Congo', 'Congo-Brazzaville', 'Congo Republic'],
  CI: ['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire"],
  SY: ['Syria'],
  LA: ['Laos'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  FM: ['Micronesia'],
  MD: ['Moldova'],
  KR: ['South Korea', 'Korea', 'S. Korea', 'S Korea'],
  KP: ['North Korea', 'DPRK', 'N. Korea', 'N Korea'],
  MM: ['Burma', 'Myanmar'],
  NL: ['Holland', 'Netherlands'],
  MK: ['Macedonia', 'North Macedonia'],
  CZ: ['Czech Republic', 'Czechia'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  AE: ['UAE', 'U.A.E.', 'United Arab Emirates', 'Emirates'],
  CV: ['Cape Verde', 'Cabo Verde'],
  TL: ['East Timor', 'Timor-Leste'],
  SZ: ['Swaziland', 'Eswatini'],
  VN: ['Vietnam', 'Viet Nam'],
  BN: ['Brunei'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TZ: ['Tanzania'],
  RU: ['Russia'],
  IR: ['Iran'],
  PS: ['Palestine', 'Palestinian Territories'],
  TW: ['Taiwan'],
  CN: ['China', 'PRC'],
  GM: ['Gambia', 'The Gambia'],
  BS: ['Bahamas', 'The Bahamas'],
  FK: ['Falkland Islands', 'Falklands'],
  VG: ['British Virgin Islands'],
  VI: ['US Virgin Islands', 'U.S. Virgin Islands'],
  BA: ['Bosnia', 'Bosnia-Herzegovina', 'Bosnia and Herzegovina'],
  XK: ['Kosovo'],
  GW: ['Guinea-Bissau', 'Guinea Bissau'],
  GQ: ['Equatorial Guinea'],
  PG: ['Papua New Guinea'],
  KN: ['St Kitts and Nevis', 'St. Kitts and Nevis'],
  LC: ['St Lucia', 'St. Lucia'],
  VC: ['St Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
  ST: ['Sao Tome and Principe', 'São Tomé and Príncipe'],
  SA: ['Saudi Arabia'],
  CF: ['Central African Republic', 'CAR'],
  SS: ['South Sudan'],
  IE: ['Ireland', 'Republic of Ireland', 'Irish Republic', 'Eire'],
  NZ: ['New Zealand', 'NZ'],
};

/** Names that would do more harm than good as a bare match (code letters that are common words). */
const SKIP_KEYS = new Set(['car', 'the states', 'emirates', 'korea']);

/** Demonyms and nationality adjectives → code. Plurals ("Malians") are derived. */
const DEMONYMS: Record<string, string> = {
  afghan: 'AF', albanian: 'AL', algerian: 'DZ', american: 'US', andorran: 'AD', angolan: 'AO',
  argentine: 'AR', argentinian: 'AR', armenian: 'AM', australian: 'AU', austrian: 'AT',
  azerbaijani: 'AZ', azeri: 'AZ', bahamian: 'BS', bahraini: 'BH', bangladeshi: 'BD', barbadian: 'BB',
  belarusian: 'BY', belgian: 'BE', belizean: 'BZ', beninese: 'BJ', bhutanese: 'BT', bolivian: 'BO',
  bosnian: 'BA', botswanan: 'BW', brazilian: 'BR', british: 'GB', briton: 'GB', bruneian: 'BN',
  bulgarian: 'BG', burkinabe: 'BF', burmese: 'MM', burundian: 'BI', cambodian: 'KH',
  cameroonian: 'CM', canadian: 'CA', 'cape verdean': 'CV', 'central african': 'CF', chadian: 'TD',
  chilean: 'CL', chinese: 'CN', colombian: 'CO', comorian: 'KM', congolese: 'CD', 'costa rican': 'CR',
  croatian: 'HR', croat: 'HR', cuban: 'CU', cypriot: 'CY', czech: 'CZ', danish: 'DK', dane: 'DK',
  djiboutian: 'DJ', dominican: 'DO', dutch: 'NL', ecuadorian: 'EC', ecuadorean: 'EC', egyptian: 'EG',
  salvadoran: 'SV', emirati: 'AE', 'equatorial guinean': 'GQ', eritrean: 'ER', estonian: 'EE',
  ethiopian: 'ET', fijian: 'FJ', filipino: 'PH', philippine: 'PH', finnish: 'FI', finn: 'FI',
  french: 'FR', gabonese: 'GA', gambian: 'GM', georgian: 'GE', german: 'DE', ghanaian: 'GH',
  greek: 'GR', grenadian: 'GD', guatemalan: 'GT', guinean: 'GN', guyanese: 'GY', haitian: 'HT',
  honduran: 'HN', hungarian: 'HU', icelandic: 'IS', icelander: 'IS', indian: 'IN', indonesian: 'ID',
  iranian: 'IR', iraqi: 'IQ', irish: 'IE', israeli: 'IL', italian: 'IT', ivorian: 'CI',
  jamaican: 'JM', japanese: 'JP', jordanian: 'JO', kazakh: 'KZ', kazakhstani: 'KZ', kenyan: 'KE',
  kuwaiti: 'KW', kyrgyz: 'KG', laotian: 'LA', latvian: 'LV', lebanese: 'LB', liberian: 'LR',
  libyan: 'LY', lithuanian: 'LT', luxembourgish: 'LU', macedonian: 'MK', malagasy: 'MG',
  malawian: 'MW', malaysian: 'MY', maldivian: 'MV', malian: 'ML', maltese: 'MT', mauritanian: 'MR',
  mauritian: 'MU', mexican: 'MX', moldovan: 'MD', monegasque: 'MC', mongolian: 'MN',
  montenegrin: 'ME', moroccan: 'MA', mozambican: 'MZ', namibian: 'NA', nepalese: 'NP', nepali: 'NP',
  'new zealander': 'NZ', nicaraguan: 'NI', nigerien: 'NE', nigerian: 'NG',
  'north korean': 'KP', norwegian: 'NO', omani: 'OM', pakistani: 'PK', palestinian: 'PS',
  panamanian: 'PA', 'papua new guinean': 'PG', paraguayan: 'PY', peruvian: 'PE', polish: 'PL',
  pole: 'PL', portuguese: 'PT', qatari: 'QA', romanian: 'RO', russian: 'RU', rwandan: 'RW',
  saudi: 'SA', senegalese: 'SN', serbian: 'RS', serb: 'RS', 'sierra leonean': 'SL',
  singaporean: 'SG', slovak: 'SK', slovenian: 'SI', slovene: 'SI', somali: 'SO', somalian: 'SO',
  'south african': 'ZA', 'south korean': 'KR', 'south sudanese': 'SS', spanish: 'ES', spaniard: 'ES',
  'sri lankan': 'LK', sudanese: 'SD', surinamese: 'SR', swazi: 'SZ', swedish: 'SE', swede: 'SE',
  swiss: 'CH', syrian: 'SY', taiwanese: 'TW', tajik: 'TJ', tanzanian: 'TZ', thai: 'TH',
  togolese: 'TG', tongan: 'TO', trinidadian: 'TT', tunisian: 'TN', turkish: 'TR', turk: 'TR',
  turkmen: 'TM', ugandan: 'UG', ukrainian: 'UA', uruguayan: 'UY', uzbek: 'UZ', venezuelan: 'VE',
  vietnamese: 'VN', yemeni: 'YE', zambian: 'ZM', zimbabwean: 'ZW', kosovar: 'XK',
};

/** Demonym-like words that are not nationalities of one country but should also be stripped from names. */
const OTHER_NATIONALITY_WORDS = [
  'african', 'arab', 'arabian', 'asian', 'european', 'latin', 'western', 'kurdish', 'kurd', 'english',
  'scottish', 'scot', 'welsh', 'soviet', 'yugoslav', 'basque', 'catalan', 'flemish', 'tuareg',
  'hispanic', 'caribbean', 'scandinavian', 'nordic', 'baltic', 'balkan', 'sahelian', 'tibetan',
  'frenchman', 'frenchwoman', 'englishman', 'englishwoman', 'scotsman', 'scotswoman', 'irishman',
  'irishwoman', 'welshman', 'dutchman', 'dutchwoman', 'chechen', 'kashmiri', 'sahrawi', 'ossetian',
  'abkhaz', 'tatar', 'islam', 'christianity', 'judaism', 'buddhism', 'hinduism', 'catholicism',
  'uighur', 'uyghur', 'rohingya', 'pashtun', 'tamil', 'sikh', 'hindu', 'muslim', 'christian',
  'jewish', 'sunni', 'shia', 'shiite', 'islamist', 'jihadist', 'fulani', 'hausa', 'yoruba', 'igbo',
  'bambara', 'berber', 'zulu', 'maori', 'aboriginal', 'persian', 'slavic',
];

let byKey: Map<string, string> | null = null;
let officialName: Map<string, string> | null = null;
let demonymByKey: Map<string, string> | null = null;
let nationality: Set<string> | null = null;

function build(): void {
  const en = require('i18n-iso-countries/langs/en.json') as LocaleFile;
  byKey = new Map();
  officialName = new Map();
  for (const [code, names] of Object.entries(en.countries)) {
    const list = Array.isArray(names) ? names : [names];
    // The common short name is the last plain one ("Russia", not "Russian Federation").
    const plain = list.filter((n) => !/[,()]/.test(n));
    officialName.set(code, plain[plain.length - 1] ?? list[0]);
    for (const n of plain) byKey.set(nameKey(n), code);
  }
  for (const [code, names] of Object.entries(EXTRA_NAMES)) {
    for (const n of names) byKey.set(nameKey(n), code);
  }
  byKey.set('congo', 'CD');
  for (const k of SKIP_KEYS) byKey.delete(k);
  officialName.set('XK', 'Kosovo');
  for (const [code, n] of Object.entries({ US: 'United States', GB: 'United Kingdom', SY: 'Syria', LA: 'Laos', VA: 'Vatican City', FM: 'Micronesia', MD: 'Moldova', KR: 'South Korea', VE: 'Venezuela', BO: 'Bolivia', TZ: 'Tanzania', CD: 'DR Congo', CG: 'Republic of the Congo', CI: "Côte d'Ivoire", TR: 'Turkey', NL: 'Netherlands', BN: 'Brunei', AE: 'United Arab Emirates', CZ: 'Czech Republic', FK: 'Falkland Islands', VG: 'British Virgin Islands', VI: 'US Virgin Islands', MO: 'Macau' })) {
    officialName.set(code, n);
  }
  demonymByKey = new Map();
  for (const [d, code] of Object.entries(DEMONYMS)) {
    demonymByKey.set(nameKey(d), code);
    if (!/(s|sh|ch)$/.test(d)) demonymByKey.set(`${d}s`, code);
  }
  nationality = new Set([...demonymByKey.keys(), ...OTHER_NATIONALITY_WORDS, ...OTHER_NATIONALITY_WORDS.map((w) => `${w}s`)]);
}

/** ISO code of a country name or short form ("Mali", "U.S.", "Ivory Coast"), or null. */
export function countryCode(name: string): string | null {
  if (!byKey) build();
  return byKey!.get(nameKey(name)) ?? null;
}

/** ISO code of a demonym ("Malian", "Nigeriens"), or null. */
export function demonymCode(word: string): string | null {
  if (!demonymByKey) build();
  return demonymByKey!.get(nameKey(word)) ?? null;
}

/** A nationality, ethnic or religious adjective to strip from the edge of a name ("French", "Tuareg"). */
export function isNationalityWord(word: string): boolean {
  if (!nationality) build();
  return nationality!.has(nameKey(word));
}

/** The canonical short English name for a code ("NE" → "Niger", "US" → "United States"): a country record's name, whatever form the text uses. */
export function countryNameOf(code: string): string | null {
  if (!officialName) build();
  return officialName!.get(code) ?? null;
}

/** Longest word count of any country name, for n-gram lookups. */
export const MAX_COUNTRY_WORDS = 6;
