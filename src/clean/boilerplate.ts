// Named tables of what is not article text: tags, ARIA roles, class/id patterns and short-text patterns.
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
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'audio', 'video', 'source', 'track', 'picture', 'img', 'map', 'area', 'title', 'meta', 'link', 'base',
  'button', 'input', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'progress', 'meter', 'dialog',
  'figcaption', 'label', 'fieldset', 'legend',
]);

/** Page chrome by tag: navigation, asides, page header and footer, image figures. */
export const CHROME_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'menu', 'figure']);

/** ARIA roles of page chrome and overlays. */
export const CHROME_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alertdialog', 'toolbar',
  'tablist', 'tooltip', 'alert', 'status',
]);

/**
 * Consent-management (CMP) layers and cookie banners: OneTrust, Didomi, Quantcast Choice, Sourcepoint,
 * TrustArc, Cookiebot, Usercentrics, Osano, Iubenda, Termly, generic cookie/consent/GDPR bars.
 */
export const CONSENT_PATTERNS: readonly RegExp[] = [
  /onetrust|optanon|ot-sdk|ot-pc-|didomi|qc-cmp|quantcast|sp_message|sp-message|sourcepoint|truste|trustarc|cookiebot|cybotcookie|usercentrics|uc-banner|osano|iubenda|termly|cookielaw|cookie-law|cookieconsent|cookie-consent|cookie_consent|cookie-banner|cookie-notice|cookie-bar|cookie-policy-banner|gdpr|cmp-|cmp_|consent|evidon|fides-|privacy-banner|privacy-notice|tcf-/,
  W('cookie|cookies|cmp'),
];

/** Phrases of consent banners. Short text with several of them is a consent wall, not an article. */
export const CONSENT_PHRASES: readonly RegExp[] = [
  /\bcookies?\b/i,
  /\bconsent\b/i,
  /\bprivacy (policy|settings|preferences|notice)\b/i,
  /\bwe (and our|value your) (partners|privacy)\b/i,
  /\bpersonal data\b/i,
  /\b(accept|reject|allow|refuse) (all|cookies)\b/i,
  /\bmanage (options|preferences|settings|cookies)\b/i,
  /\b(legitimate interest|vendors|store and\/or access information)\b/i,
  /\bpersonali[sz]ed (ads|advertising|content)\b/i,
];

/** Distinct consent phrases in a text. */
export function consentPhraseCount(text: string): number {
  let n = 0;
  for (const re of CONSENT_PHRASES) if (re.test(text)) n++;
  return n;
}

/** Paywall containers and their teaser text. */
export const PAYWALL_PATTERNS: readonly RegExp[] = [
  /paywall|pay-wall|regwall|reg-wall|premium-content|subscriber-only|subscribers-only|paid-content|paidcontent|locked-content|content-locked|article-locked/,
  W('tp-modal|meter|metered|gate|gated|paygate|premium-gate|piano-paywall'),
];
export const PAYWALL_TEXT = /\b(subscribe (now )?to (continue|keep) reading|(this|the) (article|story|content) is (only )?(available|reserved) (to|for) (subscribers|members)|already (a subscriber|have an account)\??\s*(sign|log) in|become a (subscriber|member) to (read|continue)|to continue reading,? (please )?(subscribe|log in|sign in)|you('ve| have) (reached|used) (your|all) (free|\d+) (articles|stories))\b/i;

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
  { name: 'comments', re: W('comments?|commentlist|commentary-list|comments-area|reader-comments|user-comments|fb-comments|respond|replies|responses|disqus|disqus_thread|dsq|coral|talk-stream|viafoura|vf'), strong: true },
  { name: 'ads', re: W('ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|adbox|adblock|adbanner|admz|ad-slot|ad-unit|dfp|gpt|google-ad|sponsor|sponsored|sponsors|promo|promoted|promotion|commercial|taboola|outbrain|revcontent|zergnet|mgid|teads|nativo|ob-widget|trc_related_container|banner-ad|leaderboard|skyscraper|billboard|mpu|dfp-ad|ad-container|ad-wrapper|ad-placeholder|adsense|googletag'), strong: false },
  { name: 'ads-prefix', re: /(?:^|[\s])(ad-|ads-|adv-|advert|advertisement|dfp-|gpt-|taboola|outbrain|sponsored)/, strong: false },
  { name: 'share', re: W('share|shares|sharing|sharebar|sharetools|sharethis|shareaholic|addthis|addtoany|a2a|social|socials|sociable|socialmedia|follow-us|followus|tweet-this|facebook-like|whatsapp|print-button'), strong: false },
  { name: 'newsletter', re: /newsletter|subscribe|subscription|sign-up|signup|optin|opt-in|mailchimp|email-capture|email-signup|inline-signup|nl-signup/, strong: false },
  { name: 'related', re: /related|more-stories|more-from|more-news|more-articles|morenews|recommended|recommendation|recirc|read-more|readmore|read-next|readnext|also-read|alsoread|most-popular|mostpopular|most-read|mostread|trending|popular-|you-may|you-might|up-next|upnext|next-article|next-story|further-reading|more-on-|more-in-|suggested|teaser|card-list|story-list|headlines|latest-news|top-stories|jp-relatedposts|yarpp|crp_related|inline-link|see-also|seealso|editors-picks|partner-content|from-the-web|around-the-web/, strong: false },
  { name: 'chrome', re: W('nav|navbar|navigation|nav-bar|navmenu|menu|menubar|mega-menu|breadcrumb|breadcrumbs|masthead|header|site-header|page-header|global-header|footer|site-footer|page-footer|global-footer|sidebar|side-bar|rail|right-rail|left-rail|widget|widgets|toolbar|tool-bar|topbar|top-bar|skip|skip-link|skiplink|pagination|pager|utility|utility-bar|search|searchbox|search-form|login|signin|sign-in|account|user-menu|subnav|sub-nav|secondary|tertiary|site-nav|site-menu|top-nav|main-nav|primary-nav|drawer|offcanvas|off-canvas|overlay|modal|popup|pop-up|lightbox|tooltip|toast'), strong: false },
  { name: 'caption', re: /caption|photo-?credit|image-?credit|media-?credit|photocaption/, strong: false, maxText: 400 },
  { name: 'meta', re: W('byline|by-line|author|authors|author-info|author-bio|authorbox|author-box|bio|dateline|timestamp|date|dates|time|published|updated|post-meta|entry-meta|article-meta|meta|metadata|meta-data|tags|tag-list|taglist|tagcloud|tag-cloud|categories|category|kicker|eyebrow|rubric|reading-time|read-time|caption|captions|credit|credits|image-credit|photo-credit|copyright|lightbox|gallery|slideshow|carousel|slider|video|video-player|videoplayer|media-credit|wp-caption-text|print|printer|hidden(?!-(?:xs|sm|md|lg|xl))|hide|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|offscreen|noprint|no-print|print-only|rating|ratings|poll|quiz|survey|badge|toc|table-of-contents'), strong: false },
];

/** Embedded posts (tweets, Instagram) quoted in the article: spared by the weak rules. */
export const EMBED_KEEP = /twitter-tweet|tweet-embed|embedded-tweet|article-tweet|instagram-media|bluesky-embed/;

/** Signatures that make a weak rule hold off: the element is probably the article wrapper. */
export const CONTENT_SIGNATURE = /article|content|body|main|story|entry|post|text|column|blog|page/;

/**
 * Class/id/attribute hints that an element is the article body. A strong hint (itemprop=articleBody,
 * article-body/story-body classes) raises the element's score a lot.
 */
export const BODY_HINTS: readonly RegExp[] = [
  /articlebody|article-body|article_body|article__body|articletext|article-text|article_text|article__text|article-content|article_content|article__content|articlecontent|article-copy|story-body|storybody|story-content|storycontent|story-text|story__body|post-body|postbody|post-content|postcontent|post_content|post-text|post-entry|entry-content|entry-body|entry_content|body-text|bodytext|body-copy|text-body|content-body|content__body|contentbody|main-text|article-main|rich-text|richtext|field-body|field-name-body|td-post-content|single-content|article-detail|articledetail|news-body|newsbody|news-content|news-text|detail-content|content-detail|article-inner/,
];

/** Readability-style class/id weights for candidate scoring. */
export const POSITIVE_SIGNATURE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/;
export const NEGATIVE_SIGNATURE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|social|newsletter|subscribe|teaser|recirc|byline|caption/;

/** Short blocks (after trimming) that are labels, prompts or chrome, never article text. */
export const BOILERPLATE_TEXT: readonly RegExp[] = [
  // Ad labels.
  /^(advertisement|advertising|advertisements|sponsored( content)?|paid (post|content)|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|реклама|광고|iklan|story continues below( advertisement)?|don'?t miss|see more|watch more|must see|article continues below( advertisement)?|continue reading below|scroll to continue( with content)?)\s*[:.-]?$/i,
  // Share and follow prompts.
  /^(share|share this( article| story| post)?|share on (facebook|twitter|linkedin|whatsapp)|tweet|email|print|copy link|link copied|comments?|follow us( on [\w ]+)?|like us on facebook|compartir|partilhar|condividi|teilen|bagikan)\s*[:!.]?$/i,
  // Newsletter and app prompts.
  /^(sign up|subscribe)\b.{0,120}\b(newsletter|email|inbox|updates|alerts)\b/i,
  /\b(sign up for|subscribe to) (our|the)\b.{0,60}\bnewsletter\b/i,
  /^(get|download) (the|our) [\w ]{0,30}\bapp\b/i,
  // Read-more and related prompts.
  // (a prompt alone, or followed by ':' and a headline; never the start of a sentence like "More from ... was said")
  /^(read more|read next|read also|also read|see also|related( articles| stories| content| coverage| links| posts| topics)?|more (from|on|in|about) [\w .'-]{1,40}|recommended( for you| reading)?|you (may|might) (also )?(like|be interested in)|most (read|popular|viewed|shared)|trending( now)?|top stories|latest news|editor'?s picks|leia (mais|também)|veja (também|mais)|saiba mais|leggi anche|potrebbe interessarti|lee también|te puede interesar|ver también|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|auch interessant|lihat juga|baca juga|читайте также|смотрите также|相关(文章|阅读|新闻)|関連(記事|ニュース)|관련\s?기사)\s*([.…!]+|[:|>»–-].*)?$/i,
  // Photo credits and copyright lines.
  /^(photo|image|picture|foto|video|graphic|illustration)s?\s*(:|by\b|credit\b|courtesy\b)/i,
  /^(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4}))/i,
  // Gallery and media labels.
  /^(image|photo|picture|slide|foto|imagem|immagine)\s*\d+\s*(of|\/|de|di|von)\s*\d+$/i,
  // Post meta lines: "05/10/2018 - Posted by: Jo Quinn - Category: Health - Tags: ...".
  /(^|\s[-|•·]\s)(posted|published|publicado|pubblicato|veröffentlicht|publié|escrito|written|filed)\s+(by|por|da|von|par|under|em)\b/i,
  /(^|\s[-|•·]\s)(tags?|categor(y|ies|ia|ias|ie)|kategorie|filed under|arquivado em)\s*:/i,
  // Comment-section chrome.
  /^(\d+\s+)?(comments?|responses?|replies)\s*(\(\d+\))?$/i,
  /^(leave a (comment|reply)|post a comment|add a comment|join the (conversation|discussion)|show comments|view comments)\b/i,
];

/** A line that only carries a byline, a date or a reading time (dropped before the first paragraph). */
export const LEAD_META_TEXT: readonly RegExp[] = [
  /^(?:[Bb]y|BY|[Ff]rom|[Vv]on|[Pp]or|[Pp]ar|[Dd]i|[Oo]leh|[Оо]т)\s+\p{Lu}[^.!?]{0,80}$/u,
  /^(published|updated|posted|last (updated|modified)|publicado|atualizado|pubblicato|aggiornato|diterbitkan|veröffentlicht|aktualisiert|mis à jour|publié)\s*(:|on\b|at\b|em\b|il\b|el\b|am\b|le\b|\d).{0,80}$/i,
  /^\d+\s*(min(ute)?s?|minutes?)( read)?$/i,
  /^[\w,.: /-]{0,12}\d{1,4}[\w,.: /-]{0,30}\d{2,4}[\w,.: /-]{0,20}$/, // date-only line
];

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
