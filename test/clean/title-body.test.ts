import { describe, expect, it } from 'vitest';
import { titleFromBody } from '../../src/clean/title-body.js';

const story = [
  'The harbour board on Tuesday approved a new ferry pier at the north quay, ending three years of argument over the site.',
  'Work is due to start in the spring.',
];

describe('titleFromBody', () => {
  it('takes the heading the article’s first lines repeat', () => {
    expect(titleFromBody(['Winger signs a two-year deal', 'Harbour board approves ferry pier'], story)).toBe(
      'Harbour board approves ferry pier',
    );
  });

  it('takes no heading far from the article’s text', () => {
    expect(titleFromBody(['NEXT MATCH - 9th April', 'Powered by Example Wire'], story)).toBeNull();
  });

  it('does not count function words as agreement', () => {
    expect(titleFromBody(['On the site of the year'], story)).toBeNull();
  });

  it('needs headings and a body', () => {
    expect(titleFromBody(undefined, story)).toBeNull();
    expect(titleFromBody(['Harbour board approves ferry pier'], [])).toBeNull();
  });
});
