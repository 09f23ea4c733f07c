// A bounded cache for pure functions of one string: news text repeats its words, so per-word work
// (normal forms, token facts, name keys) is done once per distinct word. The cache is emptied when
// full, which bounds memory on a long-running worker at the cost of recomputing common words once.

/** Entries kept before the cache is emptied: a few MB; an article has a few thousand distinct words. */
export const MAX_MEMO_ENTRIES = 50_000;
/** Longer arguments are computed each time, not kept: words are short, and a page of long unique
 *  tokens (base64, minified code) must not fill a worker's memory. */
export const MAX_MEMO_KEY_LENGTH = 64;

/** `compute`, remembered by its argument. `compute` must depend on the string alone. */
export function memoByString<V>(compute: (key: string) => V, maxEntries = MAX_MEMO_ENTRIES): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    if (key.length > MAX_MEMO_KEY_LENGTH) return compute(key);
    let v = cache.get(key);
    if (v === undefined) {
      v = compute(key);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
}
