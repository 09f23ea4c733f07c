// Selector queries over a page's element list, prefiltered by what each selector's subject needs.
//
// `$(selector)` walks the whole tree and runs css-select's test on every element, once per query;
// the byline and headline tables make up to fifteen such queries a page (~4 % of clean + extract).
// Nearly every selector there names a tag or an attribute in its subject (the part after the last
// combinator: `h1`, `.byline`, `[itemprop~="author"]`), and an element without that tag or attribute
// cannot match; nor can one whose attribute does not hold the selector's value somewhere (any case).
// So the page's elements are first screened by those needs (a property lookup and a substring test
// each), and only the few left go through cheerio's own `filter(selector)`: same elements, same order.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { parse, type Selector } from 'css-what';

/** An attribute the subject tests, and a value it must contain (any case) when the test names one. */
interface AttributeNeed {
  name: string;
  contains: RegExp | null;
}

/** What one comma-separated alternative's subject requires of an element. */
interface SubjectNeeds {
  tag: string | null;
  attributes: AttributeNeed[];
}

/** Attribute tests that match only a value containing theirs: =, ~=, |=, ^=, $=, *= (css-what's names). */
const VALUE_ACTIONS = new Set(['equals', 'element', 'hyphen', 'start', 'end', 'any']);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMBINATORS = new Set(['child', 'descendant', 'sibling', 'adjacent', 'parent', 'column-combinator']);

/** Needs of each alternative, or null when some alternative needs nothing checkable (`*`, `:not(…)` alone). */
function subjectNeeds(selector: string): SubjectNeeds[] | null {
  const out: SubjectNeeds[] = [];
  for (const alternative of parse(selector)) {
    let subject: Selector[] = alternative;
    for (let i = alternative.length - 1; i >= 0; i--) {
      if (COMBINATORS.has(alternative[i].type)) {
        subject = alternative.slice(i + 1);
        break;
      }
    }
    const needs: SubjectNeeds = { tag: null, attributes: [] };
    for (const token of subject) {
      if (token.type === 'tag') needs.tag = token.name.toLowerCase();
      // Every attribute test but jQuery's [a!=v] fails on an element without the attribute.
      else if (token.type === 'attribute' && token.action !== 'not')
        needs.attributes.push({
          name: token.name.toLowerCase(),
          // A test for "" matches nothing (*=, ^=, $=) or only "" (=): no value to look for.
          contains: VALUE_ACTIONS.has(token.action) && token.value ? new RegExp(escapeRegExp(token.value), 'i') : null,
        });
    }
    if (!needs.tag && !needs.attributes.length) return null;
    out.push(needs);
  }
  return out;
}

/**
 * A selector's needs, with a quick first test. Most alternatives of a selector look for a value in
 * the same attribute (".byline, .by-line, [class*=\"byline\"]" all read `class`): one regular
 * expression per attribute, the union of those values, rejects most elements in one test instead of
 * one per alternative. Only an element it lets through (or one an alternative without such a value
 * may match) goes on to the alternatives one by one.
 */
interface Screen {
  needs: SubjectNeeds[];
  /** Per attribute: the union of the values the alternatives look for in it, first in each alternative. */
  byAttribute: Array<{ name: string; any: RegExp }>;
  /** Alternatives that look for no value (a tag, an attribute's presence): tried on every element. */
  valueless: SubjectNeeds[];
}

function screenOf(needs: SubjectNeeds[]): Screen {
  const values = new Map<string, string[]>();
  const valueless: SubjectNeeds[] = [];
  for (const n of needs) {
    const first = n.attributes.find((a) => a.contains !== null);
    if (!first) valueless.push(n);
    else values.set(first.name, [...(values.get(first.name) ?? []), first.contains!.source]);
  }
  const byAttribute = [...values].map(([name, sources]) => ({ name, any: new RegExp(sources.join('|'), 'i') }));
  return { needs, byAttribute, valueless };
}

const screenCache = new Map<string, Screen | null>();

function screenFor(selector: string): Screen | null {
  let screen = screenCache.get(selector);
  if (screen === undefined) {
    const needs = subjectNeeds(selector);
    screen = needs ? screenOf(needs) : null;
    screenCache.set(selector, screen);
  }
  return screen;
}

/** Whether the element may match: a superset of the elements the selector matches. */
function passes(el: Element, screen: Screen): boolean {
  if (screen.valueless.length && meetsAny(el, screen.valueless)) return true;
  for (const { name, any } of screen.byAttribute) {
    const value = el.attribs[name];
    if (value !== undefined && any.test(value)) return meetsAny(el, screen.needs);
  }
  return false;
}

/** Whether the element has the tag and attributes (with their values) of one of the alternatives.
 *  Plain loops: this runs for every element of the page on every query, and closures here were 15 % of
 *  the pipeline's allocations. */
function meetsAny(el: Element, needs: SubjectNeeds[]): boolean {
  for (const n of needs) {
    if (n.tag !== null && el.name !== n.tag) continue;
    let all = true;
    for (const a of n.attributes) {
      const value = el.attribs[a.name];
      if (value === undefined || (a.contains !== null && !a.contains.test(value))) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * `$(selector)` over `elements` (all of the page's elements, in document order): the same selection,
 * with css-select run only on the elements that have what the selector's subject names.
 */
export function selectAll($: CheerioAPI, elements: readonly Element[], selector: string) {
  const screen = screenFor(selector);
  if (!screen) return $(selector);
  const candidates: Element[] = [];
  for (const el of elements) if (passes(el, screen)) candidates.push(el);
  return $(candidates).filter(selector);
}
