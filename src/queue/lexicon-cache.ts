// Workers extract with the store's corrections (the lexicon). It is loaded once and refreshed when
// the store's lexicon version moves; the version is checked at most every `checkEveryMs`.
import { EMPTY_LEXICON, type Lexicon } from '../extract/lexicon.js';
import type { Store } from '../store/types.js';

export const DEFAULT_LEXICON_CHECK_MS = 5_000;

export class LexiconCache {
  private lexicon: Lexicon = EMPTY_LEXICON;
  private version = -1;
  private checkedAt = -Infinity;

  constructor(
    private readonly store: Pick<Store, 'lexicon' | 'lexiconVersion'>,
    private readonly checkEveryMs = DEFAULT_LEXICON_CHECK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<Lexicon> {
    if (this.now() - this.checkedAt < this.checkEveryMs) return this.lexicon;
    const at = this.now();
    const version = await this.store.lexiconVersion();
    if (version !== this.version) {
      this.lexicon = await this.store.lexicon();
      this.version = version;
    }
    // only a check that answered counts: after a failed one the next call asks again
    this.checkedAt = at;
    return this.lexicon;
  }
}

const caches = new WeakMap<object, LexiconCache>();

/** One cache per store object (a worker's process step). */
export function lexiconFor(store: Pick<Store, 'lexicon' | 'lexiconVersion'>): Promise<Lexicon> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new LexiconCache(store)));
  return cache.get();
}
