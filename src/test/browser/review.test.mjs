// The review page in a real browser (headless Debian Chromium via playwright-core) against a server with update
// users on a TDB2 directory holding one ingested document's candidates. ReviewBrowserTest (mvn verify) sets it up:
//   EXPLORER_URL, DOCUMENT (its id), CURATOR and PASSWORD (a user of --update-users), SCREENSHOTS.
// The curator accepts the first candidate and adds evidence to it, rejects the second, corrects the third
// (negated, qualifier) and accepts the rest; each decision is then in the graph with who and when (PROV-O).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watchedPage, settledPage } from './browser.mjs';

const BASE = (process.env.EXPLORER_URL || 'http://localhost:3030/').replace(/\/$/, '');
const DOCUMENT = process.env.DOCUMENT;
const SHOTS = process.env.SCREENSHOTS || 'screenshots';
let browser;
let page;
const errors = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  page = await watchedPage(browser, BASE, errors);
});

after(async () => {
  await browser?.close();
});

async function settled() {
  await settledPage(page);
}

async function select(query) {
  const r = await fetch(`${BASE}/kg/sparql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query }),
  });
  assert.equal(r.status, 200);
  return (await r.json()).results.bindings;
}

/** Clicks inside a card and waits for the page to render the decision (the card's status changes). */
async function decide(card, action) {
  const before = await page.evaluate(() => document.body.dataset.ready);
  await action(card);
  await page.waitForFunction((b) => document.body.dataset.ready !== b && document.querySelector('main')?.getAttribute('aria-busy') === 'false', before);
  const failure = await page.locator('.review-status').textContent();
  assert.ok(!/HTTP \d/.test(failure), failure);
}

test('a curator accepts, rejects, corrects and adds evidence; each decision is stored with who and when', async () => {
  await page.goto(`${BASE}/review`);
  await settled();
  const listed = page.locator('.review-documents a');
  assert.equal(await listed.count(), 1, 'the document with candidates is listed');
  await listed.first().click();
  await settled();
  assert.match(await page.locator('h1').textContent(), /Review: Magnesium and Sleep/);
  const cards = page.locator('.review-card');
  const n = await cards.count();
  assert.ok(n >= 4, `candidates shown: ${n}`);
  assert.equal(await page.locator('.review-card .flag-candidate').count(), n, 'each marked as a candidate');
  assert.ok(await page.locator('.doc-text a.hl').count() >= 1, 'the candidates are highlighted in the text');
  await page.screenshot({ path: join(SHOTS, 'review-before.png') });

  // Not signed in: nothing is written.
  await page.locator('.review-card').first().locator('button.accept').click();
  assert.match(await page.locator('.review-status').textContent(), /Sign in first/);

  await page.fill('.sign-in input[name=user]', process.env.CURATOR);
  await page.fill('.sign-in input[name=password]', process.env.PASSWORD);
  await page.click('.sign-in button');

  const card = (i) => page.locator('.review-card').nth(i);
  await decide(card(0), (c) => c.locator('button.accept').click());
  await decide(card(0), async (c) => {
    await c.locator('details.add-evidence summary').click();
    await c.locator('input[name=reference]').fill('reference:dai-2018');
    await c.locator('input[name=note]').fill('RCT: magnesium supplementation changed vitamin D metabolite levels.');
    await c.locator('details.add-evidence button[type=submit]').click();
  });
  await decide(card(1), (c) => c.locator('button.reject').click());
  await decide(card(2), async (c) => {
    await c.locator('details.correct summary').click();
    await c.locator('input[name=negated]').check();
    await c.locator('input[name=qualifier]').fill('in older adults');
    await c.locator('details.correct button[type=submit]').click();
  });
  for (let i = 3; i < n; i++) await decide(card(i), (c) => c.locator('button.accept').click());

  assert.equal(await page.locator('.review-card .flag-candidate').count(), 0, 'no candidate left');
  assert.equal(await page.locator('.review-card.status-rejected').count(), 1);
  assert.equal(await page.locator('.review-card.status-accepted').count(), n - 1);
  assert.match(await card(1).textContent(), new RegExp(`rejected by ${process.env.CURATOR} at \\d{4}-`));
  await page.screenshot({ path: join(SHOTS, 'review-after.png') });

  const rows = await select(`PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?claim ?decision ?corrected ?who ?when WHERE {
      ?d a cg:ReviewDecision ; prov:used ?claim ; cg:decision ?decision ; cg:corrected ?corrected ;
         prov:wasAssociatedWith ?who ; prov:endedAtTime ?when . FILTER (CONTAINS(STR(?claim), "/claim/005-")) }`);
  assert.equal(rows.length, n, 'one decision a candidate');
  assert.ok(rows.every((r) => r.who.value === `https://w3id.org/claimgraph/id/curator/${process.env.CURATOR}`), 'who: the signed-in curator');
  assert.ok(rows.every((r) => r.when.datatype.endsWith('#dateTime')), 'when: the server time');
  assert.equal(rows.filter((r) => r.corrected.value === 'true').length, 1, 'one correction');
  const evidence = await select(`PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?line WHERE { ?c cg:evidence ?line . ?line cg:reference <https://w3id.org/claimgraph/id/reference/dai-2018> ;
      prov:wasAttributedTo <https://w3id.org/claimgraph/id/curator/${process.env.CURATOR}> . FILTER (CONTAINS(STR(?c), "/claim/005-")) }`);
  assert.equal(evidence.length, 1, 'the evidence added, attributed to the curator');
  assert.deepEqual(errors, []);
});
