// End-to-end tests of the newsbrief web page in headless Chromium.
// The server is started by scripts/browser-test.sh, which passes its address in NEWSBRIEF_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
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

// Opens the page at the given viewport; fails the test on any request that leaves the server.
async function openPage(width = 1280, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(BASE)) foreign.push(r.url()); });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(BASE + '/');
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
  assert.match(await page.locator('#sourcing-counts').innerText(), /^\d+ claims are reported by two or more sources, \d+ by one source only\.$/);
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
          { doc: 1, value: '20', start: 5, end: 7, context: 'a gathering with <b>20</b> other ambassadors' }] }] },
      { text: 'He recused himself on Thursday.', doc: 1, start: 0, end: 31, single_source: true, centrality: 0.3,
        sources: [{ doc: 1, start: 0, end: 31, score: 1 }], discrepancies: [] },
    ],
    corroborated: 1,
    single_source: [1],
    discrepancies: [0],
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
  assert.match(await page.locator('#single-source').innerText(), /He recused himself on Thursday\.[\s\S]*Source 2 \(Two Times\)[\s\S]*in the summary/);
  assert.match(await page.locator('#discrepancies').innerText(), /number[\s\S]*Source 1 \(Daily <i>One<\/i>\): “a gathering with 50 other ambassadors”[\s\S]*<b>20<\/b>/);
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
