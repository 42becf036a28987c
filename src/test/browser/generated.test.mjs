// The explorer in a real browser (headless Debian Chromium via playwright-core) against any graph claimgraph built:
// nothing here names a claim, a document or a count; every expectation is computed from the data, by SPARQL
// against the same server's /kg/sparql. GeneratedCorpusBrowserTest (mvn verify) runs it against `serve --tdb` of a
// generated corpus loaded into TDB2; by hand, against a server of your own:
//   EXPLORER_URL=http://localhost:3030/ SCREENSHOTS=../../../target/explorer-screenshots node --test generated.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watchedPage, settledPage } from './browser.mjs';
import { expand, localHref } from '../../main/resources/explorer/js/sparql.js';

const BASE = (process.env.EXPLORER_URL || 'http://localhost:3030/').replace(/\/$/, '');
const SHOTS = process.env.SCREENSHOTS || 'screenshots';
const PAGE_SIZE = 50;
const PREFIXES = `PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
  PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
  PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX sh: <http://www.w3.org/ns/shacl#>
`;
const FINDINGS_GRAPH = 'https://w3id.org/claimgraph/id/graph/findings';
let browser;
let page;
const errors = [];
/** What the graph holds, read once by SPARQL: how many claims, and a few claims to open. */
let claims;
let samples;
/** The sections of queries/explorer/facets.rq as the server hands them to the explorer: facet name to pattern. */
let sections;
let sectionPrefixes;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  page = await watchedPage(browser, BASE, errors, { consoleErrors: true });
  claims = await count('SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim a cg:Claim }');
  assert.ok(claims > PAGE_SIZE, `a corpus of more than one page of claims (${claims})`);
  // The claim in the middle of the id order, the first unsupported one and the first candidate, when there is one.
  const middle = (await select(`SELECT ?claim WHERE { ?claim a cg:Claim } ORDER BY ?claim OFFSET ${Math.floor(claims / 2)} LIMIT 1`))[0].claim;
  const unsupported = (await select('SELECT ?claim WHERE { ?claim cg:flag "unsupported" } ORDER BY ?claim LIMIT 1'))[0]?.claim;
  const candidate = (await select('SELECT ?claim WHERE { ?claim cg:status cg:Candidate } ORDER BY ?claim LIMIT 1'))[0]?.claim;
  samples = [];
  for (const iri of [middle, unsupported, candidate].filter(Boolean)) samples.push(await describe(iri));
  const text = await (await fetch(`${BASE}/explorer/queries/facets.rq`)).text();
  sectionPrefixes = text.split('\n').filter((l) => l.startsWith('PREFIX')).join('\n') + '\n';
  sections = {};
  let current = null;
  for (const line of text.split('\n')) {
    const m = /^# facet: (\w+)\s*$/.exec(line);
    if (m) { current = m[1]; sections[current] = ''; } else if (current) sections[current] += line + '\n';
  }
});

after(async () => {
  await browser?.close();
});

async function select(query) {
  const r = await fetch(`${BASE}/kg/sparql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query: PREFIXES + query }),
  });
  assert.equal(r.status, 200, query);
  return (await r.json()).results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

async function count(query) {
  return Number((await select(query))[0].n);
}

/** One claim as the graph has it: id, labels, grade, quote, document, and the rules its stored findings name. */
async function describe(iri) {
  const [c] = await select(`SELECT ?subject ?subjectLabel ?object ?objectLabel ?gradeLabel ?exact ?document ?title WHERE {
      <${iri}> cg:subject ?subject ; cg:object ?object ; cg:grade ?grade ; cg:statedIn ?document ;
        cg:quote/oa:hasSelector/oa:exact ?exact .
      ?subject skos:prefLabel ?subjectLabel . ?object skos:prefLabel ?objectLabel . ?grade skos:prefLabel ?gradeLabel .
      ?document dcterms:title ?title } LIMIT 1`);
  const rules = (await select(`SELECT ?shape WHERE { GRAPH <${FINDINGS_GRAPH}> { ?r sh:focusNode <${iri}> ; sh:sourceShape ?shape } }`))
    .map((r) => r.shape.slice(r.shape.lastIndexOf('#') + 1)).sort();
  return { iri, id: iri.slice(iri.lastIndexOf('/') + 1), ...c, rules };
}

/** A facet's section with ?value bound to a value (an IRI, or the text of a literal) and its other variables renamed. */
function bound(name, value) {
  const term = /^https?:/.test(value) ? `<${value}>` : JSON.stringify(value);
  return sections[name].replace(/\?(\w+)\b/g, (all, v) => (v === 'claim' ? all : v === 'value' ? term : `?${v}_${name}`));
}

/** The claims per value of one facet among the claims that pass the filters ({facet: value}), by SPARQL. */
async function facetCounts(name, filters = {}) {
  const where = Object.entries(filters).map(([f, v]) => bound(f, v)).join('\n');
  const rows = await select(`${sectionPrefixes} SELECT ?value (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim a cg:Claim .
    ${where} ${sections[name]} } GROUP BY ?value`);
  return Object.fromEntries(rows.map((r) => [r.value, Number(r.n)]).sort());
}

async function claimsWith(filters) {
  const where = Object.entries(filters).map(([f, v]) => bound(f, v)).join('\n');
  return count(`${sectionPrefixes} SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim a cg:Claim . ${where} }`);
}

/** Every facet's counts as the claim index answers them (GET /api/claim-index), for the filters. */
async function indexCounts(filters = {}) {
  const r = await fetch(`${BASE}/api/claim-index?${new URLSearchParams(filters)}`);
  assert.equal(r.status, 200);
  const body = await r.json();
  return Object.fromEntries(Object.entries(body.facets).map(([f, values]) => [f, Object.fromEntries(values.map((v) => [v.value, v.count]).sort())]));
}

/** How many values of a facet the claim index lists at most (ClaimIndex.FACET_VALUES). */
const FACET_VALUES = 100;

/**
 * A facet's listed values against SPARQL's count of every value: all of them when there are FACET_VALUES or fewer,
 * else the FACET_VALUES with the most claims (and {@code selected}, a value filtered by, whatever its count), each
 * with SPARQL's count.
 */
function assertListed(listed, counted, message, selected) {
  if (Object.keys(counted).length <= FACET_VALUES) {
    assert.deepEqual(listed, counted, message);
    return;
  }
  for (const [value, n] of Object.entries(listed)) assert.equal(n, counted[value], `${message}: ${value}`);
  const ranked = Object.entries(listed).filter(([v]) => v !== selected).map(([, n]) => n);
  assert.equal(ranked.length, FACET_VALUES, `${message}: how many are listed`);
  const fewest = Math.min(...ranked);
  for (const [value, n] of Object.entries(counted)) {
    assert.ok(value in listed || n <= fewest, `${message}: ${value} (${n} claims) is not listed, but has more than a listed value`);
  }
}

/** The facet names of the claim list and each value's count, as the page shows them (every value, folded or not). */
async function shownCounts() {
  const links = await page.locator('a[data-facet]').evaluateAll((as) => as.map((a) => ({
    facet: a.dataset.facet, value: a.dataset.value, count: Number(a.querySelector('.facet-count').textContent.replace(/,/g, '')),
  })));
  const out = {};
  for (const { facet, value, count: n } of links) (out[facet] ??= {})[facet === 'flag' ? value : expand(value)] = n;
  for (const f of Object.keys(out)) out[f] = Object.fromEntries(Object.entries(out[f]).sort());
  return out;
}

async function open(path) {
  await page.goto(BASE + path);
  await settled();
}

/** Waits until the explorer has rendered the current view; it must not be the error view. */
async function settled() {
  await settledPage(page);
  const heading = await page.locator('main h1').first().innerText();
  assert.notEqual(heading, 'Something went wrong', `${page.url()}: ${await page.locator('main').innerText()}`);
}

async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `generated-${name}.png`), fullPage: false });
}

function claimCount(n, filtered) {
  return `${n.toLocaleString('en')} claim${n === 1 ? '' : 's'}${filtered ? ' match' : ''}`;
}

function assertNoErrors() {
  assert.deepEqual(errors.splice(0), []);
}

test('every page opens with what the graph holds, without script errors or requests outside the server', async () => {
  await open('/');
  assert.match(await page.locator('h1').first().innerText(), /What do web articles claim/);
  const stats = await page.locator('ul.stats li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.stat-label').textContent, Number(li.querySelector('.stat-n').textContent)]));
  assert.deepEqual(Object.fromEntries(stats), {
    claims,
    documents: await count('SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cg:SourceDocument }'),
    concepts: await count('SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a/rdfs:subClassOf cg:Concept }'),
    references: await count('SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a cg:Reference }'),
  });
  await shot('home');

  const claim = samples[0];
  await open(localHref(claim.document));
  assert.equal(await page.locator('h1').first().innerText(), claim.title);
  assert.equal(await page.locator('.side-list li').count(),
    await count(`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cg:statedIn <${claim.document}> }`));
  await shot('document');

  // A concept's page counts the claims about it or anything narrower (its forms, narrower concepts), and lists
  // them when they are 200 or fewer, else counts them per relation, each relation opening its claims in the claim
  // list: both for the sample claim's subject and object.
  const about = async (concept) => count(`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {
      ?about (cg:formOf|skos:broader)* <${concept}> . ?c cg:subject|cg:object ?about }`);
  const concepts = (await Promise.all([[claim.subject, claim.subjectLabel], [claim.object, claim.objectLabel]]
    .map(async ([iri, label]) => ({ iri, label, claims: await about(iri) })))).sort((a, b) => a.claims - b.claims);
  for (const concept of concepts) {
    await open(localHref(concept.iri));
    assert.ok((await page.locator('h1').first().innerText()).startsWith(concept.label));
    assert.equal(await page.locator('#claims-h').innerText(), `Claims about ${concept.label} (${concept.claims.toLocaleString('en')})`);
    if (concept.claims <= 200) {
      assert.equal(await page.locator('.claim-list li').count(), concept.claims);
    } else {
      const links = page.locator('.relation-counts li a');
      const texts = await links.allInnerTexts();
      assert.equal(texts.reduce((n, t) => n + Number(/\(([\d,]+)\)$/.exec(t)[1].replace(/,/g, '')), 0), concept.claims, 'the relations count every claim once');
      // A concept the claim list has a facet for (a mineral, form, mechanism or outcome): the relation's claims
      // are the list's, filtered by the concept and the relation.
      if (/[?&](mineral|form|mechanism|outcome)=/.test(await links.first().getAttribute('href'))) {
        const n = Number(/\(([\d,]+)\)$/.exec(texts[0])[1].replace(/,/g, ''));
        await links.first().click();
        await settled();
        assert.equal(await page.getByTestId('claim-count').innerText(), `${n.toLocaleString('en')} claim${n === 1 ? '' : 's'} match`,
          'a relation opens the claim list of as many claims');
      }
    }
    await shot(concept.claims <= 200 ? 'concept' : 'concept-counted');
  }

  // The documents index, 100 a page: every document once over its pages, and every claim in one of them.
  const documents = await count('SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cg:SourceDocument }');
  await open('/documents');
  const listed = [];
  const links = new Set();
  const identifiers = [];
  for (let n = 1; ; n++) {
    const shown = await page.locator('table tbody tr').count();
    assert.equal(shown, Math.min(100, documents - listed.length), `page ${n}`);
    listed.push(...await page.locator('table tbody tr td.num').allInnerTexts());
    identifiers.push(...await page.locator('table tbody tr td:first-child small').allInnerTexts());
    for (const href of await page.locator('table tbody tr td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) links.add(href);
    const next = page.locator('nav.pager a[rel=next]');
    if (await next.count() === 0) break;
    await next.click();
    await settled();
  }
  assert.equal(listed.length, documents);
  assert.equal(links.size, documents, 'no document on two pages');
  assert.deepEqual(identifiers, [...identifiers].sort(), 'the pages list the documents by identifier');
  assert.equal(listed.reduce((n, t) => n + Number(t.replace(/,/g, '')), 0), claims, 'every claim is in one document');
  if (documents > 100) {
    assert.equal(await page.getByTestId('document-count').innerText(),
      `Documents ${(listed.length - (documents - 1) % 100).toLocaleString('en')}–${documents.toLocaleString('en')} of ${documents.toLocaleString('en')}, by identifier`);
  }

  // The concept index counts what each concept's page counts.
  await open('/concepts');
  for (const concept of concepts) {
    const item = page.locator(`.concept-type li:has(a[href="${localHref(concept.iri)}"])`).first();
    assert.match(await item.innerText(), new RegExp(`\\(${concept.claims}\\)$`), concept.iri);
  }

  for (const [path, heading] of [['/concepts', 'Concepts'], ['/matrix', 'Evidence matrix'], ['/query?name=claims-per-grade', 'Query']]) {
    await open(path);
    assert.match(await page.locator('h1').first().innerText(), new RegExp(heading), path);
  }
  await page.locator('.results-table tbody tr').first().waitFor();
  await shot('query');
  assertNoErrors();
});

test('the claim list counts every claim, 50 a page, to the last page', async () => {
  await open('/claims');
  assert.equal(await page.getByTestId('claim-count').innerText(), claimCount(claims, false));
  assert.equal(await page.locator('table.claims tbody tr').count(), PAGE_SIZE);
  const pages = Math.ceil(claims / PAGE_SIZE);
  assert.equal(await page.locator('nav.pager span', { hasText: 'Page' }).innerText(), `Page 1 of ${pages}`);
  await shot('claims');
  await open(`/claims?page=${pages}`);
  const listed = await page.locator('table.claims tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.claim));
  const last = await select(`SELECT ?claim WHERE { ?claim a cg:Claim } ORDER BY ?claim OFFSET ${(pages - 1) * PAGE_SIZE}`);
  assert.deepEqual(listed, last.map((r) => r.claim.slice(r.claim.lastIndexOf('/') + 1)));
  assertNoErrors();
});

test('each facet\'s counts are the claim index\'s and SPARQL\'s, before any filter', async () => {
  await open('/claims');
  const shown = await shownCounts();
  const index = await indexCounts();
  assert.deepEqual(Object.keys(shown).sort(), Object.keys(sections).filter((s) => s !== 'text').sort());
  for (const facet of Object.keys(shown)) {
    const counted = await facetCounts(facet);
    assertListed(shown[facet], counted, `facet ${facet} as shown`);
    assertListed(index[facet], counted, `facet ${facet} in the claim index`);
    const unlisted = Object.keys(counted).length - Object.keys(shown[facet]).length;
    if (unlisted > 0) {
      assert.equal(await page.getByTestId(`unlisted-${facet}`).innerText(), `and ${unlisted.toLocaleString('en')} more with fewer claims, not listed`);
    }
  }
  assertNoErrors();
});

test('one filter, then two: the counts are SPARQL\'s, the claims have the values, and the URL restores the view', async () => {
  await open('/claims');
  // The form with the most claims, then the first support status listed for its claims.
  const form = page.locator('#facet-form ~ ul a[data-facet="form"]').first();
  const formValue = expand(await form.getAttribute('data-value'));
  await form.click();
  await settled();
  const one = { form: formValue };
  const inForm = await claimsWith(one);
  assert.equal(await page.getByTestId('claim-count').innerText(), claimCount(inForm, true));
  assert.equal(await page.locator('table.claims tbody tr').count(), Math.min(inForm, PAGE_SIZE));
  let shown = await shownCounts();
  let index = await indexCounts(one);
  for (const facet of Object.keys(shown)) {
    // A facet's own counts ignore its own filter; the others count the claims that pass it.
    const counted = await facetCounts(facet, facet === 'form' ? {} : one);
    assertListed(shown[facet], counted, `facet ${facet} with form=${formValue}`, facet === 'form' ? formValue : undefined);
    assertListed(index[facet], counted, `claim index facet ${facet} with form=${formValue}`, facet === 'form' ? formValue : undefined);
  }

  const flag = page.locator('#facet-flag ~ ul a[data-facet="flag"]').first();
  const flagValue = await flag.getAttribute('data-value');
  await flag.click();
  await settled();
  const two = { form: formValue, flag: flagValue };
  const both = await claimsWith(two);
  assert.ok(both > 0);
  assert.equal(await page.getByTestId('claim-count').innerText(), claimCount(both, true));
  const listed = await page.locator('table.claims tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.claim));
  assert.equal(listed.length, Math.min(both, PAGE_SIZE));
  const having = await select(`${sectionPrefixes} SELECT ?claim WHERE { ?claim a cg:Claim . ${bound('form', formValue)} ${bound('flag', flagValue)} } ORDER BY ?claim LIMIT ${PAGE_SIZE}`);
  assert.deepEqual(listed, having.map((r) => r.claim.slice(r.claim.lastIndexOf('/') + 1)), 'the first claims by id that have both values');
  shown = await shownCounts();
  index = await indexCounts(two);
  for (const facet of ['grade', 'outcome', 'document']) {
    assertListed(shown[facet], await facetCounts(facet, two), `facet ${facet} with two filters`);
    assert.deepEqual(index[facet], shown[facet], `claim index facet ${facet} with two filters`);
  }
  await shot('claims-two-filters');

  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await settled();
  assert.equal(await page.getByTestId('claim-count').innerText(), claimCount(both, true));
  assert.deepEqual(await page.locator('a[data-facet].selected').evaluateAll((as) => as.map((a) => a.dataset.facet).sort()), ['flag', 'form']);
  await page.locator('a.clear-all').click();
  await settled();
  assert.equal(await page.getByTestId('claim-count').innerText(), claimCount(claims, false));
  assertNoErrors();
});

test('a search finds the claims that have every word in their quote or labels, and marks only those words', async () => {
  // Two words the graph holds: the longest of the sample claim's subject label and of its object label.
  const longest = (label) => label.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4).sort((a, b) => b.length - a.length)[0];
  const words = [...new Set([longest(samples[0].subjectLabel), longest(samples[0].objectLabel)].filter(Boolean))];
  assert.ok(words.length > 0, `words to search for in ${samples[0].subjectLabel} / ${samples[0].objectLabel}`);
  // The search index matches whole words, ignoring case, anywhere in a claim's quotes and its labels and synonyms.
  const word = (w) => `REGEX(?all, "(^|[^\\\\p{L}\\\\p{N}])${w}([^\\\\p{L}\\\\p{N}]|$)", "i")`;
  const expected = (await select(`SELECT DISTINCT ?claim WHERE {
      { SELECT ?claim (GROUP_CONCAT(?t; separator=" ") AS ?all) WHERE {
          ?claim a cg:Claim .
          { ?claim cg:quote/oa:hasSelector/oa:exact ?t }
          UNION { ?claim cg:subject|cg:object|cg:relation ?named . ?named skos:prefLabel|skos:altLabel ?t }
        } GROUP BY ?claim }
      FILTER (${words.map(word).join(' && ')}) }`)).map((r) => r.claim.slice(r.claim.lastIndexOf('/') + 1));
  assert.ok(expected.includes(samples[0].id), 'the sample claim has its own labels\' words');

  await open('/');
  await page.fill('#home-search', words.join(' '));
  await page.press('#home-search', 'Enter');
  await settled();
  assert.equal(new URL(page.url()).searchParams.get('q'), words.join(' '));
  assert.equal(await page.getByTestId('claim-count').innerText(), claimCount(expected.length, true));
  assert.equal(await page.locator('#claim-sort').inputValue(), 'relevance');
  const listed = await page.locator('table.claims tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.claim));
  assert.equal(listed.length, Math.min(expected.length, PAGE_SIZE));
  const found = new Set(expected);
  assert.deepEqual(listed.filter((id) => !found.has(id)), [], 'every listed claim has every word');
  const marks = await page.locator('table.claims mark').allInnerTexts();
  assert.ok(marks.length > 0, 'the words are marked');
  assert.deepEqual(marks.filter((m) => !words.includes(m.toLowerCase())), [], 'only the words are marked');
  await shot('claims-search');
  assertNoErrors();
});

test('the evidence matrix has a cell for each form and outcome claims link, with SPARQL\'s count, and a cell opens its claims', async () => {
  await open('/matrix');
  // A claim is about a concept when its subject or object is the concept or falls under it (skos:broader).
  const pairs = await count(`SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?f ?o WHERE {
      ?c (cg:subject|cg:object)/skos:broader* ?f , ?o . ?f a cg:Form . ?o a cg:Outcome } }`);
  assert.equal(await page.locator('td.cell a').count(), pairs);
  // The cell with the most claims.
  const sizes = await page.locator('td.cell a').evaluateAll((as) => as.map((a) => Number(a.dataset.claims)));
  const cell = page.locator('td.cell a').nth(sizes.indexOf(Math.max(...sizes)));
  const form = expand(await cell.getAttribute('data-form'));
  const outcome = expand(await cell.getAttribute('data-outcome'));
  const counted = await count(`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {
      ?c (cg:subject|cg:object)/skos:broader* <${form}> . ?c (cg:subject|cg:object)/skos:broader* <${outcome}> }`);
  assert.equal(Number(await cell.getAttribute('data-claims')), counted);
  assert.equal(await cell.locator('.cell-count').innerText(), String(counted));
  await shot('matrix');
  await cell.click();
  await settled();
  assert.equal(await page.getByTestId('claim-count').innerText(), claimCount(counted, true));
  assert.equal(await page.locator('table.claims tbody tr').count(), Math.min(counted, PAGE_SIZE));
  assertNoErrors();
});

test('a claim\'s page shows its statement, grade and stored findings, and its quote where it stands in its document', async () => {
  for (const claim of samples) {
    await open(`/id/claim/${claim.id}`);
    const title = await page.locator('h1.claim-title').innerText();
    for (const part of [claim.id, claim.subjectLabel, claim.objectLabel]) assert.ok(title.includes(part), `${title} has ${part}`);
    assert.equal(await page.locator('.grade-line strong').innerText(), claim.gradeLabel);
    const rules = (await page.locator('.finding-list li strong').allInnerTexts()).sort();
    assert.deepEqual(rules, claim.rules, `${claim.id}: the findings the build stored`);
    if (!rules.length) assert.equal(await page.locator('.no-findings').count(), 1);
    assert.equal((await page.locator('figure.context mark').first().innerText()).replace(/\s+/g, ' '), claim.exact.replace(/\s+/g, ' '));
    await shot(`claim-${claim.id}`);

    await page.locator('a.show-in-document').first().click();
    await settled();
    assert.equal(new URL(page.url()).pathname, localHref(claim.document));
    assert.equal(new URL(page.url()).hash, `#claim-${claim.id}`);
    const current = page.locator('a.hl.current');
    await current.first().waitFor();
    assert.equal((await current.allInnerTexts()).join('').replace(/\s+/g, ' ').trim(), claim.exact.replace(/\s+/g, ' ').trim());
    await current.first().click();
    await settled();
    assert.equal(new URL(page.url()).pathname, `/id/claim/${claim.id}`);
  }
  const r = await fetch(`${BASE}/id/claim/${samples[0].id}`, { headers: { Accept: 'application/n-triples' } });
  assert.equal(r.status, 200);
  assert.ok((await r.text()).includes(JSON.stringify(samples[0].exact)), 'the claim\'s IRI answers its quote as RDF');
  assertNoErrors();
});

test('narrow screens: no sideways scrolling', async () => {
  const claim = samples[0];
  await page.setViewportSize({ width: 360, height: 780 });
  try {
    for (const path of ['/', '/claims', `/id/claim/${claim.id}`, localHref(claim.document)]) {
      await open(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    }
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  assertNoErrors();
});
