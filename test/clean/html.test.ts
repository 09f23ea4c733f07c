// cleanHtml on small hand-written pages: what is kept as the body, what is dropped, and the flags.
import { describe, expect, it } from 'vitest';
import { cleanHtml, looksBinary } from '../../src/clean/html.js';
import { clean } from '../../src/clean/index.js';
import { DEFAULT_CLEAN_LIMITS } from '../../src/clean/limits.js';
import { NotArticleError } from '../../src/errors.js';

const run = (html: string, url: string | null = 'https://news.example.org/2024/05/harbour-bridge') =>
  cleanHtml(html, { url }, DEFAULT_CLEAN_LIMITS);
const paras = (text: string) => text.split('\n\n');

const CHROME_TOP = `
  <header class="site-header"><a href="/">Riverside Gazette</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>`;
const CHROME_BOTTOM = `
  <footer class="site-footer"><p>© 2024 Riverside Gazette Media Ltd. All rights reserved.</p>
    <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>`;

const P1 =
  'The council voted on Tuesday evening to close the old harbour bridge to cars from June, ending a decade of arguments over its crumbling supports.';
const P2 =
  'Engineers told the meeting that the steel frame, built in 1931, had lost almost a third of its strength, and that repairs would cost more than a new crossing.';
const P3 =
  'Shop owners on Quay Street, who depend on passing trade, said they feared a quiet summer, although a shuttle bus will run every ten minutes.';
const P4 =
  'A public consultation on the design of the replacement bridge opens next month, and the council hopes to start building in the spring of 2026.';

describe('cleanHtml: article body', () => {
  it('takes the article inside <main> and drops header, nav, footer, title and byline', () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour bridge to close to cars | Riverside Gazette</title>
      <meta property="og:title" content="Harbour bridge to close to cars"></head><body>${CHROME_TOP}
      <main id="main-content"><article>
        <h1>Harbour bridge to close to cars</h1>
        <p class="byline">By Martha Quinn</p>
        <p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>
      </article></main>${CHROME_BOTTOM}</body></html>`;
    const a = run(html);
    expect(paras(a.text)).toEqual([P1, P2, P3, P4]);
    expect(a.text).not.toMatch(/Riverside Gazette|Opinion|All rights reserved|Martha Quinn/);
    expect(a.language).toBe('en');
    expect(a.flags?.empty).toBeUndefined();
  });

  it('splits <br>-separated text into paragraphs', () => {
    const html = `<html><body>${CHROME_TOP}<div id="story" class="story-text">${P1}<br><br>${P2}<br/><br/>${P3}<br>${P4}</div>${CHROME_BOTTOM}</body></html>`;
    expect(paras(run(html).text)).toEqual([P1, P2, P3, P4]);
  });

  it('keeps the blank-line paragraphs of preformatted text', () => {
    const html = `<html><body><div class="post-body"><pre>${P1}\n\n${P2}\n   \n${P3}</pre></div></body></html>`;
    expect(paras(run(html).text)).toEqual([P1, P2, P3]);
  });

  it('keeps headings and list items as their own paragraphs, and linked paragraphs', () => {
    const html = `<html><body><div class="article-body">
      <p>${P1}</p>
      <h2>What changes for drivers</h2>
      <p>${P2}</p>
      <ul><li>Cars will use the ring road from 3 June.</li><li>Cyclists and walkers can still cross.</li><li>Delivery vans get permits until August.</li></ul>
      <p>${P3} <a href="/2023/bridge-report">The engineers' report from last year</a> is online.</p>
      <p>${P4}</p>
    </div></body></html>`;
    const out = paras(run(html).text);
    expect(out).toEqual([
      P1,
      'What changes for drivers',
      P2,
      'Cars will use the ring road from 3 June.',
      'Cyclists and walkers can still cross.',
      'Delivery vans get permits until August.',
      `${P3} The engineers' report from last year is online.`,
      P4,
    ]);
  });

  it('removes share bars, newsletter prompts, related links, ads, captions and comments inside the article', () => {
    const html = `<html><body><article class="post">
      <div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Tweet</a><a href="#">Email</a></div>
      <figure><img src="bridge.jpg" alt=""><figcaption>The old bridge at dusk. Photo: J. Wren</figcaption></figure>
      <p>${P1}</p>
      <div class="ad-slot ad-container"><span>Advertisement</span></div>
      <p>${P2}</p>
      <div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and get the news in your inbox every morning before seven.</p></div>
      <p>${P3}</p>
      <aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Ferry timetable changes this summer</a></li><li><a href="/b">New cycle lanes for the old town</a></li></ul></aside>
      <p>${P4}</p>
      <section id="comments" class="comments-area"><h2>3 comments</h2><p>Finally! This bridge has been a danger for years, glad they are doing something about it now.</p></section>
    </article></body></html>`;
    const a = run(html);
    expect(paras(a.text)).toEqual([P1, P2, P3, P4]);
  });

  it('keeps a link line that is part of a <br>-split paragraph', () => {
    const html = `<html><body><div class="entry-content"><p>${P1}</p>
      <p>1) A wooden model of the old harbour bridge, hand-painted by a local artist, with a stand<br>
      <a href="https://shop.example.org/p/1">https://shop.example.org/p/1</a><br>
      2) The harbour bridge calendar for next year, with twelve photographs from the archive<br>
      <a href="https://shop.example.org/p/2">https://shop.example.org/p/2</a></p><p>${P2}</p></div></body></html>`;
    const out = paras(run(html).text);
    expect(out).toContain('https://shop.example.org/p/1');
    expect(out).toContain('https://shop.example.org/p/2');
    expect(out[0]).toBe(P1);
    expect(out.at(-1)).toBe(P2);
  });

  it('drops a link list inside the container but keeps the text around it', () => {
    const links = Array.from({ length: 6 }, (_, i) => `<li><a href="/story/${i}">Other headline number ${i} about the town</a></li>`).join(
      '',
    );
    const html = `<html><body><div class="entry-content"><p>${P1}</p><p>${P2}</p><ul>${links}</ul><p>${P3}</p></div></body></html>`;
    expect(paras(run(html).text)).toEqual([P1, P2, P3]);
  });

  it('uses JSON-LD for metadata and falls back to its articleBody when the markup has no text', () => {
    const body = `${P1}\n\n${P2}\n\n${P3}`;
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour bridge to close to cars',
      articleBody: body,
      inLanguage: 'en',
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
      <body><div id="app"><div class="loading">Loading…</div></div></body></html>`;
    const a = run(html);
    expect(paras(a.text)).toEqual([P1, P2, P3]);
    expect(a.title).toBe('Harbour bridge to close to cars');
  });

  it('prefers the markup over JSON-LD when the markup has the article', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Harbour bridge', articleBody: `${P1} ${P2} ${P3} ${P4}` };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
      <body><article><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p></article></body></html>`;
    expect(paras(run(html).text)).toEqual([P1, P2, P3, P4]);
  });

  it('prefers the article over a longer listing of teaser <article>s beside it', () => {
    const teaser = (i: number) => `<article class="post type-post teaser-${i}"><h2><a href="/t/${i}">Another story number ${i}</a></h2>
      <p>A summary of another story, number ${i}, with enough words, commas, and clauses to look like a paragraph of text.</p>
      <p>Its second summary line goes on a little, describing the weather, the market, and the crowds at the fair.</p></article>`;
    const html = `<html><body><div class="wrap">
      <article class="post type-post single"><h1>Harbour bridge</h1><p>${P1}</p><p>${P2}</p></article>
      <section class="more-posts-grid">${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</section>
    </div></body></html>`;
    expect(paras(run(html).text)).toEqual([P1, P2]);
  });

  it('keeps a data table inside a long <figure>, one paragraph per row, and drops image figures', () => {
    const rows = [
      ['Team', 'Played', 'Points'],
      ['Harbour Rovers', '12', '27'],
      ['Quay Street Athletic', '12', '24'],
      ['Old Town United', '11', '19'],
    ];
    const table = `<figure class="wp-block-table"><table><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>
      <figcaption>Table after the eleventh round, with the points from the replayed match against the Rovers added.</figcaption></figure>`;
    const html = `<html><body><article><p>${P1}</p><figure><img src="a.jpg"><figcaption>The ground at dusk.</figcaption></figure>${table}<p>${P2}</p></article></body></html>`;
    const out = paras(run(html).text);
    expect(out[0]).toBe(P1);
    expect(out).toContain('Team | Played | Points');
    expect(out).toContain('Quay Street Athletic | 12 | 24');
    expect(out).not.toContain('The ground at dusk.');
    expect(out.at(-1)).toBe(P2);
  });

  it('merges an article split into sections by an ad', () => {
    const html = `<html><body><div class="content">
      <div class="article-section"><p>${P1}</p><p>${P2}</p></div>
      <div class="dfp-ad"><p>Advertisement</p></div>
      <div class="article-section"><p>${P3}</p><p>${P4}</p></div>
    </div><div class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Storm closes the ferry</a></li></ol></div></body></html>`;
    expect(paras(run(html).text)).toEqual([P1, P2, P3, P4]);
  });
});

describe('cleanHtml: a WordPress post', () => {
  const P = (n: number) =>
    `Paragraph ${n} of the post explains, in some detail, how the allotment society rebuilt the greenhouse after the storm, and why it took so long.`;
  const html = `<!DOCTYPE html><html lang="en-GB"><head><title>Rebuilding the greenhouse – Allotment Notes</title></head>
<body class="post-template-default single single-post postid-42 has-sidebar">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Allotment Notes</a></p><p class="site-description">News from plot 14</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/about">About</a></li><li><a href="/blog">Blog</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-news">
<header class="entry-header"><h1 class="entry-title">Rebuilding the greenhouse</h1><div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2024-03-02">2 March 2024</time></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/jo">Jo</a></span></span></div></header>
<div class="entry-content"><p>${P(1)}</p><p>${P(2)}</p><h3>The new frame</h3><p>${P(3)}</p>
<blockquote><p>We could not have done it without the neighbours, who lent us ladders, tools and a great deal of patience.</p></blockquote>
<p>${P(4)}</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-twitter"><a href="#">Twitter</a></li><li class="share-facebook"><a href="#">Facebook</a></li></ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items"><p><a href="/a">Seed swap in April</a></p><p><a href="/b">Winter onions</a></p></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/news">News</a></span></footer></article>
<div class="author-bio"><h2>About Jo</h2><p>Jo has kept plot 14 since 2009 and writes about compost, broad beans and the committee.</p></div>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/prev">Previous post: Frost again</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Rebuilding the greenhouse”</h2><ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta">Sam says:</footer><div class="comment-content"><p>Great work everyone, it looks better than the old one, and the door finally closes properly in the wind.</p></div></article></li><li class="comment"><article class="comment-body"><div class="comment-content"><p>Well done to all the volunteers who came out on such a cold weekend, and thanks for the tea and biscuits.</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published.</p><textarea></textarea></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/x">Frost again</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer></div></body></html>`;

  it('keeps the post and its quote; drops masthead, meta, sharing, related posts, bio, post navigation, comments and widgets', () => {
    const a = run(html);
    expect(paras(a.text)).toEqual([
      P(1),
      P(2),
      'The new frame',
      P(3),
      'We could not have done it without the neighbours, who lent us ladders, tools and a great deal of patience.',
      P(4),
    ]);
  });
});

describe('cleanHtml: walls and flags', () => {
  it('flags a consent wall and never returns the banner as the article', () => {
    const html = `<html><body>
      <div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" role="dialog" aria-modal="true">
        <p>We and our partners use cookies to store and access personal data on your device, to measure audiences and personalise ads and content.</p>
        <button>Accept all</button><button>Manage preferences</button></div></div>
      <div class="sp_message_container"><p>Please accept cookies to read this page, we value your privacy and your consent.</p></div>
    </body></html>`;
    const a = run(html);
    expect(a.text).toBe('');
    expect(a.flags?.consentWall).toBe(true);
  });

  it('recognises an unlabelled consent wall by its phrases, but keeps a short news item about cookies', () => {
    const wall = `<html><body><div class="fc-root"><div class="x1"><h2>We value your privacy</h2>
      <p>We and our partners store and/or access information on a device, such as cookies, and process personal data for personalised ads and content.</p>
      <p>Accept all</p><p>Manage options</p></div></div></body></html>`;
    const w = run(wall);
    expect(w.text).toBe('');
    expect(w.flags?.consentWall).toBe(true);
    const brief = `<html><body><article><p>The regulator fined a bakery chain on Monday after its loyalty app kept cookies and shared personal data without asking customers first, officials said.</p></article></body></html>`;
    const b = run(brief);
    expect(b.text).toContain('fined a bakery chain');
    expect(b.flags?.consentWall).toBeUndefined();
  });

  it('keeps the article when a consent layer sits on top of it', () => {
    const html = `<html><body aria-hidden="true" class="didomi-popup-open">
      <div id="didomi-host"><div class="didomi-popup" role="dialog" aria-modal="true"><p>We use cookies and similar technologies with our partners to improve your experience.</p><button>Agree</button></div></div>
      <article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article></body></html>`;
    const a = run(html);
    expect(paras(a.text)).toEqual([P1, P2, P3]);
    expect(a.flags?.consentWall).toBeUndefined();
  });

  it('flags a paywall teaser', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget","isAccessibleForFree":false}</script></head>
      <body><article><p>${P1}</p><div class="paywall-prompt"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div></article></body></html>`;
    const a = run(html);
    expect(a.flags?.paywall).toBe(true);
    expect(a.text).toContain(P1);
    expect(a.text).not.toMatch(/Subscribe to continue/);
  });

  it('flags an empty page', () => {
    const a = run('<html><head><title>Nothing here</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    expect(a.text).toBe('');
    expect(a.flags?.empty).toBe(true);
  });

  it('says why a page is empty: no text, only links, too little running text', () => {
    expect(run('<html><head><title>Blank</title></head><body><img src="a.jpg"></body></html>').flags?.emptyReason).toBe('no-text');
    const links = Array.from({ length: 30 }, (_, i) => `<a href="/s/${i}">Story number ${i} in the index of this section</a><br>`).join('');
    const index = run(`<html><body><div class="list">${links}</div></body></html>`);
    expect(index.text).toBe('');
    expect(index.flags?.emptyReason).toBe('links-only');
    const comments = run('<html><body><div id="comments"><p>Great read, thanks.</p><p>Agreed!</p></div></body></html>');
    expect(comments.text).toBe('');
    expect(comments.flags?.emptyReason).toBe('too-short');
  });

  it('flags a publication time that has no zone, and not one with an offset', () => {
    const page = (date: string) =>
      `<html><head><meta property="article:published_time" content="${date}"></head><body><article><p>${P1}</p><p>${P2}</p></article></body></html>`;
    const zoneless = clean(page('2023-09-17T19:00:00'), { fileName: 'a.html' });
    expect(zoneless.publishedAt).toBe('2023-09-17T19:00:00');
    expect(zoneless.flags?.publishedZoneUnknown).toBe(true);
    expect(clean(page('2023-09-17T19:00:00+09:00'), { fileName: 'a.html' }).flags?.publishedZoneUnknown).toBeUndefined();
    expect(clean(page('2023-09-17'), { fileName: 'a.html' }).flags?.publishedZoneUnknown).toBeUndefined();
  });

  it('finds a story that a mangled tag left inside <head>', () => {
    // The unterminated attribute value swallows "</head><body ...": the parser keeps the page in <head>.
    const html = `<html><head><title>Harbour bridge</title><meta http-equiv="x-ua content="ie=edge">
      </head><body onload="init()"><div id="story">${P1}<br><br>${P2}<br><br>${P3}</div></body></html>`;
    expect(paras(run(html).text)).toEqual([P1, P2, P3]);
  });

  it('falls back to the densest text block when the scored path finds only a line', () => {
    const html = `<html><body><div id="loading">Loading...</div><div id="page" style="display:none"><table><tr>
      <td><a href="/">Home</a><br><a href="/news">News</a></td><td>${P1}<br><br>${P2}<br><br>${P3}</td></tr></table></div></body></html>`;
    const a = run(html);
    expect(paras(a.text)).toEqual([P1, P2, P3]);
    expect(a.flags?.empty).toBeUndefined();
  });

  it('returns short pages whole when no paragraph is long enough to score', () => {
    expect(run('<html><body><p>Hello there.</p><p>Short note.</p></body></html>').text).toBe('Hello there.\n\nShort note.');
  });

  it('rejects binary input with a typed error', () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const text = new TextDecoder().decode(bytes);
    expect(looksBinary(text)).toBe(true);
    expect(() => run(text)).toThrow(NotArticleError);
  });

  it('caps paragraphs and characters and flags the record truncated', () => {
    const html = `<html><body><article>${Array.from({ length: 50 }, () => `<p>${P1}</p>`).join('')}</article></body></html>`;
    const a = cleanHtml(html, {}, { ...DEFAULT_CLEAN_LIMITS, maxParagraphs: 10 });
    expect(paras(a.text)).toHaveLength(10);
    expect(a.flags?.truncated).toBe(true);
    const b = cleanHtml(html, {}, { ...DEFAULT_CLEAN_LIMITS, maxTextChars: 1000 });
    expect(b.text.length).toBeLessThanOrEqual(1000);
    expect(b.flags?.truncated).toBe(true);
  });

  it('is reached through clean() for HTML input', () => {
    const a = clean(`<html><body><article><p>${P1}</p><p>${P2}</p></article></body></html>`, { url: 'https://news.example.org/x' });
    expect(paras(a.text)).toEqual([P1, P2]);
    expect(a.url).toBe('https://news.example.org/x');
  });
});
