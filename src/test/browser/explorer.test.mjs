// The explorer in a real browser (headless Debian Chromium via playwright-core) against a running server:
//   EXPLORER_URL=http://localhost:3030/ SCREENSHOTS=../../../target/explorer-screenshots node --test explorer.test.mjs
// ExplorerBrowserTest (mvn verify) starts a server on the seed graph and runs this.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watchedPage, settledPage } from './browser.mjs';

const BASE = (process.env.EXPLORER_URL || 'http://localhost:3030/').replace(/\/$/, '');
const SHOTS = process.env.SCREENSHOTS || 'screenshots';
const GLYCINATE = 'https://w3id.org/claimgraph/id/concept/magnesium-glycinate';
const SLEEP = 'https://w3id.org/claimgraph/id/concept/sleep-quality';
let browser;
let page;
const errors = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  page = await watchedPage(browser, BASE, errors, { consoleErrors: true });
});

after(async () => {
  await browser?.close();
});

async function open(path) {
  await page.goto(BASE + path);
  await settled();
}

/** Waits until the explorer has rendered the current view. */
async function settled() {
  await settledPage(page);
}

async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

async function sparqlCount(query) {
  const r = await fetch(`${BASE}/kg/sparql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query }),
  });
  assert.equal(r.status, 200);
  return Number((await r.json()).results.bindings[0].n.value);
}

async function namedQuery(name, params) {
  const r = await fetch(`${BASE}/api/queries/${name}?${new URLSearchParams(params)}`);
  assert.equal(r.status, 200);
  return (await r.json()).results.bindings;
}

function assertNoErrors() {
  assert.deepEqual(errors.splice(0), []);
}

test('every page opens, with its own content', async () => {
  const pages = [
    ['/', 'home', 'What do web articles claim'],
    ['/claims', 'claims', 'Claims'],
    ['/id/claim/003-001', 'claim', '003-001'],
    ['/id/document/003_497fb625f584bf77', 'document', 'What Is the Relationship Between Magnesium and Calcium?'],
    ['/id/concept/magnesium-glycinate', 'concept', 'magnesium glycinate'],
    ['/matrix', 'matrix', 'Evidence matrix'],
    ['/query?name=claims-per-grade', 'query', 'Query'],
    ['/documents', 'documents', 'Documents'],
    ['/concepts', 'concepts', 'Concepts'],
    ['/id/reference/dai-2018', 'reference', 'Magnesium status and supplementation influence vitamin D status'],
  ];
  for (const [path, name, heading] of pages) {
    await open(path);
    assert.match(await page.locator('h1').first().innerText(), new RegExp(heading.replace(/[?()]/g, '\\$&')), path);
    await shot(name);
  }
  await open('/claims');
  assert.equal(await page.getByTestId('claim-count').innerText(), '488 claims');
  assert.equal(await page.locator('table.claims tbody tr').count(), 50);
  await open('/id/document/003_497fb625f584bf77');
  const docClaims = await sparqlCount(`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c <https://w3id.org/claimgraph/ontology#statedIn> <https://w3id.org/claimgraph/id/document/003_497fb625f584bf77> }`);
  assert.equal(await page.locator('.side-list li').count(), docClaims);
  await open('/id/concept/magnesium-glycinate');
  assert.ok(await page.locator('svg.network .node').count() > 5, 'the network is drawn');
  await open('/query?name=claims-per-grade');
  await page.locator('.results-table tbody tr').first().waitFor();
  assert.equal(await page.locator('.results-table tbody tr').count(), 4);
  assertNoErrors();
});

test('a facet filters the list, keeps its counts honest and lives in the URL', async () => {
  await open('/claims');
  await page.locator('a[data-facet="grade"][data-value="cg:GradeHigh"]').click();
  await settled();
  assert.match(page.url(), /grade=cg%3AGradeHigh|grade=cg:GradeHigh/);
  const high = await sparqlCount('SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c <https://w3id.org/claimgraph/ontology#grade> <https://w3id.org/claimgraph/ontology#GradeHigh> }');
  assert.equal(await page.getByTestId('claim-count').innerText(), `${high} claim${high === 1 ? '' : 's'} match`);
  assert.equal(await page.locator('table.claims tbody tr').count(), Math.min(high, 50));
  // The URL alone restores the view.
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await settled();
  assert.equal(await page.locator('a[data-facet="grade"].selected').getAttribute('data-value'), 'cg:GradeHigh');
  // Search, then clear everything from the keyboard.
  await page.fill('#claim-search', 'sleep');
  await page.press('#claim-search', 'Enter');
  await settled();
  assert.match(page.url(), /q=sleep/);
  await shot('claims-filtered');
  await page.locator('a.clear-all').focus();
  await page.keyboard.press('Enter');
  await settled();
  assert.equal(new URL(page.url()).search, '');
  assert.equal(await page.getByTestId('claim-count').innerText(), '488 claims');
  assertNoErrors();
});

test('a search finds the claims whose quote or labels have every word, best match first, the words marked', async () => {
  await open('/claims?q=' + encodeURIComponent('Sleep quality'));
  // The full-text index matches whole words, ignoring case, in one quote or one label or synonym.
  const word = (w) => `REGEX(STR(?t), "(^|[^\\\\p{L}\\\\p{N}])${w}([^\\\\p{L}\\\\p{N}]|$)", "i")`;
  const expected = await sparqlCount(`PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {
      { ?c a cg:Claim ; cg:quote/oa:hasSelector/oa:exact ?t } UNION { ?c a cg:Claim ; cg:subject|cg:object|cg:relation ?k . ?k skos:prefLabel|skos:altLabel ?t }
      FILTER (${word('sleep')} && ${word('quality')}) }`);
  assert.ok(expected > 0);
  assert.equal(await page.getByTestId('claim-count').innerText(), `${expected} claim${expected === 1 ? '' : 's'} match`);
  assert.equal(await page.locator('#claim-sort').inputValue(), 'relevance');
  const rows = page.locator('table.claims tbody tr');
  assert.equal(await rows.count(), Math.min(expected, 50));
  for (let i = 0; i < await rows.count(); i++) {
    const marks = await rows.nth(i).locator('mark').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((m) => /^(sleep|quality)$/i.test(m)), `row ${i}: ${marks}`);
  }
  await shot('claims-search');
  assertNoErrors();
});

test('which claims about magnesium glycinate are unsupported, and where exactly are they made?', async () => {
  const unsupported = new Set((await namedQuery('unsupported-claims', { includeWeak: 'false' })).map((b) => b.claim.value));
  const about = new Set((await namedQuery('claims-about', { concept: 'concept:magnesium-glycinate' })).map((b) => b.claim.value));
  const expected = [...about].filter((c) => unsupported.has(c)).sort();
  assert.ok(expected.length > 0);

  await open('/');
  await page.getByRole('link', { name: 'Claims', exact: true }).click();
  await settled();
  const form = page.locator(`a[data-facet="form"][data-value="concept:magnesium-glycinate"]`);
  if (!(await form.isVisible())) await page.locator('#facet-form ~ details summary').click();
  await form.click();
  await settled();
  await page.locator('a[data-facet="flag"][data-value="unsupported"]').click();
  await settled();
  assert.equal(await page.getByTestId('claim-count').innerText(), `${expected.length} claims match`);
  const listed = await page.locator('table.claims tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.claim));
  assert.deepEqual(listed, expected.map((c) => c.slice(c.lastIndexOf('/') + 1)));
  await shot('scenario-1-list');

  await page.locator('table.claims tbody tr').first().locator('a.claim-link').click();
  await settled();
  const id = listed[0];
  assert.equal(new URL(page.url()).pathname, `/id/claim/${id}`);
  // Why: its grade's derivation found nothing that counts (the findings say whether anyone has checked it yet).
  assert.match(await page.locator('.grade-box').innerText(), /nothing that counts supports it/);
  assert.match(await page.locator('.findings').innerText(), /no-evidence|unreviewed/);
  const quote = await page.locator('figure.context mark').first().innerText();
  await shot('scenario-2-claim');

  await page.locator('a.show-in-document').first().click();
  await settled();
  assert.match(page.url(), new RegExp(`/id/document/.+#claim-${id}$`));
  const current = page.locator('a.hl.current');
  await current.first().waitFor();
  const marked = (await current.allInnerTexts()).join('');
  assert.equal(marked.replace(/\s+/g, ' ').trim(), quote.replace(/\s+/g, ' ').trim());
  assert.ok(await current.first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }), 'the highlight is scrolled into view');
  assert.match(await current.first().getAttribute('class'), /flagged/);
  await shot('scenario-3-document');

  // A highlight is a link that opens its claim.
  await current.first().click();
  await settled();
  assert.equal(new URL(page.url()).pathname, `/id/claim/${id}`);
  assertNoErrors();
});

test('a concept of many claims counts them per relation, and a relation opens them in the claim list', async () => {
  // 265 claims are about magnesium or its forms in the seeds: more than a concept page lists.
  const about = '?about (<https://w3id.org/claimgraph/ontology#formOf>|<http://www.w3.org/2004/02/skos/core#broader>)* <https://w3id.org/claimgraph/id/concept/magnesium> . ?c <https://w3id.org/claimgraph/ontology#subject>|<https://w3id.org/claimgraph/ontology#object> ?about .';
  const total = await sparqlCount(`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ${about} }`);
  assert.ok(total > 200, `magnesium has more claims than a page lists: ${total}`);
  await open('/id/concept/magnesium');
  assert.equal(await page.locator('#claims-h').innerText(), `Claims about magnesium (${total})`);
  assert.equal(await page.locator('.claim-list li').count(), 0, 'not listed');
  const links = page.locator('.relation-counts li a');
  const texts = await links.allInnerTexts();
  assert.equal(texts.reduce((n, t) => n + Number(/\((\d+)\)$/.exec(t)[1]), 0), total, 'each claim counted once, under its relation');
  const improves = texts.findIndex((t) => t.startsWith('improves '));
  assert.ok(improves >= 0, texts.join(', '));
  const n = Number(/\((\d+)\)$/.exec(texts[improves])[1]);
  assert.equal(n, await sparqlCount(`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ${about} ?c <https://w3id.org/claimgraph/ontology#relation> <https://w3id.org/claimgraph/ontology#improves> }`));
  await shot('concept-counted');
  await links.nth(improves).click();
  await settled();
  assert.match(page.url(), /mineral=concept%3Amagnesium&relation=cg%3Aimproves/);
  assert.equal(await page.getByTestId('claim-count').innerText(), `${n} claim${n === 1 ? '' : 's'} match`);
  assertNoErrors();
});

test('the evidence matrix agrees with a SPARQL count, and a cell opens its claims', async () => {
  await open('/matrix');
  const cell = page.locator('td.cell a[data-form="concept:magnesium-glycinate"][data-outcome="concept:sleep-quality"]');
  const shown = Number(await cell.getAttribute('data-claims'));
  // A claim is about a concept when its subject or object is the concept or falls under it (skos:broader).
  const counted = await sparqlCount(`PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c (cg:subject|cg:object)/skos:broader* <${GLYCINATE}> . ?c (cg:subject|cg:object)/skos:broader* <${SLEEP}> }`);
  assert.equal(shown, counted);
  assert.equal(await cell.locator('.cell-count').innerText(), String(counted));
  const cells = await page.locator('td.cell a').count();
  const pairs = await sparqlCount(`PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?f ?o WHERE { ?c (cg:subject|cg:object)/skos:broader* ?f , ?o . ?f a cg:Form . ?o a cg:Outcome } }`);
  assert.equal(cells, pairs);
  await cell.click();
  await settled();
  assert.equal(await page.getByTestId('claim-count').innerText(), `${counted} claim${counted === 1 ? '' : 's'} match`);
  assertNoErrors();
});

test('a claim page shows how its grade was derived, step by step, and what its words deny', async () => {
  await open('/id/claim/001-026');
  const steps = await page.getByTestId('derivation').locator('li').allInnerTexts();
  assert.deepEqual(steps, ['starts high: randomized controlled trial (Tarleton 2017)',
    '\u22121 risk of bias: open-label: the participants were not blinded',
    '\u22121 imprecision: 126 participants (fewer than 400)', '= low']);
  assert.match(await page.locator('table.evidence').innerText(), /set aside: it rests on the same study/);
  await shot('claim-derivation');
  await open('/id/claim/001-157');
  assert.equal(await page.getByTestId('negated').innerText(), 'not directly');
  assertNoErrors();
});

test('graph IRIs answer HTML to a browser and RDF by Accept; unknown ones are 404', async () => {
  const get = (path, accept) => fetch(BASE + path, { headers: accept ? { Accept: accept } : {} });
  let r = await get('/id/claim/003-001', 'text/turtle');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/turtle/);
  const ttl = await r.text();
  assert.match(ttl, /oa:exact\s+"It is required for Vitamin D activation"/);
  assert.match(ttl, /reference:dai-2018/);
  r = await get('/id/claim/003-001', 'application/ld+json');
  assert.match(r.headers.get('content-type'), /^application\/ld\+json/);
  assert.ok(JSON.stringify(await r.json()).includes('003-001/evidence/'));
  r = await get('/id/concept/magnesium-glycinate', 'application/n-triples');
  assert.match(await r.text(), /<https:\/\/w3id\.org\/claimgraph\/id\/concept\/magnesium-glycinate> <http:\/\/www\.w3\.org\/2004\/02\/skos\/core#prefLabel> "magnesium glycinate"@en/);
  r = await get('/id/claim/003-001', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.equal((await get('/id/claim/999-999', 'text/turtle')).status, 404);
  assert.equal((await get('/id/concept/no-such-thing', 'text/html')).status, 404);
});

test('links from the graph are followed only when they are http(s); the pages carry a Content-Security-Policy', async () => {
  // ExplorerBrowserTest adds skos:closeMatch <javascript:...> to magnesium glycinate, as a graph from elsewhere might.
  const r = await fetch(BASE + '/id/concept/magnesium-glycinate', { headers: { Accept: 'text/html' } });
  assert.match(r.headers.get('content-security-policy') || '', /script-src 'self'/);
  await open('/id/concept/magnesium-glycinate');
  const hrefs = await page.$$eval('a[href], [*|href]', (links) => links.map((a) => a.getAttribute('href') || a.getAttribute('xlink:href') || ''));
  assert.ok(!hrefs.some((h) => /^\s*javascript:/i.test(h)), `no javascript: link: ${hrefs.join(' ')}`);
  assert.match(await page.locator('dl.props').innerText(), /javascript:/, 'the id is shown, as text');
  assertNoErrors();
});

test('narrow screens: no sideways scrolling, filters fold away', async () => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const [path, name] of [['/claims?form=concept:magnesium-glycinate&flag=unsupported', 'narrow-claims'],
    ['/id/claim/001-042', 'narrow-claim'], ['/id/document/001_f2a8dd8490429c31', 'narrow-document'], ['/', 'narrow-home']]) {
    await open(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    await shot(name);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  assertNoErrors();
});

test('markup and script in the graph render as text on every page', async () => {
  // ExplorerBrowserTest appends an <img onerror>, a </script><script> and a javascript: link to the title of
  // document 004, the label of concept restlessness and the quote of claim 004-070.
  const pages = [
    ['/', false], ['/claims', false], ['/claims?q=restlessness', true], ['/claims?q=hyperactivity', false],
    ['/id/claim/004-070', true], ['/id/claim/004-066', true], ['/id/document/004_2235d8500ff77c3b', true],
    ['/id/concept/restlessness', true], ['/id/concept/neuronal-hyperexcitability', false], ['/matrix', false],
    ['/documents', true], ['/concepts', true],
  ];
  for (const [path, shown] of pages) {
    await open(path);
    const injected = await page.evaluate(() => ({
      elements: document.querySelectorAll('[data-hostile]').length,
      pwned: window.__pwned ?? null,
      scripts: [...document.scripts].filter((s) => !s.src).length,
      text: document.body.innerText,
    }));
    assert.equal(injected.elements, 0, `${path}: injected elements`);
    assert.equal(injected.pwned, null, `${path}: a script ran`);
    assert.equal(injected.scripts, 0, `${path}: an inline script`);
    if (shown) assert.match(injected.text, /<img src=x onerror=/, `${path}: the markup is shown as text`);
  }
  await shot('hostile-claim');
  errors.splice(0);
});
