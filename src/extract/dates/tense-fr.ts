// Which way an under-specified French date ("samedi", "en juillet") points, from the words around
// it in its sentence. News reports the past: only a clear future cue ("se réuniront samedi",
// "prévu en juillet", "samedi prochain" is handled by the grammar) flips it. Written for this project.
import type { Direction } from './tense.js';

/** Future cues, one word each: auxiliaries and verbs of plans, time words. */
const FUTURE_WORDS = new Set([
  'va',
  'vont',
  'sera',
  'seront',
  'aura',
  'auront',
  'devra',
  'devront',
  'doit',
  'doivent',
  'devrait',
  'devraient',
  'prévu',
  'prévue',
  'prévus',
  'prévues',
  'prévoit',
  'compte',
  'entend',
  'attendu',
  'attendue',
  'programmé',
  'programmée',
  "d'ici",
  'prochain',
  'prochaine',
  'prochainement',
  'bientôt',
  'demain',
]);
/** Past cues: perfect and imperfect auxiliaries and time words. */
const PAST_WORDS = new Set([
  'a',
  'ont',
  'avait',
  'avaient',
  'était',
  'étaient',
  'est',
  'sont',
  'fut',
  'furent',
  'hier',
  'dernier',
  'dernière',
  'depuis',
  'déjà',
]);
/** Nouns that end like a future verb. */
const NOT_FUTURE = new Set(['caméra', 'caméras', 'opéra', 'riviera', 'sierra', 'choléra', 'hydra', 'tiara']);
const WORD_RE = /[\p{L}]+(?:['’][\p{L}]+)?|[.!?;]/gu;
const WINDOW = 8;

/** The simple future ("signeront", "se réunira") by its endings, for verbs not in the table. */
const FUTURE_ENDING = /(?:eront|iront|dront|erons|irons|era|ira|dra)$/;

const wordsOf = (s: string): string[] => [...s.matchAll(WORD_RE)].map((m) => m[0].toLowerCase().replace('’', "'"));
const isSentenceEnd = (w: string): boolean => /[.!?;]/.test(w);

/** The last WINDOW words of the sentence that `words` ends in. */
function sentenceTail(words: string[]): string[] {
  const stop = words.map(isSentenceEnd).lastIndexOf(true);
  return words.slice(stop + 1).slice(-WINDOW);
}

/** The first WINDOW words of the sentence that `words` starts in. */
function sentenceHead(words: string[]): string[] {
  const stop = words.findIndex(isSentenceEnd);
  return (stop < 0 ? words : words.slice(0, stop)).slice(0, WINDOW);
}

/** Future when future cues around [start, end) in its sentence outnumber past ones; past on any past cue; else none. */
export function directionAroundFr(text: string, start: number, end: number): Direction {
  const before = sentenceTail(wordsOf(text.slice(Math.max(0, start - 120), start)));
  const after = sentenceHead(wordsOf(text.slice(end, end + 120)));
  let future = 0;
  let past = 0;
  for (const w of [...before, ...after]) {
    if (FUTURE_WORDS.has(w) || (w.length > 5 && FUTURE_ENDING.test(w) && !NOT_FUTURE.has(w))) future++;
    else if (PAST_WORDS.has(w)) past++;
  }
  if (future > past) return 'future';
  if (past > 0) return 'past';
  return 'none';
}
