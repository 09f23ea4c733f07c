// Named tables of what is not article text by structure: tags, ARIA roles, class/id patterns (the
// phrase tables for short texts and lines are in phrases.ts).
// Kept as data so that a change is a reviewable diff (models: Readability's REGEXPS, trafilatura's
// discard lists). Patterns match the element's "signature": `id + ' ' + class`, lower-cased.
//
// A bounded word inside a signature: separated by start/end, space, '-' or '_' (so "ad" matches
// "top-ad" and "ad_slot" but not "header" or "load").
const W = (words: string): RegExp => new RegExp(`(?:^|[\\s_-])(?:${words})(?=$|[\\s_-])`);

/**
 * Never article text: the subtree is dropped wherever it is. Not <head>: its own children (title,
 * meta, script...) are dropped one by one, and when a mangled tag swallowed <body>, the parser leaves
 * the whole page inside <head>.
 */
export const DROP_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'img',
  'map',
  'area',
  'title',
  'meta',
  'link',
  'base',
  'button',
  'input',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'progress',
  'meter',
  'dialog',
  'figcaption',
  'label',
  'fieldset',
  'legend',
]);

/** Page chrome by tag: navigation, asides, page header and footer, image figures. */
export const CHROME_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'menu', 'figure']);

/** ARIA roles of page chrome and overlays. */
export const CHROME_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'search',
  'dialog',
  'alertdialog',
  'toolbar',
  'tablist',
  'tooltip',
  'alert',
  'status',
]);

/**
 * Consent-management (CMP) layers and cookie banners: OneTrust, Didomi, Quantcast Choice, Sourcepoint,
 * TrustArc, Cookiebot, Usercentrics, Osano, Iubenda, Termly, generic cookie/consent/GDPR bars.
 */
export const CONSENT_PATTERNS: readonly RegExp[] = [
  /onetrust|optanon|ot-sdk|ot-pc-|didomi|qc-cmp|quantcast|sp_message|sp-message|sourcepoint|truste|trustarc|cookiebot|cybotcookie|usercentrics|uc-banner|osano|iubenda|termly|cookielaw|cookie-law|cookieconsent|cookie-consent|cookie_consent|cookie-banner|cookie-notice|cookie-bar|cookie-policy-banner|gdpr|cmp-|cmp_|consent|evidon|fides-|privacy-banner|privacy-notice|tcf-/,
  W('cookie|cookies|cmp'),
];

/** Paywall containers (their teaser text is PAYWALL_TEXT in phrases.ts). */
export const PAYWALL_PATTERNS: readonly RegExp[] = [
  /paywall|pay-wall|regwall|reg-wall|premium-content|subscriber-only|subscribers-only|paid-content|paidcontent|locked-content|content-locked|article-locked/,
  W('tp-modal|meter|metered|gate|gated|paygate|premium-gate|piano-paywall'),
];

export interface ClassRule {
  name: string;
  re: RegExp;
  /** strong: dropped even when the element holds most of the page's text (comments, consent). */
  strong: boolean;
  /** The rule applies only to elements with at most this many characters of text (captions are short). */
  maxText?: number;
}

/** Class/id patterns of boilerplate blocks. Weak rules spare an element that holds most of the page's text. */
export const BOILERPLATE_CLASS_RULES: readonly ClassRule[] = [
  { name: 'consent', re: CONSENT_PATTERNS[0], strong: true },
  {
    name: 'comments',
    re: W(
      'comments?|commentlist|commentary-list|comments-area|reader-comments|user-comments|fb-comments|respond|replies|responses|disqus|disqus_thread|dsq|coral|talk-stream|viafoura|vf',
    ),
    strong: true,
  },
  {
    name: 'ads',
    re: W(
      'ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|adbox|adblock|adbanner|admz|ad-slot|ad-unit|dfp|gpt|google-ad|sponsor|sponsored|sponsors|promo|promoted|promotion|commercial|taboola|outbrain|revcontent|zergnet|mgid|teads|nativo|ob-widget|trc_related_container|banner-ad|leaderboard|skyscraper|billboard|mpu|dfp-ad|ad-container|ad-wrapper|ad-placeholder|adsense|googletag',
    ),
    strong: false,
  },
  { name: 'ads-prefix', re: /(?:^|[\s])(ad-|ads-|adv-|advert|advertisement|dfp-|gpt-|taboola|outbrain|sponsored)/, strong: false },
  {
    name: 'share',
    re: W(
      'share|shares|sharing|sharebar|sharetools|sharethis|shareaholic|addthis|addtoany|a2a|social|socials|sociable|socialmedia|follow-us|followus|tweet-this|facebook-like|whatsapp|print-button',
    ),
    strong: false,
  },
  {
    name: 'newsletter',
    re: /newsletter|subscribe|subscription|sign-up|signup|optin|opt-in|mailchimp|email-capture|email-signup|inline-signup|nl-signup/,
    strong: false,
  },
  {
    name: 'related',
    re: /related|more-stories|more-from|more-news|more-articles|morenews|recommended|recommendation|recirc|read-more|readmore|read-next|readnext|also-read|alsoread|most-popular|mostpopular|most-read|mostread|trending|popular-|you-may|you-might|up-next|upnext|next-article|next-story|further-reading|more-on-|more-in-|suggested|teaser|card-list|story-list|headlines|latest-news|top-stories|jp-relatedposts|yarpp|crp_related|inline-link|see-also|seealso|editors-picks|partner-content|from-the-web|around-the-web/,
    strong: false,
  },
  {
    name: 'chrome',
    re: W(
      'nav|navbar|navigation|nav-bar|navmenu|menu|menubar|mega-menu|breadcrumb|breadcrumbs|masthead|header|site-header|page-header|global-header|footer|site-footer|page-footer|global-footer|sidebar|side-bar|rail|right-rail|left-rail|widget|widgets|toolbar|tool-bar|topbar|top-bar|skip|skip-link|skiplink|pagination|pager|utility|utility-bar|search|searchbox|search-form|login|signin|sign-in|account|user-menu|subnav|sub-nav|secondary|tertiary|site-nav|site-menu|top-nav|main-nav|primary-nav|drawer|offcanvas|off-canvas|overlay|modal|popup|pop-up|lightbox|tooltip|toast',
    ),
    strong: false,
  },
  { name: 'caption', re: /caption|photo-?credit|image-?credit|media-?credit|photocaption/, strong: false, maxText: 400 },
  {
    name: 'meta',
    re: W(
      'byline|by-line|author|authors|author-info|author-bio|authorbox|author-box|bio|dateline|timestamp|date|dates|time|published|updated|post-meta|entry-meta|article-meta|meta|metadata|meta-data|tags|tag-list|taglist|tagcloud|tag-cloud|categories|category|kicker|eyebrow|rubric|reading-time|read-time|caption|captions|credit|credits|image-credit|photo-credit|copyright|lightbox|gallery|slideshow|carousel|slider|video|video-player|videoplayer|media-credit|wp-caption-text|print|printer|hidden(?!-(?:xs|sm|md|lg|xl))|hide|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|offscreen|noprint|no-print|print-only|rating|ratings|poll|quiz|survey|badge|toc|table-of-contents',
    ),
    strong: false,
  },
];

/** Embedded posts (tweets, Instagram) quoted in the article: spared by the weak rules. */
export const EMBED_KEEP = /twitter-tweet|tweet-embed|embedded-tweet|article-tweet|instagram-media|bluesky-embed/;

/**
 * Class/id/attribute hints that an element is the article body. A strong hint (itemprop=articleBody,
 * article-body/story-body classes) raises the element's score a lot.
 */
export const BODY_HINTS: readonly RegExp[] = [
  /articlebody|article-body|article_body|article__body|articletext|article-text|article_text|article__text|article-content|article_content|article__content|articlecontent|article-copy|story-body|storybody|story-content|storycontent|story-text|story__body|post-body|postbody|post-content|postcontent|post_content|post-text|post-entry|entry-content|entry-body|entry_content|body-text|bodytext|body-copy|text-body|content-body|content__body|contentbody|main-text|article-main|rich-text|richtext|field-body|field-name-body|td-post-content|single-content|article-detail|articledetail|news-body|newsbody|news-content|news-text|detail-content|content-detail|article-inner/,
];

/** Readability-style class/id weights for candidate scoring. */
export const POSITIVE_SIGNATURE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/;
export const NEGATIVE_SIGNATURE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|social|newsletter|subscribe|teaser|recirc|byline|caption/;

/**
 * A short line that is a date stamp in any language: a year or a clock time, few words, no sentence
 * punctuation ("sexta-feira, 22 de outubro de 2010 às 20:13", "Mon 3 June 2024 09.15 BST").
 */
export function isDateLine(text: string): boolean {
  // Sentence punctuation (not the dot of "12. Mai" or "09.15") means prose.
  if (text.length > 70 || /(?<!\d)[.!?](\s+\p{Lu}|$)/u.test(text)) return false;
  if (!/\b(1[89]|20)\d{2}\b|\b\d{1,2}[:.h]\d{2}\b/.test(text)) return false;
  // A day and a year, or a clock time: one number alone is a heading ("Season 2018").
  if ((text.match(/\d+/g) ?? []).length < 2) return false;
  const words = text.split(/[\s,]+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length <= 7;
}
