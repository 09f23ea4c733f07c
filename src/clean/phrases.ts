// The one table of boilerplate phrases, shared by the HTML block filter (clean/body) and the plain-text
// line filter (clean/text.ts). The named lists hold the words; the patterns below are built from
// them, so adding a language or a prompt is adding an entry to a list and both cleaners get it.
// Each entry is a case-insensitive regex fragment, usually plain words ("lire aussi"); optional
// parts are written as groups ("sponsored( content)?").
//
// The class/id, tag and role tables (the structure of a page) stay in boilerplate.ts.

/** Ad markers and sponsored-content labels that stand alone ("Advertisement", "- Anzeige -"). */
export const AD_LABELS: readonly string[] = [
  'advertisements?',
  'advertising',
  'advertisement feature',
  'adverti[sz]ement\\s*[-–—]\\s*scroll to continue',
  'ads?',
  'sponsored( content| post| links?)?',
  'paid (content|post)',
  'promoted( content)?',
  'partner content',
  // Other languages.
  'anzeige',
  'werbung',
  'publicidad',
  'publicité',
  'pubblicità',
  'publicidade',
  'реклама',
  '광고',
  'iklan',
];

/** "The story goes on after the ad" markers. */
export const CONTINUE_PROMPTS: readonly string[] = [
  'story continues below( this)?( advertisement)?',
  'article continues below( advertisement)?',
  'continue reading (below|the main story)',
  'scroll (down )?to continue( with content| reading)?',
];

/** Teaser labels of recirculation widgets, alone on a block. */
export const TEASER_LABELS: readonly string[] = ["don'?t miss", 'see more', 'watch more', 'must see'];

/** A share button's word in each language (alone on a line or block). */
export const SHARE_WORDS: readonly string[] = [
  'share',
  'compartir',
  'partilhar',
  'condividi',
  'teilen',
  'bagikan',
  'partager( cet article)?',
];

/** Reader prompts that stand alone: read on, react, subscribe ("Lire la suite", "Réagir", "Abonnez-vous"). */
export const READER_PROMPTS: readonly string[] = [
  'lire la suite',
  'la suite après (cette|la) publicité',
  'réagir',
  'commenter',
  'abonnez-vous',
  "s['’]abonner",
  "je m['’]abonne",
  'déjà abonné\\s*\\??',
  'se connecter', // fr
];

/** Read-more prompts, in several languages: alone, or followed by ':' and a headline. */
export const READ_ALSO_PROMPTS: readonly string[] = [
  'read more',
  'read next',
  'read also',
  'also read',
  'see also',
  'leia (mais|também)',
  'veja (também|mais)',
  'saiba mais', // pt
  'leggi anche',
  'potrebbe interessarti', // it
  'lee también',
  'te puede interesar',
  'ver también', // es
  'lire aussi',
  'à lire aussi',
  'voir aussi',
  'à lire également',
  'lire également',
  'à voir aussi',
  'sur le même sujet', // fr
  'lesen sie auch',
  'mehr zum thema',
  'auch interessant', // de
  'lihat juga',
  'baca juga', // id
  'читайте также',
  'смотрите также', // ru
  '相关(文章|阅读|新闻)',
  '関連(記事|ニュース)',
  '관련\\s?기사', // zh, ja, ko
];

/** Headings of related-content lists (English). */
export const RELATED_HEADINGS: readonly string[] = [
  'related( articles| stories| content| coverage| links| posts| topics)?',
  "more (from|on|in|about) [\\w .'-]{1,40}",
  'recommended( for you| reading)?',
  'you (may|might) (also )?(like|be interested in)',
  'most (read|popular|viewed|shared)',
  'trending( now)?',
  'top stories',
  'latest news',
  "editor'?s picks",
];

/** Comment-section prompts. */
export const COMMENT_PROMPTS: readonly string[] = [
  'leave a (comment|reply)',
  'post a comment',
  'add a comment',
  'join the (conversation|discussion)',
  'show comments',
  'view comments',
];

/** Lines left after a story: a bare "More:", share-with-a-friend prompts, a source credit ("SOURCE: News agencies"). */
export const TRAILER_LINES: readonly string[] = [
  'more\\s*:',
  '(like|liked|enjoy|enjoyed|love|loved) (this|the|our) (story|article|post|piece)\\s*[?!.]*\\s*(share|send|pass|forward) it( on)? (with|to) (a friend|friends|others|your friends)\\s*[!.]*',
  '(share|send|e-?mail) (this|it) (story |article )?(with|to) a friend\\s*[!.]*',
  // A credit of a few words, not a sentence.
  "sources?\\s*:\\s*(?:[\\p{L}.&/'()-]+,?\\s*){1,5}",
];

/** Labels of a publication dateline ("Published: …", "Publié le …"). */
export const PUBLISHED_LABELS: readonly string[] = [
  'published',
  'posted',
  'first published',
  'publicado',
  'pubblicato',
  'diterbitkan',
  'veröffentlicht',
  'publié',
];

/** Labels of a modification dateline: such a date is never the publication date. */
export const UPDATED_LABELS: readonly string[] = [
  'updated',
  'last updated',
  'last modified',
  'modified',
  'atualizado',
  'aggiornato',
  'aktualisiert',
  'mis à jour',
];

/** Alternation of a list's fragments (as a non-capturing group's body). */
export function alternation(phrases: readonly string[]): string {
  return phrases.join('|');
}
const alt = alternation;

/** A reader prompt alone (HTML block or plain-text line). */
const READER_PROMPT_LINE = new RegExp(`^(${alt(READER_PROMPTS)})\\s*[:!.]?$`, 'iu');
/** A trailer line alone (HTML block or plain-text line). */
const TRAILER_LINE = new RegExp(`^(${alt(TRAILER_LINES)})$`, 'iu');

// ---- HTML blocks (clean/body): short blocks that are labels, prompts or chrome, never article text.

/** Short blocks (after trimming) that are labels, prompts or chrome, never article text. */
export const BOILERPLATE_TEXT: readonly RegExp[] = [
  // Ad labels.
  new RegExp(`^(${alt(AD_LABELS)}|${alt(CONTINUE_PROMPTS)}|${alt(TEASER_LABELS)})\\s*[:.-]?$`, 'i'),
  // Share and follow prompts.
  new RegExp(
    `^(${alt(SHARE_WORDS)}|share this( article| story| post)?|share on (facebook|twitter|linkedin|whatsapp)|tweet|email|print|copy link|link copied|comments?|follow us( on [\\w ]+)?|like us on facebook)\\s*[:!.]?$`,
    'i',
  ),
  READER_PROMPT_LINE,
  // Newsletter and app prompts.
  /^(sign up|subscribe)\b.{0,120}\b(newsletter|email|inbox|updates|alerts)\b/i,
  /\b(sign up for|subscribe to) (our|the)\b.{0,60}\bnewsletter\b/i,
  /^(get|download) (the|our) [\w ]{0,30}\bapp\b/i,
  // Read-more and related prompts.
  // (a prompt alone, or followed by ':' and a headline; never the start of a sentence like "More from ... was said")
  new RegExp(`^(${alt(READ_ALSO_PROMPTS)}|${alt(RELATED_HEADINGS)})\\s*([.…!]+|[:|>»–-].*)?$`, 'i'),
  // Photo credits and copyright lines.
  /^(photo|image|picture|foto|video|graphic|illustration)s?\s*(:|by\b|credit\b|courtesy\b)/i,
  /^(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4}))/i,
  // Gallery and media labels.
  /^(image|photo|picture|slide|foto|imagem|immagine)\s*\d+\s*(of|\/|de|di|von)\s*\d+$/i,
  // Post meta lines: "05/10/2018 - Posted by: Jo Quinn - Category: Health - Tags: ...".
  /(^|\s[-|•·]\s)(posted|published|publicado|pubblicato|veröffentlicht|publié|escrito|written|filed)\s+(by|por|da|von|par|under|em)\b/i,
  /(^|\s[-|•·]\s)(tags?|categor(y|ies|ia|ias|ie)|kategorie|filed under|arquivado em)\s*:/i,
  // Trailers after the story ("More:", "Like this story? Share it with a friend!", "SOURCE: News agencies").
  TRAILER_LINE,
  // Comment-section chrome.
  /^(\d+\s+)?(comments?|responses?|replies)\s*(\(\d+\))?$/i,
  new RegExp(`^(${alt(COMMENT_PROMPTS)})\\b`, 'i'),
];

/** A line that only carries a byline, a date or a reading time (dropped before the first paragraph). */
export const LEAD_META_TEXT: readonly RegExp[] = [
  /^(?:[Bb]y|BY|[Ff]rom|[Vv]on|[Pp]or|[Pp]ar|[Dd]i|[Oo]leh|[Оо]т)\s+\p{Lu}[^.!?]{0,80}$/u,
  new RegExp(`^(${alt(PUBLISHED_LABELS)}|${alt(UPDATED_LABELS)})\\s*(:|on\\b|at\\b|em\\b|il\\b|el\\b|am\\b|le\\b|\\d).{0,80}$`, 'i'),
  /^\d+\s*(min(ute)?s?|minutes?)( read)?$/i,
  /^[\w,.: /-]{0,12}\d{1,4}[\w,.: /-]{0,30}\d{2,4}[\w,.: /-]{0,20}$/, // date-only line
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
  // French banners
  /(?<![\p{L}])(ce site utilise des cookies|vos (choix|préférences)|données personnelles|nos partenaires|(tout )?accepter|(tout )?refuser|paramétrer|continuer sans accepter)(?![\p{L}])/iu,
];

/** Distinct consent phrases in a text. */
export function consentPhraseCount(text: string): number {
  let n = 0;
  for (const re of CONSENT_PHRASES) if (re.test(text)) n++;
  return n;
}

/** Paywall teaser text. */
export const PAYWALL_TEXT =
  /\b(subscribe (now )?to (continue|keep) reading|(this|the) (article|story|content) is (only )?(available|reserved) (to|for) (subscribers|members)|already (a subscriber|have an account)\??\s*(sign|log) in|become a (subscriber|member) to (read|continue)|to continue reading,? (please )?(subscribe|log in|sign in)|you('ve| have) (reached|used) (your|all) (free|\d+) (articles|stories))\b/i;

// ---- Plain-text lines (clean/text.ts): whole lines, matched after trimming and bullet removal.

/** Whole lines that are ad markers or sponsored-content labels ("- Advertisement -"). */
export const AD_LINE_PATTERNS: readonly RegExp[] = [
  new RegExp(`^[-–—_*\\s[(]*(${alt(AD_LABELS)})[-–—_*\\s\\])]*$`, 'i'),
  new RegExp(`^[-–—\\s]*(${alt(CONTINUE_PROMPTS)})[-–—\\s.]*$`, 'i'),
];

/** Cookie / consent notices: a cookie word AND a consent action in the same short line. */
export const COOKIE_SUBJECT = /\b(cookies?|tracking technologies|your privacy|privacy (policy|settings|preferences)|consent)\b/i;
export const COOKIE_ACTION =
  /\b(accept( all)?|agree|opt[- ]?out|consent|manage (preferences|settings|cookies|options)|cookie (policy|settings|preferences)|by (continuing|using) (this|our)|reject( all)?|got it|ok,? i understand)\b/i;
/** The same in French: "Accepter", "Refuser", "Paramétrer", "Tout accepter", "En poursuivant votre navigation". */
export const COOKIE_ACTION_FR =
  /(?<![\p{L}])(accepter|tout accepter|refuser|tout refuser|paramétrer|personnaliser|gérer (mes|les) (choix|préférences|cookies)|en poursuivant (votre navigation|sur ce site)|j['’]accepte|continuer sans accepter)(?![\p{L}])/iu;
/** A notice speaks to the reader ("we use", "your experience", "ce site", "vous"); news about cookies does not. */
export const COOKIE_ADDRESSED = /\b(you|your|we|our|us|this (web)?site)\b|(?<![\p{L}])(vous|votre|vos|nous|ce site)(?![\p{L}])/iu;
/** Longest line still treated as a consent notice (a real paragraph about cookies is longer). */
export const COOKIE_MAX_CHARS = 400;

/** Share bars, navigation and prompts that stand alone on a line (matched after trimming). */
export const PROMPT_LINE_PATTERNS: readonly RegExp[] = [
  /^(read|see) (more|next|also|the full (story|article))\b.{0,150}$/i,
  new RegExp(`^(${alt(READ_ALSO_PROMPTS)})\\s*([.…!]+|[:|>»–-].{0,150})?$`, 'i'),
  /^(also|related|more|recommended|suggested|don'?t miss|watch|listen|trending|latest|popular)( (read|reading|stories|articles?|news|now|on \S+|for you|videos?))?\s*[:：|»›>-]\s*.{0,150}$/i,
  /^(related( (articles?|stories|posts|content|coverage|topics))?|more (stories|articles|news)( from .{1,40})?|you (may|might) (also )?like|recommended( for you)?|trending( now)?|most (read|popular|viewed|shared)|top stories|latest (news|stories)|editor'?s picks?|in other news|see also)\s*:?$/i,
  new RegExp(
    `^(${alt(SHARE_WORDS)}|share (this|on|via)( (article|story|post|page))?[^.!?]{0,40}|tweet( this)?|email( this)?|print( this)?( article| page)?|copy link|pin it|whatsapp|facebook|twitter|linkedin|reddit|telegram|flipboard|messenger)(\\s*[|/·,]\\s*(share|tweet|email|print|copy link|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|pinterest|messenger))*\\s*$`,
    'i',
  ),
  /^(subscribe|sign up|sign in|log ?in|register|join)( (now|today|here|for free|free))?[.!]?$/i,
  /^(subscribe|sign up|register) (to|for) (our|the|my) .{0,60}(newsletter|updates|alerts|emails?)\b.{0,80}$/i,
  /^(get|receive) (our|the) .{0,40}(newsletter|alerts|updates) .{0,80}(inbox|email)\b.{0,40}$/i,
  /^(follow us|follow (him|her|them|me)|like us|connect with us)\b.{0,80}$/i,
  /^(click|tap) here\b.{0,120}$/i,
  /^click to (share|print|email)\b.{0,80}$/i,
  /^(image|media|video) (source|caption|credit),?\s.{0,200}$/i,
  /^(skip advertisement|supported by|advertisement\s*-\s*continue reading below)$/i,
  new RegExp(`^(comments?|\\d+ comments?|${alt(COMMENT_PROMPTS)})\\s*:?$`, 'i'),
  /^(tags?|topics?|filed under|categories|category|keywords)\s*:.{0,200}$/i,
  /^(photo|image|picture|file photo|video|graphic)s?\s*(credit)?\s*:.{0,150}$/i,
  /^©.{0,200}$/,
  /^(\(c\)|copyright)\s*(©\s*)?(19|20)\d{2}\b.{0,200}$/i,
  /^(all rights reserved|back to top|skip to (main )?content|jump to|advertise with us|contact us|about us|privacy policy|terms (of (use|service))?( and| &) .{0,30}|terms of (use|service))\.?$/i,
  /^(loading|please wait|javascript (is )?(required|disabled).{0,100})\.*$/i,
  READER_PROMPT_LINE,
  /^(inscrivez-vous|suivez-nous|recevez notre newsletter)\b.{0,100}$/iu,
  TRAILER_LINE,
];

/** A line that is only a dateline: "Published: Sunday, 17 September 2023, 10:02" (the label is cut off). */
export const DATELINE_LABEL = new RegExp(`^(${alt(PUBLISHED_LABELS)}|${alt(UPDATED_LABELS)}|date)\\s*(on|at)?\\s*:?\\s*`, 'i');
/** A dateline that gives a modification date. */
export const UPDATED_LABEL = new RegExp(`^(${alt(UPDATED_LABELS)})\\b`, 'i');
