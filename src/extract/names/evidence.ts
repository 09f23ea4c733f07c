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
