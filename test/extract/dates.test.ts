import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDates } from '../../src/extract/dates.js';

// Sunday 17 September 2023, mid-morning
const SUN = '2023-09-17T10:00:00Z';

/** The value given to the mention whose text is `text` (throws when there is none). */
function valueOf(text: string, sentence: string, publishedAt: string | null = SUN): string | null {
  const found = extractDates(sentence, publishedAt).filter((d) => d.text === text);
  if (found.length !== 1) throw new Error(`expected one "${text}" in ${JSON.stringify(extractDates(sentence, publishedAt))}`);
  return found[0].value;
}

describe('extractDates: weekdays lean to the past', () => {
  it('resolves a bare weekday to the most recent one before publication', () => {
    expect(valueOf('Saturday', 'The ministers signed the charter on Saturday in Bamako.')).toBe('2023-09-16');
    expect(valueOf('Tuesday', 'Protesters gathered outside the parliament on Tuesday.')).toBe('2023-09-12');
  });

  it('gives the publication day itself to its own weekday', () => {
    expect(valueOf('Sunday morning', 'Polling stations opened on Sunday morning across the region.')).toBe('2023-09-17');
    expect(valueOf('Sunday', 'Polling stations opened on Sunday across the region.')).toBe('2023-09-17');
  });

  it('looks forward when the sentence is in the future tense', () => {
    expect(valueOf('Tuesday', 'The cabinet will meet on Tuesday to discuss the budget.')).toBe('2023-09-19');
    expect(valueOf('Friday', 'The rescue team could arrive as early as Friday, officials said.')).toBe('2023-09-22');
  });

  it('handles last/next and parts of the day', () => {
    expect(valueOf('last Sunday', 'The ferry sank last Sunday near the harbour.')).toBe('2023-09-10');
    expect(valueOf('next Monday', 'Schools reopen next Monday after the floods.')).toBe('2023-09-18');
    expect(valueOf('this coming Saturday', 'The march is set for this coming Saturday.')).toBe('2023-09-23');
    expect(valueOf('a month or so ago', 'The talks collapsed a month or so ago.')).toBe('2023-08');
    expect(valueOf('Thursday night', 'The storm reached the coast Thursday night.')).toBe('2023-09-14');
    expect(valueOf('Earlier Sunday', 'Earlier Sunday, the mayor toured the damaged district.')).toBe('2023-09-17');
  });

  it('crosses a year boundary backwards', () => {
    // Monday 1 January 2024: "Friday" is 29 December 2023
    expect(valueOf('Friday', 'The bridge was closed on Friday after cracks appeared.', '2024-01-01')).toBe('2023-12-29');
  });

  it('gives one value to the same weekday within an article', () => {
    const text = 'The strike began on Friday. Unions said talks would resume, and on Friday they also blocked the port.';
    const fridays = extractDates(text, SUN).filter((d) => d.text === 'Friday');
    expect(fridays).toHaveLength(1);
    expect(fridays[0].value).toBe('2023-09-15');
    expect(fridays[0].mentions).toBe(2);
  });
});

describe('extractDates: months, days and years', () => {
  it('resolves a bare month to the past one, keeping month precision', () => {
    expect(valueOf('July', 'Soldiers overthrew the president in July.')).toBe('2023-07');
    expect(valueOf('December', 'The harvest failed in December.', '2024-01-10')).toBe('2023-12');
    expect(valueOf('early December', 'Prices started rising in early December.', '2024-01-10')).toBe('2023-12');
  });

  it('reads a month just ahead, or a future-tense month, as the coming one', () => {
    expect(valueOf('November', 'The summit is planned for November.', '2023-10-20')).toBe('2023-11');
    expect(valueOf('March', 'The new terminal will open in March.', '2023-09-17')).toBe('2024-03');
    // the future cue belongs to the next clause, and a month ten months ahead is too far for it anyway
    expect(valueOf('July', 'The bank cut its rate in July and will meet again soon.', '2023-09-17')).toBe('2023-07');
  });

  it('reads "last <month>" as the latest one before the current month', () => {
    expect(valueOf('last April', 'The law passed last April.')).toBe('2023-04');
    expect(valueOf('last August', 'The factory closed last August.')).toBe('2022-08');
  });

  it('keeps full dates and month-year phrases at their precision', () => {
    expect(valueOf('Sept. 16, 2023', 'The charter was signed on Sept. 16, 2023, in Bamako.')).toBe('2023-09-16');
    expect(valueOf('16 September 2023', 'It was signed on 16 September 2023.')).toBe('2023-09-16');
    expect(valueOf('1 May', 'Workers marched on 1 May across the country.')).toBe('2023-05-01');
    expect(valueOf('Saturday, Sept. 16', 'The charter, signed Saturday, Sept. 16, sets up a pact.')).toBe('2023-09-16');
    expect(valueOf('July 2022', 'The mine opened in July 2022.')).toBe('2022-07');
    expect(valueOf('2023-09-14', 'Filed 2023-09-14 at the registry.')).toBe('2023-09-14');
    expect(valueOf('2023-09-14', 'Updated 2023-09-14T08:30Z by the desk.')).toBe('2023-09-14');
  });

  it('takes the nearest year for a month and day without one', () => {
    expect(valueOf('Dec. 28', 'The fire broke out on Dec. 28 in a warehouse.', '2024-01-03')).toBe('2023-12-28');
    expect(valueOf('Oct. 2', 'The coupon falls due on Oct. 2, the bank said.', '2023-09-17')).toBe('2023-10-02');
    expect(valueOf('Aug. 30', 'Shares fell sharply on Aug. 30.', '2023-09-17')).toBe('2023-08-30');
  });

  it('finds bare years, decades, centuries and spoken years', () => {
    const text = 'The insurgency started in 2012 and spread in 2015; coups followed in the mid-1990s and after 2020.';
    const byText = new Map(extractDates(text, SUN).map((d) => [d.text, d.value]));
    expect(byText.get('2012')).toBe('2012');
    expect(byText.get('2015')).toBe('2015');
    expect(byText.get('2020')).toBe('2020');
    expect(byText.get('the mid-1990s')).toBe('199');
    expect(valueOf('the 20th century', 'It was the deadliest flood of the 20th century.')).toBe('19');
    expect(valueOf('nineteen eighty-four', 'The station first broadcast in nineteen eighty-four.')).toBe('1984');
  });

  it('keeps mid-year and fiscal-year phrases at year precision', () => {
    expect(valueOf('mid-1996', 'The treaty took effect in mid-1996.')).toBe('1996');
    expect(valueOf('fiscal 2022', 'Revenue doubled in fiscal 2022.')).toBe('2022');
    expect(valueOf('FY2024', 'The guidance for FY2024 was cut.')).toBe('2024');
    expect(valueOf('H1 2023', 'Margins narrowed in H1 2023.')).toBe('2023-H1');
  });

  it('does not take counts, money or modal verbs for dates', () => {
    expect(extractDates('The army deployed 1500 troops and spent $2000 on fuel.', SUN)).toEqual([]);
    expect(extractDates('The mill employs 2024 workers.', SUN)).toEqual([]);
    expect(valueOf('2020', 'The 2020 elections were contested.')).toBe('2020');
    expect(extractDates('The plan covers 2024-2026.', SUN).map((d) => d.value)).toEqual(['2024', '2026']);
    expect(extractDates('Officials may decide later. Theresa May spoke to reporters.', SUN)).toEqual([]);
  });
});

describe('extractDates: relative expressions', () => {
  it('counts back from the publication date at the right precision', () => {
    const text = 'Yesterday the port reopened. Last year exports fell; two years ago they rose, and three weeks ago the ban ended.';
    const byText = new Map(extractDates(text, SUN).map((d) => [d.text, d.value]));
    expect(byText.get('Yesterday')).toBe('2023-09-16');
    expect(valueOf('last night', 'Shelling resumed last night, residents said.')).toBe('2023-09-16');
    expect(byText.get('Last year')).toBe('2022');
    expect(byText.get('two years ago')).toBe('2021');
    expect(byText.get('three weeks ago')).toBe('2023-08-27');
  });

  it('reads every number word the spoken years know as a count too', () => {
    expect(valueOf('seventeen years ago', 'The mine closed seventeen years ago.')).toBe('2006');
    expect(valueOf('Sixty days ago', 'Sixty days ago the border reopened.')).toBe('2023-07-19');
    expect(valueOf('fifteen years ago', 'The dam was built fifteen years ago.')).toBe('2008');
  });

  it('resolves this/last/next week, month and year', () => {
    expect(valueOf('last week', 'Fighting resumed last week in the north.')).toBe('2023-W36');
    expect(valueOf('this week', 'The committee met twice this week.')).toBe('2023-W37');
    expect(valueOf('next month', 'Elections are due next month.')).toBe('2023-10');
    expect(valueOf('earlier this year', 'The road was finished earlier this year.')).toBe('2023');
    expect(valueOf('the past week', 'Clashes intensified in the past week.')).toBe('2023-W36');
  });

  it('keeps present and vague references with a null value, or drops them on request', () => {
    const text = 'The pact is now in force and is currently being tested; it was signed recently.';
    const found = extractDates(text, SUN);
    expect(found.map((d) => d.text).sort()).toEqual(['currently', 'now', 'recently']);
    expect(found.every((d) => d.value === null)).toBe(true);
    expect(extractDates(text, SUN, { keepVague: false })).toEqual([]);
  });

  it('reads "that year" as the year named last', () => {
    expect(valueOf('later that year', 'The plant opened in March 2011 and closed later that year.')).toBe('2011');
    expect(valueOf('that year', 'Sales that year were flat.')).toBeNull();
    expect(valueOf('the nineties', 'Crime fell through the nineties.')).toBe('199');
  });

  it('treats story-relative phrases as unresolvable', () => {
    expect(valueOf('the following year', 'He was promoted in 2010 and the following year he resigned.')).toBeNull();
  });
});

describe('extractDates: quarters, halves, seasons, holidays', () => {
  const OCT = '2023-10-25';

  it('resolves quarters to the latest one that has begun', () => {
    expect(valueOf('the third quarter', 'Profit rose 5% in the third quarter.', OCT)).toBe('2023-Q3');
    expect(valueOf('the fourth quarter', 'Sales in the fourth quarter were weak.', '2024-01-20')).toBe('2023-Q4');
    expect(valueOf('the second quarter of 2021', 'Losses peaked in the second quarter of 2021.', OCT)).toBe('2021-Q2');
    expect(valueOf('Q4 2022', 'Deliveries slipped in Q4 2022.', OCT)).toBe('2022-Q4');
  });

  it('survives "a third-quarter loss" and ties "a year earlier" to the quarter discussed', () => {
    const text = 'The airline posted a third-quarter loss, against a profit a year earlier. In the quarter, fuel costs rose.';
    const byText = new Map(extractDates(text, OCT).map((d) => [d.text, d.value]));
    expect(byText.get('third-quarter')).toBe('2023-Q3');
    expect(byText.get('a year earlier')).toBe('2022-Q3');
    expect(byText.get('the quarter')).toBe('2023-Q3');
    expect(valueOf('the year-ago quarter', 'Revenue beat the year-ago quarter.', OCT)).toBe('2022-Q3');
    // an outlook quarter does not become the one under discussion
    const outlook = 'Profit rose in the third quarter and should grow in the fourth quarter. In the year-ago period, it fell.';
    expect(new Map(extractDates(outlook, OCT).map((d) => [d.text, d.value])).get('the year-ago period')).toBe('2022-Q3');
  });

  it('leaves quarters and halves of a game alone', () => {
    expect(extractDates('The Bears scored a fourth-quarter touchdown and won in overtime.', OCT)).toEqual([]);
    expect(extractDates('A second-half penalty gave the visitors the lead.', OCT)).toEqual([]);
    expect(valueOf('first-half', 'The retailer said first-half profit rose.', OCT)).toBe('2023-H1');
  });

  it('resolves halves, seasons and holidays', () => {
    expect(valueOf('the first half of 2022', 'Output grew in the first half of 2022.')).toBe('2022-H1');
    expect(valueOf('last winter', 'The canal froze last winter.')).toBe('2022-WI');
    expect(valueOf('this summer', 'Tourism recovered this summer.')).toBe('2023-SU');
    expect(valueOf('Thanksgiving', 'The boat was found on Thanksgiving.', '2023-12-05')).toBe('2023-11-23');
    expect(valueOf('Christmas', 'Shops expect crowds before Christmas, and prices will rise.', '2023-12-05')).toBe('2023-12-25');
    expect(valueOf('Black Friday', 'Black Friday sales beat estimates.', '2023-09-17')).toBe('2022-11-25');
    expect(extractDates('The Good Friday Agreement brought peace.', SUN)).toEqual([]);
    expect(extractDates('The Sunday Times reported the deal.', SUN)).toEqual([]);
    expect(extractDates('She told USA Today the plan was dead.', SUN)).toEqual([]);
    expect(valueOf('Today', 'Markets fell. Today the bank will decide.')).toBe('2023-09-17');
  });
});

describe('extractDates: without a publication date', () => {
  it('resolves absolute dates and leaves relative ones null', () => {
    const text = 'The alliance was formed on Saturday, three years after the 2020 coup, and expanded in March 2021.';
    const byText = new Map(extractDates(text, null).map((d) => [d.text, d.value]));
    expect(byText.get('Saturday')).toBeNull();
    expect(byText.get('2020')).toBe('2020');
    expect(byText.get('March 2021')).toBe('2021-03');
  });

  it('ignores an unparseable publication date rather than failing', () => {
    expect(valueOf('yesterday', 'The vote took place yesterday.', 'not a date')).toBeNull();
  });
});

describe('extractDates: record shape', () => {
  it('gives spans that point at each mention and one entry per text and value', () => {
    const text = 'In 2012 the revolt began. By 2015 a deal was signed, and in 2012 nobody expected it.';
    const found = extractDates(text, SUN);
    const y2012 = found.find((d) => d.text === '2012')!;
    expect(y2012.mentions).toBe(2);
    expect(y2012.spans).toHaveLength(2);
    for (const d of found) for (const [s, e] of d.spans!) expect(text.slice(s, e)).toBe(d.text);
    expect(new Set(found.map((d) => `${d.text}|${d.value}`)).size).toBe(found.length);
  });

  it('finds the dates of the sample article', () => {
    const text = readFileSync(new URL('../../fixtures/sahel-alliance.txt', import.meta.url), 'utf8');
    const byText = new Map(extractDates(text, SUN).map((d) => [d.text, d.value]));
    expect(byText.get('July')).toBe('2023-07');
    expect(byText.get('Saturday')).toBe('2023-09-16');
    expect(byText.get('2012')).toBe('2012');
    expect(byText.get('2015')).toBe('2015');
    expect(byText.get('2020')).toBe('2020');
  });

  it('does not throw on odd input', () => {
    const odd = ['', '   ', 'Q9 2023', 'on the 45th of Febuary', 'Feb. 30, 2023', '9/99/2023', 'a '.repeat(5000), '\u0000\u202e2023'];
    for (const t of odd) expect(() => extractDates(t, SUN)).not.toThrow();
    expect(valueOf('Feb. 30, 2023', 'Feb. 30, 2023 was printed on the ticket.')).toBeNull();
  });
});
