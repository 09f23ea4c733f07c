// The review page's stylesheet, served from /assets/gleaner.css (the CSP allows styles from 'self' only).
export const STYLESHEET = `
:root {
  --fg: #1d2430; --muted: #5b6675; --line: #dde2e8; --bg: #f6f7f9; --card: #fff; --accent: #1f5fbf;
  --person: #dbe8ff; --person-line: #3b6fd1;
  --country: #d9f2e1; --country-line: #2f8f55;
  --organization: #ffe8cc; --organization-line: #c9761a;
  --place: #eee0fb; --place-line: #8750c4;
  --date: #e3e7ec; --date-line: #5f6b7a;
}
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.5rem; background: #17202c; color: #fff; }
header.top .brand { color: #fff; font-weight: 700; font-size: 1.15rem; letter-spacing: .02em; }
header.top nav a { color: #c9d5e6; margin-right: 1rem; }
header.top nav a.active { color: #fff; font-weight: 600; }
main { max-width: 1280px; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .2rem 0 .4rem; }
h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 .5rem; }
.layout { display: grid; grid-template-columns: 270px minmax(0, 1fr); gap: 1.5rem; align-items: start; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.1rem; }
.muted { color: var(--muted); }
.count { color: var(--muted); font-variant-numeric: tabular-nums; font-size: .85rem; }
.flag { font-family: "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif; margin-right: .25rem; }
.code { font: .75rem/1 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 1px 3px; margin-left: .25rem; }

/* facets */
.facets section { margin-bottom: 1.1rem; }
.facets ul { list-style: none; margin: 0; padding: 0; }
.facets li { display: flex; justify-content: space-between; gap: .5rem; padding: .15rem 0; border-bottom: 1px dashed #eef0f3; }
.facets li a { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.facets li.active a { font-weight: 600; }
.facet-note { font-size: .8rem; color: var(--muted); margin: 0 0 .8rem; }

/* search form */
form.search { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: .5rem .75rem; margin-bottom: .9rem; }
form.search label { display: flex; flex-direction: column; font-size: .75rem; color: var(--muted); gap: .15rem; }
form.search .q { grid-column: 1 / span 5; }
form.search input, form.search select { width: 100%; font: inherit; padding: .35rem .5rem; border: 1px solid #c5ccd6; border-radius: 5px; background: #fff; color: var(--fg); min-width: 0; }
form.search button { font: inherit; font-weight: 600; padding: .35rem 1rem; border-radius: 5px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; align-self: end; }
.chips { display: flex; flex-wrap: wrap; gap: .35rem; margin: .3rem 0; }
.chip { display: inline-flex; align-items: center; gap: .3rem; font-size: .82rem; padding: .05rem .5rem; border-radius: 999px; border: 1px solid var(--line); background: #fff; }
.chip a.remove { color: var(--muted); font-weight: 700; }
.summary { margin: .2rem 0 .8rem; color: var(--muted); }
.error-box { border: 1px solid #e3a3a3; background: #fff1f1; color: #8a1f1f; padding: .6rem .8rem; border-radius: 6px; margin-bottom: 1rem; }

/* record list */
ol.records { list-style: none; margin: 0; padding: 0; }
ol.records li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin-bottom: .6rem; }
ol.records .title { font-size: 1.08rem; font-weight: 600; }
.meta-line { font-size: .85rem; color: var(--muted); margin: .15rem 0 .3rem; }
.meta-line > * + *::before { content: "·"; margin: 0 .4rem; color: #b3bcc8; }
.snippet { margin: .2rem 0 .35rem; color: #38424f; }
.pager { display: flex; gap: .75rem; align-items: center; margin-top: 1rem; }
.pager .disabled { color: #aab3bf; }

/* entity colours */
.t-person { background: var(--person); border-color: var(--person-line); }
.t-country { background: var(--country); border-color: var(--country-line); }
.t-organization { background: var(--organization); border-color: var(--organization-line); }
.t-place { background: var(--place); border-color: var(--place-line); }
.t-date { background: var(--date); border-color: var(--date-line); }
mark.ent { color: inherit; padding: 0 .12em; border-radius: 3px; border-bottom: 2px solid; }
mark.ent.t-person { border-bottom-color: var(--person-line); }
mark.ent.t-country { border-bottom-color: var(--country-line); }
mark.ent.t-organization { border-bottom-color: var(--organization-line); }
mark.ent.t-place { border-bottom-color: var(--place-line); }
mark.ent.t-date { border-bottom-color: var(--date-line); }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .35rem; vertical-align: -1px; border: 1px solid; }
ol.records .title, .meta-line, .snippet, .chip, h1, .byline, .entity-list li { overflow-wrap: anywhere; }

/* record view */
.record-head { margin-bottom: 1rem; }
.record-head .byline { font-size: 1.02rem; margin: 0 0 .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .86rem; margin: .6rem 0 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.record-layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 1.5rem; align-items: start; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: .9rem; font-size: .85rem; }
.legend span.key { display: inline-flex; align-items: center; gap: .3rem; padding: .05rem .5rem; border-radius: 4px; border: 1px solid; }
.article-text { font-family: Georgia, "Noto Serif", "Times New Roman", serif; font-size: 1.08rem; line-height: 1.7; max-width: 46rem; }
.article-text p { margin: 0 0 1rem; white-space: pre-line; }
.entity-list section { margin-bottom: 1rem; }
.entity-list ul { list-style: none; margin: 0; padding: 0; }
.entity-list li { padding: .3rem 0; border-bottom: 1px solid #eef0f3; }
.entity-list .name { font-weight: 600; }
.entity-list .aliases { font-size: .8rem; color: var(--muted); }
.flags .flag-chip { font-size: .8rem; padding: .05rem .45rem; border-radius: 4px; background: #fff4d6; border: 1px solid #e2c36b; margin-right: .3rem; }
.unsafe-url { font-family: ui-monospace, monospace; font-size: .85rem; color: #8a1f1f; }
.chart svg { max-width: 100%; height: auto; display: block; }
form.inline { display: inline-flex; gap: .3rem; align-items: center; margin: .2rem .4rem .2rem 0; }
details.correct summary { cursor: pointer; font-size: .8rem; color: var(--muted); }
.entity-list a.filter, a.entity-link { font-size: .75rem; color: var(--muted); margin-left: .3rem; }
a.chip { text-decoration: none; color: inherit; }
ol.mentions blockquote.context { margin: .2rem 0 .6rem; font-size: .9rem; color: #333; }
.notice { background: #eef6ee; border: 1px solid #9c9; padding: .3rem .6rem; border-radius: 4px; }
button.danger { color: #8a1f1f; }
table.entities { width: 100%; border-collapse: collapse; }
table.entities td, table.entities th { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
@media (max-width: 900px) { .layout, .record-layout { grid-template-columns: 1fr; } form.search { grid-template-columns: repeat(2, minmax(0, 1fr)); } form.search .q { grid-column: 1 / -1; } }
`;
