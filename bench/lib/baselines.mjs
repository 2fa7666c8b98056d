// The two baselines the app is measured against, generated from the same minutes JSON:
//   - a plain static page: what a server-rendered or hand-written HTML version of the
//     minutes costs to show (all text in the document, one small stylesheet, no script);
//   - the same page with a hand-written vanilla-JS search, the simplest fair
//     implementation of what the app's search box does.
// They set the bar: the app may cost somewhat more than plain HTML, but its search should
// not be slower than a few dozen lines of JavaScript over the same paragraphs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// Typography close enough to the app's reading layout that layout and paint costs are of
// the same order; a plain file, so the page has no inline style (as the app's CSP wants).
const CSS = `body{font-family:"Noto Sans CJK JP",sans-serif;line-height:1.8;max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1rem}
article{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc}
mark{background:#ffe58a}[hidden]{display:none!important}
`;

// Search-form folding as docs/DATA.md defines it (NFKC, lower case, no white space). The
// filter maps hits back to the original text one character at a time, as the app does.
const FILTER_JS = `// Vanilla search: words separated by spaces, each of which a speech must hold in one of
// its paragraphs (a query of one word: the paragraphs that hold it); of the speeches that
// hold them all, the paragraphs that hold a word are shown, their words marked.
const input = document.getElementById('search-input');
const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/\\s+/g, '');
const paragraphs = [...document.querySelectorAll('[data-paragraph]')].map((el) => ({
  el, text: el.textContent, search: el.dataset.search, hidden: false, marked: false,
}));
const speeches = [...document.querySelectorAll('article[data-speaker]')].map((el) => ({
  el, paragraphs: paragraphs.filter((p) => el.contains(p.el)), hidden: false,
}));

// Ranges of the original text whose folded form contains one of the words: fold one
// source character at a time and remember where each folded UTF-16 unit came from;
// overlapping ranges of two words are one.
function hits(text, words) {
  let folded = '';
  const from = [];
  const to = [];
  let at = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let i = 0; i < f.length; i++) from.push(at), to.push(at + ch.length);
    folded += f;
    at += ch.length;
  }
  const found = [];
  for (const w of words) {
    for (let i = folded.indexOf(w); i !== -1; i = folded.indexOf(w, i + w.length)) found.push([i, i + w.length]);
  }
  if (words.length > 1) found.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [a, b] of found) {
    const last = out[out.length - 1];
    if (last && a < last[2]) last[2] = Math.max(last[2], b);
    else out.push([a, b, b]);
  }
  return out.map(([a, , b]) => [from[a], to[b - 1]]);
}

function mark(p, ranges) {
  const frag = document.createDocumentFragment();
  let from = 0;
  for (const [a, b] of ranges) {
    frag.append(p.text.slice(from, a));
    const m = document.createElement('mark');
    m.dataset.hit = '';
    m.textContent = p.text.slice(a, b);
    frag.append(m);
    from = b;
  }
  frag.append(p.text.slice(from));
  p.el.replaceChildren(frag);
  p.marked = true;
}

input.addEventListener('input', () => {
  const words = input.value.split(/\\s+/).map(fold).filter(Boolean);
  for (const s of speeches) {
    const all = words.every((w) => s.paragraphs.some((p) => p.search.includes(w)));
    for (const p of s.paragraphs) {
      const shown = words.length === 0 || (all && words.some((w) => p.search.includes(w)));
      // Touch the DOM only where something changes.
      if (p.hidden === shown) p.el.hidden = p.hidden = !shown;
      if (p.marked) { p.el.textContent = p.text; p.marked = false; }
      if (shown && words.length) {
        const ranges = hits(p.text, words);
        if (ranges.length) mark(p, ranges);
      }
    }
    const hide = s.paragraphs.every((p) => p.hidden);
    if (s.hidden !== hide) s.el.hidden = s.hidden = hide;
  }
});
`;

function paragraphHtml(p, withSearch) {
  const search = withSearch ? ` data-search="${esc(p.search)}"` : '';
  return `<p id="${esc(p.id)}" data-paragraph${search}>${esc(p.text)}</p>`;
}

/** The minutes as one semantic HTML document; `withSearch` adds the vanilla search. */
export function minutesHtml(minutes, { withSearch = false } = {}) {
  const out = [];
  out.push('<!DOCTYPE html>', '<html lang="ja">', '<head>', '<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(minutes.body)} ${esc(minutes.title)}</title>`);
  out.push('<link rel="stylesheet" href="style.css">');
  if (withSearch) out.push('<script src="filter.js" defer></script>');
  out.push('</head>', '<body>', '<header>');
  out.push(`<p>${esc(minutes.body)}</p>`, `<h1>${esc(minutes.title)}</h1>`);
  out.push('<dl>');
  out.push(`<dt>日時</dt><dd><time datetime="${esc(minutes.date.start ?? minutes.date.date ?? '')}">${esc(minutes.date.printed)}</time></dd>`);
  out.push(`<dt>場所</dt><dd>${esc(minutes.place)}</dd>`);
  out.push('</dl>');
  out.push(`<h2>出席者${minutes.attendees_note ? `（${esc(minutes.attendees_note)}）` : ''}</h2>`, '<ul>');
  for (const a of minutes.attendees) out.push(`<li>${esc(a.role ?? '')} ${esc(a.name)}</li>`);
  out.push('</ul>');
  if (withSearch) {
    out.push('<search><label for="search-input">発言を検索</label> <input type="search" id="search-input"></search>');
  }
  out.push('</header>', '<main>');
  for (const section of minutes.sections) {
    out.push(`<section id="${esc(section.id)}">`, `<h2>${section.number}. ${esc(section.title)}</h2>`);
    for (const block of section.blocks) {
      if (block.type === 'agenda') {
        out.push(`<h3>${esc(block.heading)}</h3>`, '<ol>');
        for (const item of block.items) out.push(`<li id="${esc(item.id)}">${esc(item.text)}</li>`);
        out.push('</ol>');
      } else if (block.type === 'narrative') {
        out.push(`<p id="${esc(block.id)}">${esc(block.text)}</p>`);
      } else if (block.type === 'speech') {
        out.push(`<article id="${esc(block.id)}" data-speaker="${esc(block.speaker ?? '')}">`);
        out.push(`<h3>${esc(block.designation)}</h3>`);
        for (const p of block.paragraphs) out.push(paragraphHtml(p, withSearch));
        out.push('</article>');
      }
    }
    out.push('</section>');
  }
  out.push('</main>');
  if (minutes.end_mark) out.push(`<footer><p>${esc(minutes.end_mark)}</p></footer>`);
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/**
 * Write both baselines for `minutes` under `dir`: `dir/static/` (plain page) and
 * `dir/vanilla/` (page + filter.js). Each folder is a complete site.
 */
export async function writeBaselines(dir, minutes) {
  for (const [name, withSearch] of [['static', false], ['vanilla', true]]) {
    const site = join(dir, name);
    await mkdir(site, { recursive: true });
    await writeFile(join(site, 'index.html'), minutesHtml(minutes, { withSearch }));
    await writeFile(join(site, 'style.css'), CSS);
    if (withSearch) await writeFile(join(site, 'filter.js'), FILTER_JS);
  }
}
