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
  afghan: 'AF',
  albanian: 'AL',
  algerian: 'DZ',
  american: 'US',
  andorran: 'AD',
  angolan: 'AO',
  argentine: 'AR',
  argentinian: 'AR',
  armenian: 'AM',
  australian: 'AU',
  austrian: 'AT',
  azerbaijani: 'AZ',
  azeri: 'AZ',
  bahamian: 'BS',
  bahraini: 'BH',
  bangladeshi: 'BD',
  barbadian: 'BB',
  belarusian: 'BY',
  belgian: 'BE',
  belizean: 'BZ',
  beninese: 'BJ',
  bhutanese: 'BT',
  bolivian: 'BO',
  bosnian: 'BA',
  botswanan: 'BW',
  brazilian: 'BR',
  british: 'GB',
  briton: 'GB',
  bruneian: 'BN',
  bulgarian: 'BG',
  burkinabe: 'BF',
  burmese: 'MM',
  burundian: 'BI',
  cambodian: 'KH',
  cameroonian: 'CM',
  canadian: 'CA',
  'cape verdean': 'CV',
  'central african': 'CF',
  chadian: 'TD',
  chilean: 'CL',
  chinese: 'CN',
  colombian: 'CO',
  comorian: 'KM',
  congolese: 'CD',
  'costa rican': 'CR',
  croatian: 'HR',
  croat: 'HR',
  cuban: 'CU',
  cypriot: 'CY',
  czech: 'CZ',
  danish: 'DK',
  dane: 'DK',
  djiboutian: 'DJ',
  dominican: 'DO',
  dutch: 'NL',
  ecuadorian: 'EC',
  ecuadorean: 'EC',
  egyptian: 'EG',
  salvadoran: 'SV',
  emirati: 'AE',
  'equatorial guinean': 'GQ',
  eritrean: 'ER',
  estonian: 'EE',
  ethiopian: 'ET',
  fijian: 'FJ',
  filipino: 'PH',
  philippine: 'PH',
  finnish: 'FI',
  finn: 'FI',
  french: 'FR',
  gabonese: 'GA',
  gambian: 'GM',
  georgian: 'GE',
  german: 'DE',
  ghanaian: 'GH',
  greek: 'GR',
  grenadian: 'GD',
  guatemalan: 'GT',
  guinean: 'GN',
  guyanese: 'GY',
  haitian: 'HT',
  honduran: 'HN',
  hungarian: 'HU',
  icelandic: 'IS',
  icelander: 'IS',
  indian: 'IN',
  indonesian: 'ID',
  iranian: 'IR',
  iraqi: 'IQ',
  irish: 'IE',
  israeli: 'IL',
  italian: 'IT',
  ivorian: 'CI',
  jamaican: 'JM',
  japanese: 'JP',
  jordanian: 'JO',
  kazakh: 'KZ',
  kazakhstani: 'KZ',
  kenyan: 'KE',
  kuwaiti: 'KW',
  kyrgyz: 'KG',
  laotian: 'LA',
  latvian: 'LV',
  lebanese: 'LB',
  liberian: 'LR',
  libyan: 'LY',
  lithuanian: 'LT',
  luxembourgish: 'LU',
  macedonian: 'MK',
  malagasy: 'MG',
  malawian: 'MW',
  malaysian: 'MY',
  maldivian: 'MV',
  malian: 'ML',
  maltese: 'MT',
  mauritanian: 'MR',
  mauritian: 'MU',
  mexican: 'MX',
  moldovan: 'MD',
  monegasque: 'MC',
  mongolian: 'MN',
  montenegrin: 'ME',
  moroccan: 'MA',
  mozambican: 'MZ',
  namibian: 'NA',
  nepalese: 'NP',
  nepali: 'NP',
  'new zealander': 'NZ',
  nicaraguan: 'NI',
  nigerien: 'NE',
  nigerian: 'NG',
  'north korean': 'KP',
  norwegian: 'NO',
  omani: 'OM',
  pakistani: 'PK',
  palestinian: 'PS',
  panamanian: 'PA',
  'papua new guinean': 'PG',
  paraguayan: 'PY',
  peruvian: 'PE',
  polish: 'PL',
  pole: 'PL',
  portuguese: 'PT',
  qatari: 'QA',
  romanian: 'RO',
  russian: 'RU',
  rwandan: 'RW',
  saudi: 'SA',
  senegalese: 'SN',
  serbian: 'RS',
  serb: 'RS',
  'sierra leonean': 'SL',
  singaporean: 'SG',
  slovak: 'SK',
  slovenian: 'SI',
  slovene: 'SI',
  somali: 'SO',
  somalian: 'SO',
  'south african': 'ZA',
  'south korean': 'KR',
  'south sudanese': 'SS',
  spanish: 'ES',
  spaniard: 'ES',
  'sri lankan': 'LK',
  sudanese: 'SD',
  surinamese: 'SR',
  swazi: 'SZ',
  swedish: 'SE',
  swede: 'SE',
  swiss: 'CH',
  syrian: 'SY',
  taiwanese: 'TW',
  tajik: 'TJ',
  tanzanian: 'TZ',
  thai: 'TH',
  togolese: 'TG',
  tongan: 'TO',
  trinidadian: 'TT',
  tunisian: 'TN',
  turkish: 'TR',
  turk: 'TR',
  turkmen: 'TM',
  ugandan: 'UG',
  ukrainian: 'UA',
  uruguayan: 'UY',
  uzbek: 'UZ',
  venezuelan: 'VE',
  vietnamese: 'VN',
  yemeni: 'YE',
  zambian: 'ZM',
  zimbabwean: 'ZW',
  kosovar: 'XK',
};

/** Demonym-like words that are not nationalities of one country but should also be stripped from names. */
const OTHER_NATIONALITY_WORDS = [
  'african',
  'arab',
  'arabian',
  'asian',
  'european',
  'latin',
  'western',
  'kurdish',
  'kurd',
  'english',
  'scottish',
  'scot',
  'welsh',
  'soviet',
  'yugoslav',
  'basque',
  'catalan',
  'flemish',
  'tuareg',
  'hispanic',
  'caribbean',
  'scandinavian',
  'nordic',
  'baltic',
  'balkan',
  'sahelian',
  'tibetan',
  'frenchman',
  'frenchwoman',
  'englishman',
  'englishwoman',
  'scotsman',
  'scotswoman',
  'irishman',
  'irishwoman',
  'welshman',
  'dutchman',
  'dutchwoman',
  'chechen',
  'kashmiri',
  'sahrawi',
  'ossetian',
  'abkhaz',
  'tatar',
  'islam',
  'christianity',
  'judaism',
  'buddhism',
  'hinduism',
  'catholicism',
  'uighur',
  'uyghur',
  'rohingya',
  'pashtun',
  'tamil',
  'sikh',
  'hindu',
  'muslim',
  'christian',
  'jewish',
  'sunni',
  'shia',
  'shiite',
  'islamist',
  'jihadist',
  'fulani',
  'hausa',
  'yoruba',
  'igbo',
  'bambara',
  'berber',
  'zulu',
  'maori',
  'aboriginal',
  'persian',
  'slavic',
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
  for (const [code, n] of Object.entries({
    US: 'United States',
    GB: 'United Kingdom',
    SY: 'Syria',
    LA: 'Laos',
    VA: 'Vatican City',
    FM: 'Micronesia',
    MD: 'Moldova',
    KR: 'South Korea',
    VE: 'Venezuela',
    BO: 'Bolivia',
    TZ: 'Tanzania',
    CD: 'DR Congo',
    CG: 'Republic of the Congo',
    CI: "Côte d'Ivoire",
    TR: 'Turkey',
    NL: 'Netherlands',
    BN: 'Brunei',
    AE: 'United Arab Emirates',
    CZ: 'Czech Republic',
    FK: 'Falkland Islands',
    VG: 'British Virgin Islands',
    VI: 'US Virgin Islands',
    MO: 'Macau',
  })) {
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

// --- Localised names (French and other languages) ------------------------------------------------

/** French short forms news uses that the ISO list spells only officially. */
const EXTRA_NAMES_FR: Record<string, string[]> = {
  US: ['États-Unis', 'Etats-Unis', 'Amérique'],
  GB: ['Grande-Bretagne', 'Royaume-Uni'],
  CD: ['RDC', 'RD Congo', 'Congo-Kinshasa', 'République démocratique du Congo'],
  CG: ['Congo-Brazzaville'],
  CI: ["Côte d'Ivoire"],
  CF: ['Centrafrique', 'République centrafricaine'],
  NL: ['Pays-Bas', 'Hollande'],
  CZ: ['Tchéquie', 'République tchèque'],
  AE: ['Émirats arabes unis', 'EAU'],
  SA: ['Arabie saoudite'],
  KP: ['Corée du Nord'],
  KR: ['Corée du Sud'],
  GW: ['Guinée-Bissau'],
  GQ: ['Guinée équatoriale'],
  CV: ['Cap-Vert'],
  SS: ['Soudan du Sud'],
  ZA: ['Afrique du Sud'],
  BA: ['Bosnie', 'Bosnie-Herzégovine'],
  MK: ['Macédoine du Nord', 'Macédoine'],
  MM: ['Birmanie', 'Myanmar'],
  VA: ['Vatican'],
  XK: ['Kosovo'],
  PS: ['Palestine', 'Territoires palestiniens'],
  TR: ['Turquie'],
};

/** French nationality adjectives and nouns (masculine singular); feminine and plural are derived. */
const DEMONYMS_FR: Record<string, string> = {
  afghan: 'AF',
  algérien: 'DZ',
  allemand: 'DE',
  américain: 'US',
  angolais: 'AO',
  argentin: 'AR',
  australien: 'AU',
  autrichien: 'AT',
  belge: 'BE',
  béninois: 'BJ',
  brésilien: 'BR',
  britannique: 'GB',
  burkinabè: 'BF',
  burkinabé: 'BF',
  burundais: 'BI',
  camerounais: 'CM',
  canadien: 'CA',
  centrafricain: 'CF',
  chilien: 'CL',
  chinois: 'CN',
  colombien: 'CO',
  congolais: 'CD',
  cubain: 'CU',
  danois: 'DK',
  égyptien: 'EG',
  espagnol: 'ES',
  éthiopien: 'ET',
  finlandais: 'FI',
  français: 'FR',
  gabonais: 'GA',
  gambien: 'GM',
  ghanéen: 'GH',
  grec: 'GR',
  guinéen: 'GN',
  haïtien: 'HT',
  hongrois: 'HU',
  indien: 'IN',
  indonésien: 'ID',
  irakien: 'IQ',
  iranien: 'IR',
  irlandais: 'IE',
  israélien: 'IL',
  italien: 'IT',
  ivoirien: 'CI',
  japonais: 'JP',
  jordanien: 'JO',
  kényan: 'KE',
  kenyan: 'KE',
  libanais: 'LB',
  libérien: 'LR',
  libyen: 'LY',
  malgache: 'MG',
  malien: 'ML',
  marocain: 'MA',
  mauritanien: 'MR',
  mexicain: 'MX',
  mozambicain: 'MZ',
  néerlandais: 'NL',
  nigérien: 'NE',
  nigérian: 'NG',
  nigerian: 'NG',
  norvégien: 'NO',
  ougandais: 'UG',
  pakistanais: 'PK',
  palestinien: 'PS',
  polonais: 'PL',
  portugais: 'PT',
  qatari: 'QA',
  roumain: 'RO',
  russe: 'RU',
  rwandais: 'RW',
  saoudien: 'SA',
  sénégalais: 'SN',
  'sierra-léonais': 'SL',
  somalien: 'SO',
  soudanais: 'SD',
  suédois: 'SE',
  suisse: 'CH',
  syrien: 'SY',
  tchadien: 'TD',
  tchèque: 'CZ',
  togolais: 'TG',
  tunisien: 'TN',
  turc: 'TR',
  ukrainien: 'UA',
  vénézuélien: 'VE',
  vietnamien: 'VN',
  yéménite: 'YE',
  zambien: 'ZM',
  zimbabwéen: 'ZW',
};

/** French feminine and plural forms of a masculine demonym ("malien" → malienne, maliens, maliennes). */
export function frenchInflections(m: string): string[] {
  if (/e$/.test(m)) return [m, `${m}s`];
  if (/[sx]$/.test(m)) return [m, `${m}e`, `${m}es`];
  if (/en$/.test(m)) return [m, `${m}ne`, `${m}s`, `${m}nes`];
  if (m === 'turc') return [m, 'turque', 'turcs', 'turques'];
  if (m === 'grec') return [m, 'grecque', 'grecs', 'grecques'];
  if (/[èé]$/.test(m)) return [m, `${m}e`, `${m}s`, `${m}es`];
  return [m, `${m}e`, `${m}s`, `${m}es`];
}

interface LocalisedTable {
  /** nameKey of each country name → its code. */
  byKey: Map<string, string>;
  /** The first word of every key: a name can only start with one of these. */
  firstWords: Set<string>;
}

const localised = new Map<string, LocalisedTable | null>();

/** A language's country-name table (i18n-iso-countries, plus our French extras), built on first use. */
function localisedTable(lang: string): LocalisedTable | null {
  let table = localised.get(lang);
  if (table === undefined) {
    table = null;
    if (/^[a-z]{2}$/.test(lang)) {
      try {
        const file = require(`i18n-iso-countries/langs/${lang}.json`) as LocaleFile;
        const byKey = new Map<string, string>();
        for (const [code, names] of Object.entries(file.countries)) {
          for (const n of Array.isArray(names) ? names : [names]) if (!/[,()]/.test(n)) byKey.set(nameKey(n), code);
        }
        if (lang === 'fr') for (const [code, names] of Object.entries(EXTRA_NAMES_FR)) for (const n of names) byKey.set(nameKey(n), code);
        table = { byKey, firstWords: new Set([...byKey.keys()].map(firstWord)) };
      } catch {
        table = null; // no country names for this language
      }
    }
    localised.set(lang, table);
  }
  return table;
}

const firstWord = (key: string): string => key.split(' ', 1)[0];

/** Whole-name lookup in another language's country names ("Allemagne" → DE, "Nigéria" → NG). */
export function countryCodeIn(name: string, lang: string): string | null {
  if (lang === 'en') return countryCode(name);
  return localisedTable(lang)?.byKey.get(nameKey(name)) ?? null;
}

/**
 * Whether a country name of that language can start with this word (false when the language has no
 * table): lets a caller skip the longer lookups that start there.
 */
export function mayStartCountryNameIn(word: string, lang: string): boolean {
  const table = localisedTable(lang);
  return !!table && table.firstWords.has(firstWord(nameKey(word)));
}

/** A language's country names with their codes, as written (for substring search in unspaced scripts). */
export function localisedCountryNames(lang: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  try {
    const file = require(`i18n-iso-countries/langs/${lang}.json`) as LocaleFile;
    for (const [code, names] of Object.entries(file.countries)) for (const n of Array.isArray(names) ? names : [names]) out.push([n, code]);
  } catch {
    // no names for this language
  }
  return out;
}

/** Languages i18n-iso-countries has country names for (checked by trying to load them). */
export function hasCountryNames(lang: string): boolean {
  countryCodeIn('', lang);
  return !!localised.get(lang);
}

let demonymsFr: Map<string, string> | null = null;

/** ISO code of a French nationality word, any gender or number ("nigérienne" → NE, "nigérians" → NG). */
export function demonymCodeFr(word: string): string | null {
  if (!demonymsFr) {
    demonymsFr = new Map();
    // keyed with accents kept: "nigérien" and "nigérian" differ by one letter only
    for (const [m, code] of Object.entries(DEMONYMS_FR)) for (const f of frenchInflections(m)) demonymsFr.set(f, code);
  }
  return demonymsFr.get(word.toLowerCase()) ?? null;
}
