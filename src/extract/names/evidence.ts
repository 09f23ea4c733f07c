// Evidence for the type of a name: additive scores per type, summed over all mentions of the same
// string in an article so that one string gets one type.

export type NameType = 'person' | 'org' | 'place' | 'country';

export const NAME_TYPES: readonly NameType[] = ['person', 'org', 'place', 'country'];

export type Scores = Record<NameType, number>;

export function emptyScores(): Scores {
  return { person: 0, org: 0, place: 0, country: 0 };
}

export function addScores(into: Scores, from: Scores, weight = 1): void {
  for (const t of NAME_TYPES) into[t] += from[t] * weight;
}

/** The winning type, or null when no type has at least `min` points. Ties go to the earlier type. */
export function bestType(s: Scores, min = 1): NameType | null {
  let best: NameType | null = null;
  let top = min - 1e-9;
  for (const t of NAME_TYPES) {
    if (s[t] > top) {
      top = s[t];
      best = t;
    }
  }
  return best;
}

/** A row of a feature table (names/features.ts, fr/features.ts), as the applier reads it. */
export type TableFeature<F> =
  | { name: string; type: NameType; weight: number; cap?: true; final?: true; test: (f: F) => boolean }
  | { name: string; drop: true; test: (f: F) => boolean };

/**
 * Applies a feature table in order to `scores`, skipping the features named in `off`: a feature
 * adds its weight, or — a cap — holds its type's score at or below it; a final one ends the table;
 * a drop marks the mention as no name. Returns the names of the features that fired and the drop.
 */
export function applyTable<F>(
  table: readonly TableFeature<F>[],
  facts: F,
  scores: Scores,
  off?: ReadonlySet<string>,
): { fired: string[]; drop: boolean } {
  const fired: string[] = [];
  let drop = false;
  for (const feature of table) {
    if (off?.has(feature.name) || !feature.test(facts)) continue;
    fired.push(feature.name);
    if ('drop' in feature) drop = true;
    else {
      if (feature.cap) scores[feature.type] = Math.min(scores[feature.type], feature.weight);
      else scores[feature.type] += feature.weight;
      if (feature.final) break;
    }
  }
  return { fired, drop };
}
