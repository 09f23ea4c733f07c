// linkRecord is a generator of SQL steps: here it is driven by hand with the answers PostgreSQL gives
// when another writer wins the race to create an entity and its row then cannot be read.
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { linkRecord } from '../../src/store/entities.js';
import type { Entities } from '../../src/record/schema.js';

describe('linkRecord when another writer wins the insert of a new entity', () => {
  it('fails with a retryable E_STORE carrying the entity and the lost insert', () => {
    const entities: Entities = {
      people: [{ name: 'Ada Okoro', aliases: [], mentions: 1 }],
      countries: [],
      organizations: [],
      places: [],
      dates: [],
    };
    const step = linkRecord('postgres', 'r1', entities, '2024-01-01T00:00:00Z');
    let r = step.next();
    let caught: unknown;
    try {
      // every lookup finds nothing, the INSERT … ON CONFLICT DO NOTHING returns no id (lost), and the
      // row of the winner is not found either
      while (!r.done) r = step.next([]);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    const e = caught as StoreError;
    expect(e.code).toBe('E_STORE');
    expect(e.retryable).toBe(true);
    expect(e.context).toMatchObject({ recordId: 'r1', type: 'person', key: 'ada okoro' });
    expect(e.cause).toMatchObject({ insertConflict: { type: 'person', key: 'ada okoro' } });
  });
});
