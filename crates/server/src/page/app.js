// newsbrief web page. Two views: "Stories" lists the server's stories (GET /v1/stories, polled for changes)
// and opens the brief of one (GET /v1/stories/{id}); "Brief my articles" sends pasted or dropped articles to
// /v1/brief. Both draw the brief the same way. The view is in the address (#stories, #story/ID, #brief).
// Saved by `newsbrief brief --format html`, the page carries one brief (#brief-data) and shows only it.
// Long lists stop at the Markdown brief's caps (crates/core/src/render.rs) with a "Show N more" button.
// Every piece of input or output text goes into the page with textContent / text nodes, never as markup.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === undefined || c === null) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---------- the form ----------

let articleCount = 0;

function addArticle(focus) {
  articleCount += 1;
  const fieldset = $('article-template').content.firstElementChild.cloneNode(true);
  const n = $('articles').children.length + 1;
  const id = 'article-' + articleCount;
  fieldset.querySelector('legend').textContent = 'Article ' + n;
  const label = fieldset.querySelector('.text-label');
  label.textContent = 'Text of article ' + n;
  label.setAttribute('for', id);
  const area = fieldset.querySelector('textarea');
  area.id = id;
  area.placeholder = 'Paste the article text here';
  fieldset.querySelector('.remove').addEventListener('click', () => {
    fieldset.remove();
    renumber();
  });
  $('articles').append(fieldset);
  if (focus) area.focus();
}

function renumber() {
  [...$('articles').children].forEach((fs, i) => {
    fs.querySelector('legend').textContent = 'Article ' + (i + 1);
    fs.querySelector('.text-label').textContent = 'Text of article ' + (i + 1);
  });
}

// The pasted articles with their metadata. The URL is only the source's address, for its link: the
// server fetches nothing.
function pastedArticles() {
  return [...$('articles').children]
    .map((fs) => ({
      text: fs.querySelector('.article-text').value,
      title: fs.querySelector('.article-title').value.trim() || undefined,
      source: fs.querySelector('.article-outlet').value.trim() || undefined,
      published: fs.querySelector('.article-date').value || undefined,
      url: fs.querySelector('.article-url').value.trim() || undefined,
    }))
    .filter((a) => a.text.trim() !== '');
}

let droppedFiles = [];

function setFiles(files) {
  droppedFiles = [...files];
  $('file-list').textContent = droppedFiles.length
    ? plural(droppedFiles.length, 'file', 'files') + ': ' + droppedFiles.map((f) => f.name).join(', ')
    : '';
}

// Says how the brief request went; an error is brought into view.
function status(text, isError) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', Boolean(isError));
  if (isError) s.scrollIntoView({ block: 'center' });
}

// Folds the form away once it gave a brief (one line says what was sent), or opens it again.
function collapseForm(collapsed, sent) {
  $('form-body').hidden = collapsed;
  $('form-summary').hidden = !collapsed;
  if (collapsed) $('form-summary-text').textContent = 'Brief of ' + plural(sent, 'article', 'articles') + '.';
}

// The headers every API request carries: the bearer token, when one is given.
function authHeaders() {
  const headers = {};
  const token = $('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token;
  return headers;
}

// The error message of a failed API answer.
function errorMessage(response, data) {
  if (response.status === 401) return 'this server asks for an API token (enter it under “API token” above)';
  return data && data.error ? label(data.error.message || data.error) : 'HTTP ' + response.status;
}

// The last brief of each view, shown again when its view comes back.
const briefs = { upload: null };

async function submitBrief(event) {
  event.preventDefault();
  const words = Number($('words').value);
  const articles = pastedArticles();
  if (!articles.length && !droppedFiles.length) {
    status('Paste at least one article or choose a file.', true);
    return;
  }
  const headers = authHeaders();
  let body;
  if (droppedFiles.length) {
    // Pasted articles keep their headline, outlet, date and address in the `articles` field.
    body = new FormData();
    body.append('words', String(words));
    if (articles.length) body.append('articles', JSON.stringify({ articles }));
    droppedFiles.forEach((f) => body.append('file', f, f.name));
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ articles, words });
  }
  const button = $('make-brief');
  button.disabled = true;
  const sent = articles.length + droppedFiles.length;
  status('Reading ' + plural(sent, 'article', 'articles') + '…');
  try {
    const response = await fetch('/v1/brief?texts=true', { method: 'POST', headers, body });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      status('No brief: ' + errorMessage(response, data), true);
      return;
    }
    briefs.upload = data;
    status('Brief ready: ' + plural(list(data.summary).length, 'sentence', 'sentences') + ' from '
      + plural(list(data.sources).length, 'source', 'sources') + '.');
    if (view.name === 'brief') {
      collapseForm(true, sent);
      showBrief(data);
    }
  } catch (e) {
    status('No brief: the server could not be reached.', true);
  } finally {
    button.disabled = false;
  }
}

// ---------- showing the brief ----------

let current = null;

// A value of unknown shape as a short string (names may be strings or objects).
function label(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(label).filter(Boolean).join(', ');
  for (const key of ['name', 'canonical', 'resolved_text', 'text', 'value', 'label']) {
    if (typeof v[key] === 'string' && v[key]) return v[key];
  }
  return '';
}

function list(v) {
  return Array.isArray(v) ? v : [];
}

function sourceName(src) {
  if (!src) return 'unknown source';
  return src.outlet || src.id || 'source ' + (src.doc + 1);
}

function marks(s) {
  const sup = list(s.support).map((x) => x.doc + 1);
  return '[' + (s.doc + 1) + (sup.length ? '; ' + sup.join(', ') : '') + ']';
}

// What other sources say differently about summary sentence `i` ("Source 3 (Outlet) says “as much as 20
// minutes”"), from the brief's `corroboration.summary_discrepancies`; as the Markdown brief shows it.
function differences(data, i) {
  const s = list(data.summary)[i];
  const corroboration = data.corroboration || {};
  const refs = list(list(corroboration.summary_discrepancies)[i]);
  const normal = (v) => String(v || '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const sources = list(data.sources);
  const notes = [];
  refs.forEach((r) => {
    const claim = list(corroboration.claims)[r.claim] || {};
    const d = list(claim.discrepancies)[r.discrepancy];
    if (!d || !s) return;
    const values = list(d.values);
    const own = values.find((v) => v.doc === s.doc && s.start <= v.start && v.start < s.end);
    if (!own) return;
    values.forEach((v) => {
      if (v.doc === s.doc || normal(v.value) === normal(own.value)) return;
      const note = sourceLabel(sources[v.doc], v.doc) + ' says “' + (v.said || v.value) + '”';
      if (!notes.includes(note)) notes.push(note);
    });
  });
  return notes;
}

function sourceLabel(src, doc) {
  const name = src && (src.outlet || src.id);
  return 'source ' + (doc + 1) + (name ? ' (' + name + ')' : '');
}

// Draws a brief; `title` names the story when the caller knows better than the sources' headlines; the
// brief takes the focus unless `focus` is false.
function showBrief(data, title, focus = true) {
  current = data;
  const sources = list(data.sources);
  $('story-title').textContent = title || data.title || (sources.find((s) => s.title) || {}).title || 'Story';
  const copies = sources.reduce((n, s) => n + list(s.copies).length, 0);
  $('story-meta').textContent = plural(sources.length, 'source', 'sources')
    + (copies ? ' (and ' + plural(copies, 'copy', 'copies') + ', counted once)' : '')
    + ' · summary of ' + plural(data.words || 0, 'word', 'words');
  // Articles not in English are summarised but not analysed in full: the brief says so.
  $('language-note').textContent = data.language_note || '';
  $('language-note').hidden = !data.language_note;

  const summary = $('summary');
  summary.replaceChildren();
  list(data.summary).forEach((s, i) => {
    // A span, not a <button>, so that the sentence flows as text; it acts as a toggle button.
    const button = el('span', { role: 'button', tabindex: 0, class: 'sent', 'aria-pressed': 'false', 'data-index': i }, s.text);
    button.addEventListener('click', () => selectSentence(i));
    button.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        selectSentence(i);
      }
    });
    const differ = differences(data, i);
    // A sentence that is a quotation names who said it, as the Markdown brief does.
    const speaker = s.speaker ? el('span', { class: 'speaker' }, ' — ' + s.speaker) : null;
    summary.append(el('li', {}, button, speaker, ' ', el('span', { class: 'marks', 'aria-label': 'sources ' + marks(s) }, marks(s)),
      differ.length ? el('span', { class: 'differs' }, ' — ' + differ.join('; ')) : null));
  });

  const list_ = $('sources');
  list_.replaceChildren();
  sources.forEach((src) => {
    const parts = [el('span', { class: 'source-outlet' }, src.outlet || src.id || '')];
    if (src.title) parts.push(' — ', safeLink(src.title, src.url));
    if (src.published) parts.push(' ', el('span', { class: 'source-date' }, '(' + src.published + ')'));
    parts.push(el('span', { class: 'marks' }, ' · ' + plural(src.words || 0, 'word', 'words')));
    const copiesOf = list(src.copies).map((c) => c.outlet || c.id).filter(Boolean);
    if (copiesOf.length) parts.push(el('span', { class: 'copies' }, ' · also run by ' + copiesOf.join(', ')));
    list_.append(el('li', { 'data-doc': src.doc }, ...parts));
  });

  $('evidence-body').hidden = true;
  $('evidence-empty').hidden = false;
  drawGrid(data);
  showEntities(data.entities || data.people);
  showQuotes(data.quotes);
  showTimeline(data.timeline);
  showSourcing(data);
  const warnings = list(data.warnings);
  $('warnings').replaceChildren(...warnings.map((w) => el('li', {}, label(w))));
  $('warnings-section').hidden = warnings.length === 0;
  const result = $('result');
  result.hidden = false;
  if (focus) {
    result.focus({ preventScroll: true });
    result.scrollIntoView({ block: 'start' });
  }
}

// Only http(s) links are made clickable; anything else is shown as text.
function safeLink(text, url) {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
    return el('a', { href: url, rel: 'noopener noreferrer' }, text);
  }
  return el('span', {}, text);
}

// The UTF-16 index (what JavaScript strings use) of a UTF-8 byte offset into `text`.
function byteToIndex(text, byteOffset) {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

function selectSentence(i) {
  const s = list(current && current.summary)[i];
  if (!s) return;
  document.querySelectorAll('.sent').forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.index) === i)));
  const sources = list(current.sources);
  const origin = sources.find((src) => src.doc === s.doc);
  $('origin-label').textContent = 'From ' + (s.doc + 1) + '. ' + sourceName(origin) + (origin && origin.title ? ' — ' + origin.title : '');
  const box = $('source-text');
  const text = list(current.texts)[s.doc];
  if (typeof text === 'string') {
    const start = byteToIndex(text, s.start);
    const end = byteToIndex(text, s.end);
    const mark = el('mark', {}, text.slice(start, end));
    box.replaceChildren(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  } else {
    box.replaceChildren(el('mark', {}, s.text));
  }
  const support = list(s.support);
  const items = support.map((sup) => {
    const src = sources.find((x) => x.doc === sup.doc);
    const score = typeof sup.score === 'number' ? ' (similarity ' + sup.score.toFixed(2) + ')' : '';
    return el('li', { 'data-doc': sup.doc }, (sup.doc + 1) + '. ' + sourceName(src) + (src && src.title ? ' — ' + src.title : '') + score);
  });
  if (!items.length) items.push(el('li', { class: 'none' }, 'No other article reports this.'));
  $('support-list').replaceChildren(...items);
  $('evidence-empty').hidden = true;
  $('evidence-body').hidden = false;
  const supporting = new Set(support.map((x) => x.doc));
  document.querySelectorAll('#sources li').forEach((li) => {
    const doc = Number(li.dataset.doc);
    li.classList.toggle('origin', doc === s.doc);
    li.classList.toggle('supporting', supporting.has(doc));
  });
}

// ---------- sections the library may add ----------

const KIND_NAMES = { person: 'People', per: 'People', organization: 'Organisations', organisation: 'Organisations', org: 'Organisations', place: 'Places', loc: 'Places', location: 'Places' };

// Caps of the long lists, as in the Markdown brief (crates/core/src/render.rs).
const MAX_ENTITIES = 10;
const MAX_PLACES = 10;
const MAX_QUOTES = 8;
const MAX_QUOTES_PER_SPEAKER = 2;
const MAX_TIMELINE = 12;
const MAX_SINGLE_SOURCE = 8;
const MAX_DISCREPANCIES = 8;

// Hides the `items` (elements in the page) that `visible(i)` leaves out behind `button`, "Show N more …",
// which brings them back; each of `groups` ({node, items}) is hidden while all its items are.
function foldAway(button, items, visible, one, many, groups = []) {
  const rest = items.filter((_, i) => !visible(i));
  const hideEmptyGroups = () => groups.forEach((g) => { g.node.hidden = g.items.every((x) => x.hidden); });
  rest.forEach((x) => { x.hidden = true; });
  hideEmptyGroups();
  button.hidden = rest.length === 0;
  button.textContent = 'Show ' + rest.length + ' more ' + (rest.length === 1 ? one : many);
  button.onclick = () => {
    rest.forEach((x) => { x.hidden = false; });
    hideEmptyGroups();
    button.hidden = true;
  };
}

// The distinct articles of some spans.
function docsOf(spans) {
  return [...new Set(list(spans).map((s) => s && s.doc).filter((d) => typeof d === 'number'))];
}

// Names grouped by kind; first those named in several sources or more than once (the first ten people and
// organisations and ten places shown, as in the Markdown brief), then the rest behind "Show N more".
function showEntities(entities) {
  const box = $('entities');
  box.replaceChildren();
  const items = [];
  for (const e of list(entities)) {
    const name = label(e);
    if (!name) continue;
    const kind = KIND_NAMES[label(e.kind || e.type || e.category).toLowerCase()] || label(e.kind || e.type) || 'Names';
    const mentions = Array.isArray(e.mentions) ? e.mentions.length : e.mentions || e.count || 0;
    const aliases = list(e.aliases).map(label).filter((a) => a && a !== name);
    items.push({ name, kind, mentions, aliases, notable: list(e.docs).length > 1 || mentions > 1 });
  }
  const ordered = [...items.filter((e) => e.notable), ...items.filter((e) => !e.notable)];
  const groups = new Map();
  const chips = [];
  const visible = [];
  let people = 0, places = 0;
  for (const e of ordered) {
    if (!groups.has(e.kind)) {
      const ul = el('ul', { class: 'chips' });
      groups.set(e.kind, { node: el('div', { class: 'entity-group' }, el('h4', {}, e.kind), ul), ul, items: [] });
    }
    const about = [e.mentions ? plural(e.mentions, 'mention', 'mentions') : '', e.aliases.length ? 'also written: ' + e.aliases.join(', ') : '']
      .filter(Boolean).join('; ');
    const chip = el('li', { title: about || null }, e.name, e.mentions ? el('span', { class: 'count' }, '×' + e.mentions) : null);
    const group = groups.get(e.kind);
    group.ul.append(chip);
    group.items.push(chip);
    chips.push(chip);
    const place = e.kind === 'Places';
    visible.push(e.notable && (place ? places++ < MAX_PLACES : people++ < MAX_ENTITIES));
  }
  box.append(...[...groups.values()].map((g) => g.node));
  foldAway($('entities-more'), chips, (i) => visible[i], 'name', 'names', [...groups.values()]);
  $('entities-section').hidden = groups.size === 0;
}

// Source marks of a section item: the docs of its `sources` spans, or its `doc`.
function docMarks(item) {
  const docs = [...new Set(list(item && item.sources).map((s) => s && s.doc).filter((d) => typeof d === 'number'))];
  if (!docs.length && item && typeof item.doc === 'number') docs.push(item.doc);
  return docs.length ? ' [' + docs.map((d) => d + 1).join(', ') + ']' : '';
}

// Quotes come grouped by speaker ({speaker, quotes: [...]}) or one by one ({speaker, text}). Shown: per
// speaker, most quoted first, the two quotes most sources carry, eight in all; the rest behind "Show N more".
function showQuotes(quotes) {
  const box = $('quotes');
  box.replaceChildren();
  const bySpeaker = new Map();
  const add = (speaker, q) => {
    const text = typeof q === 'string' ? q : label(q.text || q.quote);
    if (!text) return;
    const who = label(speaker) || 'Unattributed';
    if (!bySpeaker.has(who)) bySpeaker.set(who, []);
    bySpeaker.get(who).push({ text, marks: docMarks(q), docs: docsOf(q && q.sources).length });
  };
  for (const item of list(quotes)) {
    if (Array.isArray(item.quotes)) item.quotes.forEach((q) => add(item.speaker, q));
    else add(item.speaker, item);
  }
  const all = [];
  const visible = [];
  const groups = [];
  let left = MAX_QUOTES;
  for (const [speaker, said] of bySpeaker) {
    const ranked = said.map((q, i) => ({ i, docs: q.docs })).sort((a, b) => b.docs - a.docs || a.i - b.i)
      .slice(0, Math.min(MAX_QUOTES_PER_SPEAKER, left));
    left -= ranked.length;
    const chosen = new Set(ranked.map((r) => r.i));
    const quotes_ = said.map((q) => el('blockquote', {}, '“' + q.text.replace(/^["“]|["”]$/g, '') + '”', q.marks ? el('span', { class: 'marks' }, q.marks) : null));
    quotes_.forEach((node, i) => { all.push(node); visible.push(chosen.has(i)); });
    const node = el('div', { class: 'quote-group' }, el('h4', {}, speaker), ...quotes_);
    groups.push({ node, items: quotes_ });
    box.append(node);
  }
  foldAway($('quotes-more'), all, (i) => visible[i], 'quote', 'quotes', groups);
  $('quotes-section').hidden = bySpeaker.size === 0;
}

function parseDate(v) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(label(v));
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Number.isNaN(t) ? null : t;
}

// Radius of a timeline marker, and the least distance between the centres of two markers in one row.
const MARKER_R = 8;
const MARKER_GAP = 2 * MARKER_R + 3;

// Rows of markers: each marker (in time order) goes to the lowest row where it keeps clear of the marker
// before it, so that no two overlap however close their dates are.
function markerRows(xs) {
  const lastInRow = [];
  return xs.map((px) => {
    let row = lastInRow.findIndex((last) => px - last >= MARKER_GAP);
    if (row < 0) row = lastInRow.length;
    lastInRow[row] = px;
    return row;
  });
}

function showTimeline(timeline) {
  const events = list(timeline)
    .map((e, i) => {
      const when = e.date || e.value || e.when || e.normalized || e.time;
      return { when: label(when), t: parseDate(when), text: label(e.text || e.event || e.sentence || e.description || e.label), marks: docMarks(e), docs: docsOf(e.sources).length, i };
    })
    .filter((e) => e.t !== null)
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const figure = $('timeline');
  figure.replaceChildren();
  // Numbered as their markers, whichever are folded away.
  const items = events.map((e, k) => el('li', { value: k + 1 }, e.when + ' — ' + e.text + e.marks));
  $('timeline-list').replaceChildren(...items);
  // Listed: the entries most sources report, the latest first among equals, as in the Markdown brief.
  const chosen = new Set(events.map((e, k) => ({ k, docs: e.docs })).sort((a, b) => b.docs - a.docs || b.k - a.k)
    .slice(0, MAX_TIMELINE).map((r) => r.k));
  foldAway($('timeline-more'), items, (k) => chosen.has(k), 'dated event', 'dated events');
  $('timeline-section').hidden = events.length === 0;
  if (!events.length) return;
  // Numbered markers (numbers as in the list below) in rows that keep them apart, month or year ticks on
  // the axis.
  const width = 760, left = 30, right = 30, step = 2 * MARKER_R + 2;
  const t0 = events[0].t, t1 = events[events.length - 1].t;
  const x = (t) => (t1 === t0 ? width / 2 : left + ((t - t0) / (t1 - t0)) * (width - left - right));
  const rows = markerRows(events.map((e) => x(e.t)));
  const axis = 16 + (Math.max(...rows) + 1) * step;
  const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + (axis + 34), role: 'img', 'aria-label': 'Timeline of ' + plural(events.length, 'event', 'events') + ' from ' + events[0].when + ' to ' + events[events.length - 1].when });
  root.append(svg('line', { x1: left - 10, y1: axis, x2: width - right + 10, y2: axis, stroke: '#5b6270', 'stroke-width': 2 }));
  let lastTick = -Infinity;
  for (const tick of axisTicks(t0, t1, (width - left - right) / 70)) {
    const px = x(tick.t);
    if (px - lastTick < 60) continue;
    lastTick = px;
    root.append(svg('line', { x1: px, y1: axis, x2: px, y2: axis + 6, stroke: '#5b6270' }));
    root.append(svg('text', { x: px, y: axis + 20, 'font-size': 11, 'text-anchor': 'middle' }, tick.label));
  }
  events.forEach((e, k) => {
    const px = x(e.t);
    const cy = axis - 10 - rows[k] * step;
    const g = svg('g', { class: 'marker' });
    g.append(svg('title', {}, (k + 1) + '. ' + e.when + ': ' + e.text));
    g.append(svg('circle', { cx: px, cy, r: MARKER_R, fill: '#1f5fbf', stroke: '#fff' }));
    g.append(svg('text', { x: px, y: cy + 3.5, 'font-size': 9, 'text-anchor': 'middle', class: 'on-dot' }, String(k + 1)));
    root.append(g);
  });
  figure.append(root);
}

// Month starts (or year starts over long spans) between two times, at most `most` of them.
function axisTicks(t0, t1, most) {
  const start = new Date(t0), end = new Date(t1);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  const every = Math.max(1, Math.ceil(months / Math.max(1, most)));
  const ticks = [];
  for (let m = 0; m < months; m += every) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1));
    const t = Math.max(t0, d.getTime());
    const label = every >= 12 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7);
    ticks.push({ t, label });
  }
  return ticks;
}

// Most claims the grid shows.
const MAX_GRID_CLAIMS = 20;

// The claims of the brief's corroboration ({claims: [...]}), or a bare list of claims.
function claimsOf(data) {
  const c = data && data.corroboration;
  return list(c && !Array.isArray(c) ? c.claims : c || data.claims);
}

// Claims × sources: the claims several sources report (from the library's corroboration), else the
// summary's own sourcing.
function drawGrid(data) {
  const sources = list(data.sources);
  let rows = claimsOf(data)
    .map((c) => {
      const docs = list(c.sources || c.docs || c.support || c.reported_by).map((d) => (typeof d === 'number' ? d : d.doc));
      return { text: label(c.claim || c.text || c), origin: typeof c.doc === 'number' ? c.doc : null, docs };
    })
    .filter((r) => new Set(r.docs).size >= 2)
    .slice(0, MAX_GRID_CLAIMS);
  if (!rows.length) {
    rows = list(data.summary).map((s, i) => ({ text: (i + 1) + '. ' + s.text, origin: s.doc, docs: list(s.support).map((x) => x.doc) }));
  }
  const figure = $('grid');
  figure.replaceChildren();
  $('grid-section').hidden = rows.length === 0 || sources.length === 0;
  if (!rows.length || !sources.length) return;
  const labelWidth = 330, cell = 30, top = 130;
  const width = labelWidth + cell * sources.length + 90;
  const height = top + cell * rows.length + 10;
  const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width, role: 'img', 'aria-label': 'Grid of ' + plural(rows.length, 'claim', 'claims') + ' by ' + plural(sources.length, 'source', 'sources') });
  sources.forEach((src, j) => {
    const cx = labelWidth + j * cell + cell / 2;
    // The outlet, else the headline: a file name says nothing.
    const name = (src && (src.outlet || src.title)) || sourceName(src);
    const t = svg('text', { x: cx, y: top - 8, 'font-size': 11, transform: 'rotate(-45 ' + cx + ' ' + (top - 8) + ')' }, (j + 1) + '. ' + (name.length > 22 ? name.slice(0, 21) + '…' : name));
    t.append(svg('title', {}, (j + 1) + '. ' + [src && src.outlet, src && src.title, src && src.id].filter(Boolean).join(' — ')));
    root.append(t);
  });
  rows.forEach((row, i) => {
    const y = top + i * cell;
    const text = row.text.length > 48 ? row.text.slice(0, 47) + '…' : row.text;
    const t = svg('text', { x: 0, y: y + cell / 2 + 4, 'font-size': 12 }, text);
    t.append(svg('title', {}, row.text));
    root.append(t);
    sources.forEach((src, j) => {
      const isOrigin = row.origin === src.doc;
      const supports = row.docs.includes(src.doc);
      const fill = isOrigin ? '#1f3f73' : supports ? '#9db8e3' : '#ffffff';
      const r = svg('rect', { x: labelWidth + j * cell + 3, y: y + 3, width: cell - 6, height: cell - 6, rx: 3, fill, stroke: '#b9b5ad' });
      r.append(svg('title', {}, sourceName(src) + (isOrigin ? ': source of this claim' : supports ? ': also reports this' : ': does not report this')));
      root.append(r);
    });
  });
  figure.append(root);
}

// "How well sourced": counts, the single-source claims that matter (summary ones first) and each
// discrepancy with the words of every source.
function showSourcing(data) {
  const c = data.corroboration;
  const claims = claimsOf(data);
  const section = $('sourcing-section');
  section.hidden = !c || claims.length === 0;
  if (section.hidden) return;
  const sources = list(data.sources);
  const name = (doc) => {
    const src = sources.find((x) => x.doc === doc);
    return 'Source ' + (doc + 1) + (src && src.outlet ? ' (' + src.outlet + ')' : '');
  };
  const single = list(c.single_source).map((i) => claims[i]).filter(Boolean);
  const several = typeof c.corroborated === 'number' ? c.corroborated : claims.length - single.length;
  // Single-source claims that are summary sentences are marked there, not listed again.
  const summary = list(data.summary);
  const inSummary = (claim) => list(claim.sources).some((s) => summary.some((x) => x.doc === s.doc && s.start < x.end && x.start < s.end));
  const summarised = single.filter(inSummary).length;
  $('sourcing-counts').textContent = plural(several, 'claim is', 'claims are') + ' reported by two or more sources, '
    + single.length + ' by one source only' + (summarised ? ' (' + summarised + ' of them in the summary above)' : '') + '.';
  const others = single.filter((x) => !inSummary(x));
  const singles = others.map((claim) => el('li', {}, label(claim.text), el('span', { class: 'marks' }, ' [' + name(claim.doc) + ']')));
  $('single-source').replaceChildren(...singles);
  foldAway($('single-source-more'), singles, (i) => i < MAX_SINGLE_SOURCE, 'claim', 'claims');
  $('single-source-block').hidden = singles.length === 0;
  const differing = list(c.discrepancies).map((i) => claims[i]).filter(Boolean);
  const items = [];
  for (const claim of differing) {
    for (const d of list(claim.discrepancies)) {
      const values = list(d.values).map((v) => el('li', {}, name(v.doc) + ': “' + label(v.context || v.value) + '”'));
      items.push(el('li', {}, 'The ' + label(d.kind) + ' differs in “' + label(claim.text) + '”', el('ul', {}, ...values)));
    }
  }
  $('discrepancies').replaceChildren(...items);
  foldAway($('discrepancies-more'), items, (i) => i < MAX_DISCREPANCIES, 'difference', 'differences');
  $('discrepancies-block').hidden = items.length === 0;
}

// ---------- stories ----------

// Stories polled for changes every few seconds; a poll that gives this many loads the list afresh.
const POLL_MS = 3000;
const FIRST_PAGE = 50;
const POLL_LIMIT = 500;

const feed = { cursor: null, summaries: new Map(), timer: null, loaded: false, busy: false };

function storiesStatus(text, isError) {
  const s = $('stories-status');
  s.textContent = text;
  s.classList.toggle('error', Boolean(isError));
}

function storyStatus(text, isError) {
  const s = $('story-status');
  s.textContent = text;
  s.classList.toggle('error', Boolean(isError));
}

async function fetchStories(query) {
  const response = await fetch('/v1/stories?' + query, { headers: authHeaders() });
  const data = await response.json().catch(() => null);
  if (!response.ok || !data) throw new Error(errorMessage(response, data));
  return data;
}

// "2017-03-02T10:30:00Z" → "2017-03-02 10:30"; a bare date stays as it is.
function when(t) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(label(t));
  return m ? m[1] + (m[2] && m[2] !== '00:00' ? ' ' + m[2] : '') : label(t);
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

function storyHref(id) {
  return '#story/' + encodeURIComponent(id);
}

function storyItem(story, fresh) {
  const li = $('story-template').content.firstElementChild.cloneNode(true);
  li.dataset.id = story.id;
  if (fresh) li.classList.add('fresh');
  const link = li.querySelector('.story-title a');
  link.href = storyHref(story.id);
  link.textContent = story.title || 'Untitled story (' + story.id + ')';
  const outlets = list(story.outlets);
  const shown = outlets.slice(0, 4).join(', ') + (outlets.length > 4 ? ' and ' + (outlets.length - 4) + ' more' : '');
  li.querySelector('.story-outlets').textContent = shown || 'No outlet named';
  li.querySelector('.story-counts').textContent = plural(story.articles || 0, 'article', 'articles') + ' · '
    + plural(story.sources || 0, 'source', 'sources');
  const first = when(story.first_seen), last = when(story.last_seen);
  li.querySelector('.story-seen').textContent = last
    ? (first && first !== last ? 'seen ' + first + ' – ' + last : 'seen ' + last)
    : '';
  return li;
}

function showStoriesEmpty() {
  const empty = feed.summaries.size === 0;
  $('stories-empty').hidden = !empty || !feed.loaded;
  $('stories').hidden = empty;
}

// The first page of stories, most active first.
async function loadStories() {
  const data = await fetchStories('limit=' + FIRST_PAGE);
  feed.summaries.clear();
  const items = list(data.stories).map((st) => {
    feed.summaries.set(st.id, st);
    return storyItem(st, false);
  });
  $('stories').replaceChildren(...items);
  feed.cursor = data.cursor;
  feed.loaded = true;
  showStoriesEmpty();
  storiesStatus('');
}

// Stories changed since the cursor go to the top, the most active first; the open story says it changed.
async function pollStories() {
  if (feed.cursor === null) return loadStories();
  const data = await fetchStories('since=' + feed.cursor + '&limit=' + POLL_LIMIT);
  const changed = list(data.stories);
  if (changed.length >= POLL_LIMIT) return loadStories();
  const box = $('stories');
  for (const st of [...changed].reverse()) {
    feed.summaries.set(st.id, st);
    const old = box.querySelector('li[data-id="' + CSS.escape(st.id) + '"]');
    if (old) old.remove();
    box.prepend(storyItem(st, true));
    if (view.name === 'story' && view.story === st.id && view.shownCursor !== null && st.updated > view.shownCursor) {
      $('story-news').hidden = false;
    }
  }
  feed.cursor = data.cursor;
  showStoriesEmpty();
  storiesStatus('');
}

// Polls until the page goes away; skips while the page is hidden, keeps going after a failed poll.
async function pollLoop() {
  clearTimeout(feed.timer);
  if (!document.hidden && !feed.busy) {
    feed.busy = true;
    try {
      await pollStories();
    } catch (e) {
      storiesStatus('Cannot load the stories: ' + (e instanceof TypeError ? 'the server cannot be reached' : e.message) + '. Retrying…', true);
    } finally {
      feed.busy = false;
    }
  }
  feed.timer = setTimeout(pollLoop, POLL_MS);
}

// The open story's brief, with the article texts its offsets point into.
async function openStory(id) {
  const ticket = ++view.ticket;
  $('story-news').hidden = true;
  storyStatus('Loading the brief…');
  const summary = feed.summaries.get(id);
  const cursorBefore = feed.cursor;
  try {
    const response = await fetch('/v1/stories/' + encodeURIComponent(id) + '?texts=true', { headers: authHeaders() });
    const data = await response.json().catch(() => null);
    if (ticket !== view.ticket) return;
    if (!response.ok || !data) {
      $('result').hidden = true;
      storyStatus('No brief: ' + errorMessage(response, data), true);
      return;
    }
    view.shownCursor = summary ? summary.updated : cursorBefore;
    showBrief(data, summary && summary.title);
    const first = when(summary && summary.first_seen), last = when(summary && summary.last_seen);
    if (last) $('story-meta').textContent += ' · seen ' + (first && first !== last ? first + ' – ' + last : last);
    storyStatus('');
  } catch (e) {
    if (ticket === view.ticket) storyStatus('No brief: the server could not be reached.', true);
  }
}

// ---------- views ----------

// The view shown: 'stories', 'story' (with its id) or 'brief'; `ticket` numbers the story loads so that
// only the last one asked for is drawn.
const view = { name: null, story: null, ticket: 0, shownCursor: null };

function show(name, story) {
  view.name = name;
  view.story = story || null;
  const stories = name === 'stories' || name === 'story';
  $('stories-view').hidden = !stories;
  $('stories-box').hidden = name !== 'stories';
  $('story-bar').hidden = name !== 'story';
  $('brief-form').hidden = name !== 'brief';
  for (const [tab, on] of [['tab-stories', stories], ['tab-brief', name === 'brief']]) {
    if (on) $(tab).setAttribute('aria-current', 'page');
    else $(tab).removeAttribute('aria-current');
  }
  $('result').hidden = true;
  view.ticket += 1;
  if (name === 'story') {
    view.shownCursor = null;
    openStory(story);
  } else if (name === 'brief' && briefs.upload) {
    showBrief(briefs.upload, undefined, false);
  }
}

// The view the address asks for; the first time without one, the stories when there are some.
function route() {
  const hash = location.hash;
  if (hash.startsWith('#story/')) show('story', decodeURIComponent(hash.slice('#story/'.length)));
  else if (hash === '#stories') show('stories');
  else if (hash === '#brief') show('brief');
  else if (hash === '' || hash === '#') show(feed.summaries.size ? 'stories' : 'brief');
  // Any other address (#result, say) is a place on the page, not a view.
}

// ---------- a saved brief ----------

// Where each section of a brief is drawn, by the names `newsbrief brief --sections` takes.
const SECTION_NODES = {
  summary: ['summary-section'],
  entities: ['entities-section'],
  quotes: ['quotes-section'],
  timeline: ['timeline-section'],
  sourcing: ['grid-section', 'sourcing-section'],
  sources: ['sources-section'],
};

// The page saved by `newsbrief brief --format html`: its one brief, its chosen sections, no server.
function showSaved(data) {
  document.body.classList.add('standalone');
  document.querySelector('.brand p').textContent = 'A sourced brief made by newsbrief.';
  $('stories-view').hidden = true;
  $('brief-form').hidden = true;
  const sources = list(data.sources);
  showBrief(data, undefined, false);
  document.title = $('story-title').textContent + ' · newsbrief';
  const chosen = Array.isArray(data.sections) ? data.sections : Object.keys(SECTION_NODES);
  for (const [section, ids] of Object.entries(SECTION_NODES)) {
    if (!chosen.includes(section)) ids.forEach((id) => { $(id).hidden = true; });
  }
  if (!sources.length) $('sources-section').hidden = true;
}

// ---------- wiring ----------

async function init() {
  const saved = $('brief-data');
  if (saved) {
    showSaved(JSON.parse(saved.textContent));
    return;
  }
  addArticle(false);
  addArticle(false);
  $('add-article').addEventListener('click', () => addArticle(true));
  $('edit-articles').addEventListener('click', () => {
    collapseForm(false);
    $('brief-form').scrollIntoView({ block: 'start' });
  });
  $('brief-form').addEventListener('submit', submitBrief);
  $('files').addEventListener('change', (e) => setFiles(e.target.files));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) setFiles(e.dataTransfer.files);
  });
  $('refresh-story').addEventListener('click', () => { if (view.name === 'story') openStory(view.story); });
  $('token').addEventListener('change', () => { feed.cursor = null; pollLoop(); });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) pollLoop(); });
  window.addEventListener('hashchange', route);
  try {
    await loadStories();
  } catch (e) {
    storiesStatus('Cannot load the stories: ' + (e instanceof TypeError ? 'the server cannot be reached' : e.message) + '.', true);
  }
  route();
  feed.timer = setTimeout(pollLoop, POLL_MS);
}

document.addEventListener('DOMContentLoaded', init);
