// End-to-end tests of the newsbrief web page in headless Chromium.
// The server is started by scripts/browser-test.sh, which passes its address in NEWSBRIEF_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = process.env.NEWSBRIEF_URL || 'http://127.0.0.1:8080';
const HERE = dirname(fileURLToPath(import.meta.url));
const STORY_DIR = join(HERE, '..', '..', 'examples', 'sessions-kislyak');
const STORY = readdirSync(STORY_DIR).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(STORY_DIR, f), 'utf8'));

let browser;

// Playwright gives each launch a fresh temporary profile (its stand-in for --user-data-dir).
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

// Opens the page at the given viewport and view (#brief: "Brief my articles"; #stories: the stories);
// fails the test on any request that leaves the server.
async function openPage(width = 1280, height = 900, view = '#brief') {
  const page = await browser.newPage({ viewport: { width, height } });
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(BASE)) foreign.push(r.url()); });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(BASE + '/' + view);
  await page.locator(view === '#brief' ? '#brief-form' : '#stories-view').waitFor();
  return { page, foreign };
}

async function pasteArticles(page, texts) {
  const have = await page.locator('textarea.article-text').count();
  for (let i = have; i < texts.length; i++) await page.click('#add-article');
  const areas = page.locator('textarea.article-text');
  for (let i = 0; i < texts.length; i++) await areas.nth(i).fill(texts[i]);
}

async function makeBrief(page) {
  await page.click('#make-brief');
  await page.waitForSelector('#summary li .sent', { timeout: 15000 });
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

test('the example story gives a brief whose sentences lead to their sources', async () => {
  const { page, foreign } = await openPage();
  await pasteArticles(page, STORY);
  await page.fill('input.article-outlet >> nth=0', 'Outlet One');
  await page.selectOption('#words', '150');
  await makeBrief(page);

  const sentences = page.locator('#summary .sent');
  const count = await sentences.count();
  assert.ok(count >= 2, `expected a few summary sentences, got ${count}`);
  assert.equal(await page.locator('#sources li').count(), STORY.length);
  assert.match(await page.locator('#sources li').first().innerText(), /Outlet One/);

  // Pick a sentence that other articles also report, when there is one.
  const marks = await page.locator('#summary .marks').allInnerTexts();
  const pick = Math.max(0, marks.findIndex((m) => m.includes(';')));
  const sentence = sentences.nth(pick);
  const sentenceText = squash(await sentence.innerText());
  await sentence.click();

  assert.equal(await sentence.getAttribute('aria-pressed'), 'true');
  const mark = page.locator('#source-text mark');
  await mark.waitFor();
  assert.equal(squash(await mark.innerText()), sentenceText, 'the highlighted span is the sentence');
  const sourceText = squash(await page.locator('#source-text').innerText());
  assert.ok(sourceText.length > sentenceText.length, 'the whole article is shown around the span');
  const support = page.locator('#support-list li');
  assert.ok(await support.count() >= 1);
  if (marks[pick].includes(';')) {
    assert.doesNotMatch(await support.first().innerText(), /No other article/);
  }
  assert.equal(await page.locator('#sources li.origin').count(), 1);
  assert.ok(await page.locator('#grid svg rect').count() >= STORY.length, 'the sourcing grid is drawn');

  await page.screenshot({ path: '/tmp/newsbrief-page.png', fullPage: true });
  assert.deepEqual(foreign, [], 'the page loads nothing from elsewhere');
  await page.close();
});

test('the sourcing section shows which facts only one outlet reports', async () => {
  const { page } = await openPage();
  await pasteArticles(page, STORY);
  await makeBrief(page);
  assert.equal(await page.locator('#sourcing-section').isVisible(), true);
  assert.match(await page.locator('#sourcing-counts').innerText(), /^\d+ claims are reported by two or more sources, \d+ by one source only( \(\d+ of them in the summary above\))?\.$/);
  const single = page.locator('#single-source li');
  assert.ok(await single.count() >= 1, 'some claims only one outlet reports are listed');
  assert.match(await single.first().innerText(), /\[Source \d+/);
  assert.ok(await page.locator('#grid svg rect').count() >= STORY.length, 'claims of several sources are drawn');
  await page.close();
});

test('sentences can be chosen with the keyboard', async () => {
  const { page } = await openPage();
  await pasteArticles(page, STORY.slice(0, 3));
  await makeBrief(page);
  await page.locator('#summary .sent').nth(1).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#summary .sent').nth(1).getAttribute('aria-pressed'), 'true');
  // Tab moves to the next sentence; Space selects it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#summary .sent').nth(2).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#summary .sent').nth(1).getAttribute('aria-pressed'), 'false');
  await page.locator('#source-text mark').waitFor();
  await page.close();
});

test('the page is readable at phone width', async () => {
  const { page } = await openPage(390, 844);
  await pasteArticles(page, STORY);
  await makeBrief(page);
  await page.locator('#summary .sent').first().click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: '/tmp/newsbrief-page-phone.png', fullPage: true });
  await page.close();
});

test('markup in an article is shown as text, never run', async () => {
  const { page } = await openPage();
  const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
    + 'The city council voted on Monday to close the old bridge for repairs. '
    + 'The mayor said the work would take about a year and cost four million dollars.';
  await pasteArticles(page, [hostile]);
  await page.fill('input.article-title >> nth=0', '<b>Bridge</b> <script>window.__pwned = 3</script>');
  await makeBrief(page);
  await page.locator('#summary .sent').first().click();
  await page.locator('#source-text mark').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#result script, #result img, #result b').count(), 0);
  const shown = await page.locator('#source-text').innerText();
  assert.ok(shown.includes('<script>window.__pwned = 1</script>'), 'the markup is visible as text');
  assert.ok((await page.locator('#story-title').innerText()).includes('<b>Bridge</b>'));
  await page.close();
});

// A brief with every section the library can add, served in place of the real answer: the page draws
// each section, and markup inside any of them stays text.
const FULL_BRIEF = {
  sources: [
    { doc: 0, id: 'a.txt', title: 'Sessions met Russian envoy', outlet: 'Daily <i>One</i>', published: '2017-03-01', url: 'javascript:alert(1)', words: 50 },
    { doc: 1, id: 'b.txt', title: 'Sessions recuses himself', outlet: 'Two Times', published: '2017-03-02', url: 'https://example.org/b', words: 40 },
  ],
  summary: [
    { text: 'Sessions met the ambassador twice in 2016.', doc: 0, start: 0, end: 42, support: [{ doc: 1, score: 0.6 }] },
    { text: 'He recused himself on Thursday.', doc: 1, start: 0, end: 31, support: [] },
  ],
  words: 12,
  entities: [
    { name: 'Jeff Sessions', kind: 'person', aliases: [{ text: 'Sessions', variant: false }], mentions: 9, docs: [0, 1] },
    { name: 'Justice Department', kind: 'organization', aliases: [], mentions: 3, docs: [1] },
    { name: '<img src=x onerror="window.__pwned=5">', kind: 'place', aliases: [], mentions: 1, docs: [0] },
  ],
  quotes: [
    { speaker: 'Jeff Sessions', quotes: [{ text: 'I did not have communications with the Russians', sources: [{ doc: 0, start: 1, end: 9 }], cue: 'said', partial: false }] },
  ],
  timeline: [
    { date: '2016-07-18', precision: 'day', text: 'First meeting at the convention', sources: [{ doc: 0, start: 0, end: 5 }], inferred: false, conflicts: [] },
    { date: '2016-09-08', precision: 'day', text: 'Second meeting in his Senate office', sources: [{ doc: 1, start: 0, end: 5 }], inferred: false, conflicts: [] },
    { date: '2017-03-02', precision: 'day', text: 'Recusal', sources: [{ doc: 1, start: 0, end: 5 }], inferred: false, conflicts: [] },
  ],
  corroboration: {
    claims: [
      { text: 'Sessions met the ambassador twice in 2016.', doc: 0, start: 0, end: 42, single_source: false, centrality: 0.5,
        sources: [{ doc: 0, start: 0, end: 42, score: 1 }, { doc: 1, start: 0, end: 31, score: 0.5 }],
        discrepancies: [{ kind: 'number', values: [
          { doc: 0, value: '50', start: 10, end: 12, context: 'a gathering with 50 other ambassadors' },
          { doc: 1, value: '20', start: 5, end: 7, context: 'a gathering with <b>20</b> other ambassadors', said: '<b>20</b> other ambassadors' }] }] },
      { text: 'He recused himself on Thursday.', doc: 1, start: 0, end: 31, single_source: true, centrality: 0.3,
        sources: [{ doc: 1, start: 0, end: 31, score: 1 }], discrepancies: [] },
    ],
    corroborated: 1,
    single_source: [1],
    discrepancies: [0],
    summary_discrepancies: [[{ claim: 0, discrepancy: 0 }], []],
  },
  warnings: ['<script>window.__pwned=6</script>'],
  texts: ['Sessions met the ambassador twice in 2016. More text.', 'He recused himself on Thursday. More.'],
};

test('every section the library adds is drawn, and stays text', async () => {
  const { page } = await openPage();
  await page.route('**/v1/brief*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(FULL_BRIEF) }));
  await pasteArticles(page, ['anything']);
  await makeBrief(page);
  assert.equal(await page.locator('#entities-section').isVisible(), true);
  assert.deepEqual(await page.locator('#entities h4').allInnerTexts(), ['People', 'Organisations', 'Places']);
  assert.match(await page.locator('#quotes').innerText(), /Jeff Sessions[\s\S]*I did not have communications/);
  assert.equal(await page.locator('#timeline svg circle').count(), 3);
  assert.equal(await page.locator('#timeline-list li').count(), 3);
  assert.equal(await page.locator('#grid svg rect').count(), 2, '1 claim of several sources × 2 sources');
  assert.equal(await page.locator('#sourcing-section').isVisible(), true);
  // The one single-source claim is a summary sentence: counted, not listed again.
  assert.equal(await page.locator('#sourcing-counts').innerText(), '1 claim is reported by two or more sources, 1 by one source only (1 of them in the summary above).');
  assert.equal(await page.locator('#single-source-block').isVisible(), false);
  assert.match(await page.locator('#discrepancies').innerText(), /number[\s\S]*Source 1 \(Daily <i>One<\/i>\): “a gathering with 50 other ambassadors”[\s\S]*<b>20<\/b>/);
  assert.equal(await page.locator('#summary .differs').count(), 1, 'the differing figure is shown beside its sentence');
  assert.match(await page.locator('#summary li').first().locator('.differs').innerText(), /^\s*— source 2 \(Two Times\) says “<b>20<\/b> other ambassadors”$/);
  assert.equal(await page.locator('#sources a').count(), 1, 'only the http(s) link is a link');
  assert.equal(await page.locator('#result img, #result script, #result i').count(), 0);
  assert.match(await page.locator('#warnings').innerText(), /<script>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.locator('#summary .sent').first().click();
  assert.equal(await page.locator('#source-text mark').innerText(), 'Sessions met the ambassador twice in 2016.');
  assert.match(await page.locator('#support-list').innerText(), /Two Times/);
  await page.screenshot({ path: '/tmp/newsbrief-page-sections.png', fullPage: true });
  await page.close();
});

test('an empty form says what is missing', async () => {
  const { page } = await openPage();
  await page.click('#make-brief');
  assert.match(await page.locator('#status').innerText(), /Paste at least one article/);
  await page.close();
});

// ---------- readable briefs (issue 16) ----------

// Whether two boxes ({x, y, width, height}) overlap by more than a hair.
function overlap(a, b) {
  const eps = 0.5;
  return a.x + a.width - eps > b.x && b.x + b.width - eps > a.x && a.y + a.height - eps > b.y && b.y + b.height - eps > a.y;
}

// A brief whose dates crowd together at the end of a long span (the markers of 2017-03-01 and 2017-03-02
// once drew on top of each other), and whose sources have file names for ids.
const CROWDED_BRIEF = {
  ...FULL_BRIEF,
  sources: [
    { doc: 0, id: '000_ed4ec6554b1582a8.txt', title: 'Recent U.S. and Russian Relations', outlet: null, published: null, url: null, words: 50 },
    { doc: 1, id: '001_bf47dad83f23f974.txt', title: 'Sessions recuses himself', outlet: 'Two Times', published: null, url: null, words: 40 },
  ],
  timeline: ['2016-06-14', '2016-07', '2017-02-28', '2017-03-01', '2017-03-01', '2017-03-02', '2017-03-02', '2017-03-02', '2017-03-03']
    .map((date, i) => ({ date, precision: 'day', text: 'Event ' + (i + 1), sources: [{ doc: i % 2, start: 0, end: 5 }], inferred: false, conflicts: [] })),
};

test('no two timeline markers overlap, however close their dates', async () => {
  const { page } = await openPage();
  await page.route('**/v1/brief*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(CROWDED_BRIEF) }));
  await pasteArticles(page, ['anything']);
  await makeBrief(page);
  const circles = page.locator('#timeline svg circle');
  assert.equal(await circles.count(), CROWDED_BRIEF.timeline.length);
  const boxes = await circles.evaluateAll((cs) => cs.map((c) => { const r = c.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      assert.ok(!overlap(boxes[i], boxes[j]), `markers ${i + 1} and ${j + 1} overlap: ${JSON.stringify([boxes[i], boxes[j]])}`);
    }
  }
  await page.locator('#timeline').screenshot({ path: '/tmp/newsbrief-timeline.png' });
  await page.close();
});

test('the grid names its columns by outlet or headline, not by file name', async () => {
  const { page } = await openPage();
  await page.route('**/v1/brief*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(CROWDED_BRIEF) }));
  await pasteArticles(page, ['anything']);
  await makeBrief(page);
  const columns = await page.locator('#grid svg > text').evaluateAll((ts) => ts.map((t) => t.childNodes[0].textContent));
  assert.ok(columns.some((c) => /^1\. Recent U\.S\. and Russ/.test(c)), JSON.stringify(columns));
  assert.ok(columns.includes('2. Two Times'), JSON.stringify(columns));
  assert.ok(!columns.some((c) => /[0-9a-f]{6}/.test(c)), JSON.stringify(columns));
  await page.close();
});

test('after a brief the form folds away and the brief is in view', async () => {
  const { page } = await openPage(1280, 700);
  await pasteArticles(page, STORY);
  await makeBrief(page);
  assert.equal(await page.locator('#form-body').isVisible(), false, 'the form is folded');
  assert.match(await page.locator('#form-summary').innerText(), /Brief of 5 articles\./);
  const top = await page.locator('#result').evaluate((r) => r.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 700 / 2, `the brief starts at ${top}px`);
  await page.click('#edit-articles');
  assert.equal(await page.locator('#form-body').isVisible(), true);
  assert.equal(await page.locator('textarea.article-text').count(), STORY.length, 'the articles are still there');
  await page.close();
});

test('an error of the server is shown where the user can see it', async () => {
  const { page } = await openPage(1280, 600);
  await page.route('**/v1/brief*', (route) => route.fulfill({ status: 422, contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'no_usable_article', message: 'none of the 5 articles has any prose to summarise' } }) }));
  await pasteArticles(page, STORY);
  await page.click('#make-brief');
  await page.waitForFunction(() => /No brief/.test(document.querySelector('#status').textContent));
  const box = await page.locator('#status').evaluate((s) => { const r = s.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
  assert.ok(box.top >= 0 && box.bottom <= 600, `the error is at ${JSON.stringify(box)}`);
  assert.match(await page.locator('#status').innerText(), /none of the 5 articles has any prose/);
  await page.close();
});

test('pasted headline, outlet, date and address are kept when files are chosen too', async () => {
  const { page } = await openPage();
  await pasteArticles(page, [STORY[0]]);
  await page.fill('input.article-title >> nth=0', 'My own headline');
  await page.fill('input.article-outlet >> nth=0', 'Pasted Outlet');
  await page.fill('input.article-date >> nth=0', '2017-03-02');
  await page.fill('input.article-url >> nth=0', 'https://example.org/pasted');
  await page.setInputFiles('#files', [
    { name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from(STORY[1]) },
    { name: 'third.txt', mimeType: 'text/plain', buffer: Buffer.from(STORY[2]) },
  ]);
  assert.match(await page.locator('#file-list').innerText(), /^2 files: second\.txt, third\.txt$/);
  await makeBrief(page);
  const first = page.locator('#sources li').first();
  assert.match(await first.innerText(), /Pasted Outlet — My own headline \(2017-03-02\)/);
  assert.equal(await first.locator('a').getAttribute('href'), 'https://example.org/pasted');
  assert.equal(await page.locator('#sources li').count(), 3);
  await page.close();
});

test('long lists stop at the Markdown caps with a control that shows the rest', async () => {
  const { page } = await openPage();
  await pasteArticles(page, STORY);
  await makeBrief(page);
  const visibleChips = () => page.locator('#entities .chips li:visible').count();
  const shown = await visibleChips();
  assert.ok(shown <= 20 && shown >= 10, `${shown} names shown`);
  const more = page.locator('#entities-more');
  assert.match(await more.innerText(), /^Show \d+ more names$/);
  const left = Number((await more.innerText()).match(/\d+/)[0]);
  await more.click();
  assert.equal(await visibleChips(), shown + left);
  assert.equal(await more.isVisible(), false);
  assert.ok(await page.locator('#quotes blockquote:visible').count() <= 8);
  assert.match(await page.locator('#quotes-more').innerText(), /^Show \d+ more quotes$/);
  assert.ok(await page.locator('#timeline-list li:visible').count() <= 12);
  // A listed event has the number of its marker, whichever are folded away.
  const lastListed = page.locator('#timeline-list li:visible').last();
  const n = await lastListed.getAttribute('value');
  assert.match(await page.locator('#timeline svg g.marker').nth(Number(n) - 1).locator('title').textContent(), new RegExp('^' + n + '\\. '));
  assert.equal(Number(n), await page.locator('#timeline svg circle').count(), 'the latest event is listed');
  assert.ok(await page.locator('#single-source li:visible').count() <= 8);
  // Single-source claims of the summary are counted, not listed again.
  assert.match(await page.locator('#sourcing-counts').innerText(), /\(\d+ of them in the summary above\)\.$/);
  const summary = await page.locator('#summary .sent').allInnerTexts();
  for (const claim of await page.locator('#single-source li').allInnerTexts()) {
    assert.ok(!summary.some((s) => claim.startsWith(s)), 'listed again: ' + claim);
  }
  await page.close();
});

test('counts of one are singular on the page', async () => {
  const { page } = await openPage();
  await pasteArticles(page, [STORY[1]]);
  await makeBrief(page);
  assert.match(await page.locator('#story-meta').innerText(), /^1 source · summary of \d+ words$/);
  assert.match(await page.locator('#status').innerText(), /from 1 source\.$/);
  assert.match(await page.locator('#form-summary').innerText(), /Brief of 1 article\./);
  await page.close();
});

test('a story in German says that it is summarised but not analysed in full', async () => {
  const german = [
    'Die Brücke über den Fluss wird am Montag für sechs Wochen gesperrt, teilte die Stadtverwaltung am Dienstag mit. '
      + 'Die Reparaturen kosten nach Angaben der Behörden rund vier Millionen Euro und sollen im Sommer abgeschlossen sein.',
    'Die Stadt sperrt die Brücke ab Montag für den gesamten Verkehr, weil die Fahrbahn dringend erneuert werden muss. '
      + 'Pendler müssen mit Umwegen von bis zu zwanzig Minuten rechnen, sagte ein Sprecher der Verkehrsbetriebe.',
  ];
  const { page } = await openPage();
  await pasteArticles(page, german);
  await makeBrief(page);
  const note = page.locator('#language-note');
  assert.ok(await note.isVisible(), 'the language note is shown');
  assert.match(await note.textContent(), /English/);
  await page.close();
  // An English story shows no such note.
  const { page: english } = await openPage();
  await pasteArticles(english, STORY);
  await makeBrief(english);
  assert.equal(await english.locator('#language-note').isVisible(), false);
  await english.close();
});

test('the standalone page of --format html shows the brief with no server', async () => {
  const binary = process.env.NEWSBRIEF_BIN;
  assert.ok(binary, 'NEWSBRIEF_BIN names the newsbrief binary (scripts/browser-test.sh sets it)');
  const html = execFileSync(binary, ['brief', '--format', 'html', '--sections', 'summary,timeline,sources', STORY_DIR], { maxBuffer: 1 << 26 });
  const file = join(mkdtempSync(join(tmpdir(), 'newsbrief-')), 'brief.html');
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
  page.on('pageerror', (e) => { throw e; });
  await page.goto('file://' + file);
  await page.waitForSelector('#summary li .sent');
  assert.equal(await page.locator('#story-title').innerText(), 'Sessions Spoke To Russian Ambassador During Campaign');
  assert.equal(await page.locator('#sources li').count(), STORY.length);
  assert.equal(await page.locator('#timeline-section').isVisible(), true);
  for (const hidden of ['#brief-form', '#stories-view', '#entities-section', '#quotes-section', '#sourcing-section', '#grid-section', '.views']) {
    assert.equal(await page.locator(hidden).isVisible(), false, hidden + ' is hidden');
  }
  await page.locator('#summary .sent').first().click();
  const mark = squash(await page.locator('#source-text mark').innerText());
  assert.equal(mark, squash(await page.locator('#summary .sent').first().innerText()), 'the evidence panel shows the sentence in its article');
  assert.deepEqual(requests, [], 'the page asks nothing of any server');
  await page.screenshot({ path: '/tmp/newsbrief-standalone.png', fullPage: true });
  await page.close();
});

// ---------- stories ----------

// Posts articles to the server as a stream would; the answer of /v1/articles.
async function postArticles(articles) {
  const response = await fetch(BASE + '/v1/articles', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(articles),
  });
  assert.equal(response.status, 200);
  const answer = await response.json();
  for (const a of answer.articles) assert.equal(a.error, undefined, JSON.stringify(a));
  return answer;
}

async function listStories() {
  const response = await fetch(BASE + '/v1/stories');
  assert.equal(response.status, 200);
  return (await response.json()).stories;
}

const SESSIONS_TITLES = [
  'Recent U.S. and Russian relations', 'Sessions met with Russian ambassador twice during election',
  'Jeff Sessions spoke to Russians during campaign', 'Kushner and Flynn met with Russian ambassador',
  'Sessions spoke to Russian ambassador during campaign'];
const SESSIONS = STORY.map((text, i) => ({
  id: 'sessions-' + i, text, title: SESSIONS_TITLES[i], outlet: ['Daily Planet', 'The Ledger', 'Morning Post', 'Evening Star', 'City Herald'][i],
  published: '2017-03-0' + (i < 2 ? 2 : 3) + 'T1' + i + ':00:00Z',
}));

const BRIDGE_TEXT = 'The city council voted on Monday to close the old river bridge for a year of repairs, after '
  + 'engineers found cracks in two of its supports during a routine inspection last month. The mayor said the '
  + 'work would cost four million dollars and that ferries would carry commuters across the river while the '
  + 'bridge is shut. Shop owners near the bridge said they feared losing customers during the closure.';
const BRIDGE = [
  { id: 'bridge-1', text: BRIDGE_TEXT, title: 'Old river bridge to close for a year of repairs', outlet: 'River Gazette', published: '2017-03-04' },
  { id: 'bridge-2', text: BRIDGE_TEXT.replace('The mayor said', 'Mayor Ana Ruiz told reporters').replace('four million', '4 million'),
    title: 'Council shuts cracked river bridge', outlet: 'Valley News', published: '2017-03-04' },
];
const FIRE = {
  id: 'fire-1', title: 'Wildfire forces evacuation of hill villages', outlet: 'Mountain Courier', published: '2017-03-05',
  text: 'A wildfire driven by strong winds forced the evacuation of three hill villages on Sunday, fire officials said. '
    + 'More than two hundred firefighters and four water-dropping helicopters battled the blaze, which had burned '
    + 'about nine hundred hectares of pine forest by the evening. No injuries were reported, but a school and '
    + 'several barns were destroyed. Residents were taken to a sports hall in the valley town.',
};

let posted = null;

// The stories of the examples, posted once for the tests that need them: the example story, then the bridge.
async function postedStories() {
  if (!posted) {
    const sessions = await postArticles(SESSIONS);
    const bridge = await postArticles(BRIDGE);
    posted = { sessions: sessions.articles[0].story, bridge: bridge.articles[0].story };
  }
  return posted;
}

test('the stories view lists the posted stories, most active first, and one opens its brief', async () => {
  const { sessions, bridge } = await postedStories();
  const { page, foreign } = await openPage(1280, 900, '#stories');
  const expected = await listStories();
  const items = page.locator('#stories > li');
  await items.first().waitFor();
  assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.dataset.id)), expected.map((st) => st.id));
  assert.equal(expected[0].id, bridge, 'the latest story is the most active');

  const card = page.locator('#stories > li[data-id="' + sessions + '"]');
  const summary = expected.find((st) => st.id === sessions);
  assert.equal(await card.locator('.story-title').innerText(), summary.title);
  assert.match(await card.locator('.story-counts').innerText(), new RegExp('^' + summary.articles + ' articles? · ' + summary.sources + ' sources?$'));
  assert.match(await card.locator('.story-outlets').innerText(), /Daily Planet/);
  assert.match(await card.locator('.story-seen').innerText(), /^seen 2017-03-02 10:00( – 2017-03-0\d 1\d:00)?$/);
  await page.screenshot({ path: '/tmp/newsbrief-stories.png', fullPage: true });

  await card.locator('.story-title a').click();
  await page.waitForSelector('#summary li .sent', { timeout: 15000 });
  assert.equal(new URL(page.url()).hash, '#story/' + sessions);
  assert.equal(await page.locator('#stories-box').isVisible(), false);
  assert.equal(await page.locator('#story-title').innerText(), summary.title);
  const brief = await (await fetch(BASE + '/v1/stories/' + sessions)).json();
  assert.equal(await page.locator('#sources li').count(), brief.sources.length);
  const sentence = page.locator('#summary .sent').first();
  const sentenceText = squash(await sentence.innerText());
  await sentence.click();
  await page.locator('#source-text mark').waitFor();
  assert.equal(squash(await page.locator('#source-text mark').innerText()), sentenceText, 'the sentence is shown in its article');
  assert.ok(await page.locator('#grid svg rect').count() >= 1, 'the brief view draws the sourcing grid');
  await page.screenshot({ path: '/tmp/newsbrief-story-brief.png', fullPage: true });

  await page.click('#back-to-stories');
  await page.locator('#stories-box').waitFor();
  assert.equal(await page.locator('#result').isVisible(), false);
  assert.equal(await items.count(), expected.length);
  assert.deepEqual(foreign, [], 'the page loads nothing from elsewhere');
  await page.close();
});

test('a story posted after the page loaded appears at the top without a reload', async () => {
  const { bridge } = await postedStories();
  const { page } = await openPage(1280, 900, '#stories');
  await page.locator('#stories > li').first().waitFor();
  await page.evaluate(() => { window.__sameDocument = true; });
  const before = await page.locator('#stories > li').count();

  const fire = (await postArticles([FIRE])).articles[0];
  const item = page.locator('#stories > li[data-id="' + fire.story + '"]');
  await item.waitFor({ timeout: 10000 });
  assert.equal(await page.locator('#stories > li').first().getAttribute('data-id'), fire.story);
  assert.equal(await item.locator('.story-title').innerText(), FIRE.title);
  assert.equal(await page.locator('#stories > li').count(), before + (fire.new_story ? 1 : 0));

  // An article joining an older story moves that story to the top, with its new counts.
  const more = (await postArticles([{ ...BRIDGE[0], id: 'bridge-3', outlet: 'Harbour Times', title: 'Cracked bridge shuts for repairs',
    text: BRIDGE_TEXT.replace('on Monday', 'late on Monday').replace('Shop owners', 'Traders') }])).articles[0];
  await page.waitForFunction((id) => document.querySelector('#stories > li').dataset.id === id, more.story, { timeout: 10000 });
  const summary = (await listStories()).find((st) => st.id === more.story);
  const top = page.locator('#stories > li').first();
  assert.match(await top.locator('.story-counts').innerText(), new RegExp('^' + summary.articles + ' articles?'));
  if (more.story === bridge) assert.match(await top.locator('.story-outlets').innerText(), /Harbour Times/);
  assert.equal(await page.locator('#stories > li[data-id="' + more.story + '"]').count(), 1, 'the story is listed once');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  await page.close();
});

test('an open story says when new articles join it', async () => {
  const { bridge } = await postedStories();
  const { page } = await openPage(1280, 900, '#story/' + bridge);
  await page.waitForSelector('#summary li .sent', { timeout: 15000 });
  assert.equal(await page.locator('#story-news').isVisible(), false);
  const more = (await postArticles([{ ...BRIDGE[1], id: 'bridge-4', outlet: 'Commuter Weekly' }])).articles[0];
  if (more.story === bridge) {
    await page.locator('#story-news').waitFor({ timeout: 10000 });
    await page.click('#refresh-story');
    await page.locator('#story-news').waitFor({ state: 'hidden' });
    await page.waitForSelector('#summary li .sent', { timeout: 15000 });
  }
  await page.close();
});

test('the front page shows the stories when there are some, and the views switch', async () => {
  await postedStories();
  const { page } = await openPage(1280, 900, '');
  await page.locator('#stories > li').first().waitFor();
  assert.equal(await page.locator('#tab-stories').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('#brief-form').isVisible(), false);
  await page.click('#tab-brief');
  await page.locator('#brief-form').waitFor();
  assert.equal(await page.locator('#stories-view').isVisible(), false);
  assert.equal(await page.locator('#tab-brief').getAttribute('aria-current'), 'page');
  await page.click('#tab-stories');
  await page.locator('#stories > li').first().waitFor();
  await page.close();
});

test('an unknown story says so', async () => {
  const { page } = await openPage(1280, 900, '#story/s99999');
  await page.waitForFunction(() => /no story s99999/.test(document.querySelector('#story-status').textContent));
  assert.equal(await page.locator('#result').isVisible(), false);
  await page.close();
});

test('the stories are readable at phone width', async () => {
  const { sessions } = await postedStories();
  const { page } = await openPage(390, 844, '#stories');
  await page.locator('#stories > li').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: '/tmp/newsbrief-stories-phone.png', fullPage: true });
  await page.locator('#stories > li[data-id="' + sessions + '"] .story-title a').click();
  await page.waitForSelector('#summary li .sent', { timeout: 15000 });
  const overflowBrief = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflowBrief <= 1, `the brief is ${overflowBrief}px wider than the phone`);
  await page.close();
});
