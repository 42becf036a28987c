// Claims: a searchable, faceted, sorted, paged list. The URL holds the whole state:
// /claims?q=sleep&form=concept:magnesium-glycinate&flag=unsupported&sort=grade&page=2
import { h, gradeBadge, flagBadge, loading, pager } from '../dom.js';
import { queryText, select, compact, expand, localHref, shortId } from '../sparql.js';
import { FACETS, facetPatterns, facetProperty, filters, fill, flagPattern, searchWords } from '../facets.js';

const PAGE_SIZE = 50;
const LABEL_BATCH = 400;
const SORTS = {
  // Ranked by the claim index; a server without one (an external endpoint) lists a search in claim order.
  relevance: { label: 'Relevance', order: '?claim', search: true },
  id: { label: 'Claim id', order: '?claim' },
  'grade-desc': { label: 'Grade, best first', order: 'DESC(?rank) ?claim' },
  'grade-asc': { label: 'Grade, weakest first', order: '?rank ?claim' },
  document: { label: 'Document', order: '?document ?claim' },
  subject: { label: 'Subject', order: '?sortSubject ?claim' },
};
const FLAG_ORDER = ['unsupported', 'weakly supported', 'not flagged'];

export function stateOf(url) {
  const state = {};
  for (const f of FACETS) {
    const v = url.searchParams.get(f.name);
    if (v) state[f.name] = f.literal ? v : expand(v);
  }
  const q = url.searchParams.get('q');
  if (q && q.trim()) state.q = q.trim();
  const sort = url.searchParams.get('sort');
  state.sort = SORTS[sort] && (state.q || !SORTS[sort].search) ? sort : defaultSort(state);
  state.page = Math.max(1, parseInt(url.searchParams.get('page') || '1', 10) || 1);
  return state;
}

export function claimsUrl(state, changes = {}) {
  const next = { ...state, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  for (const f of FACETS) if (next[f.name]) params.set(f.name, f.literal ? next[f.name] : compact(next[f.name]));
  if (next.sort && next.sort !== defaultSort(next)) params.set('sort', next.sort);
  if (next.page && next.page > 1) params.set('page', String(next.page));
  const qs = params.toString();
  return '/claims' + (qs ? '?' + qs : '');
}

/** A search lists the best matches first; otherwise claims are in id order. */
function defaultSort(state) {
  return state.q ? 'relevance' : 'id';
}

export async function claimsView(url, { navigate }) {
  const state = stateOf(url);
  const patterns = await facetPatterns();
  const [listText, countText, totalText, facetText, totalsText, labelsText] = await Promise.all(
    ['claims-list', 'claims-count', 'claims-total', 'facet-counts', 'facet-totals', 'facet-labels'].map(queryText));
  // The claim index answers the page, the count and the facet counts when the server has one; else SPARQL does.
  const [rows, countRows, ...facetRows] = await fromClaimIndex(state, patterns, listText, labelsText)
    ?? await fromSparql(state, patterns, { listText, countText, totalText, facetText, totalsText });
  const total = countRows[0]?.count ?? 0;

  const search = h('form', { class: 'search', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    navigate(claimsUrl(state, { q: e.target.elements.q.value.trim(), page: 1 }));
  } },
  h('label', { for: 'claim-search' }, 'Search quotes and labels'),
  h('div', { class: 'search-row' },
    h('input', { id: 'claim-search', name: 'q', type: 'search', value: state.q || '', placeholder: 'e.g. sleep, glycinate, cramps' }),
    h('button', { type: 'submit' }, 'Search')));

  // On a narrow screen the filters fold away above the results, so the list is in view first.
  const narrow = window.matchMedia('(max-width: 860px)').matches;
  const facetPanel = h('aside', { class: 'facets', 'aria-label': 'Filters' },
    search,
    activeFilters(state, facetRows),
    h('details', { class: 'facet-toggle', open: !narrow },
      h('summary', {}, 'Filter by support, grade, mineral, form, …'),
      FACETS.map((f, i) => facetGroup(f, facetRows[i], state))));

  const sort = h('div', { class: 'sort' },
    h('label', { for: 'claim-sort' }, 'Sort by '),
    h('select', { id: 'claim-sort', onchange: (e) => navigate(claimsUrl(state, { sort: e.target.value, page: 1 })) },
      Object.entries(SORTS).filter(([, v]) => state.q || !v.search).map(([k, v]) => h('option', { value: k, selected: k === state.sort }, v.label))));

  return h('div', { class: 'claims-view' },
    h('div', { class: 'view-head' },
      h('h1', {}, 'Claims'),
      h('p', { class: 'count', 'aria-live': 'polite', 'data-testid': 'claim-count' },
        `${total.toLocaleString('en')} claim${total === 1 ? '' : 's'}`, state.q || Object.keys(state).some((k) => FACETS.some((f) => f.name === k)) ? ' match' : ''),
      sort),
    h('div', { class: 'with-sidebar' }, facetPanel,
      h('section', { class: 'results', 'aria-label': 'Matching claims' },
        claimTable(rows, state.q ? searchWords(state.q) : []),
        claimsPager(state, total))));
}

function activeFilters(state, facetRows) {
  const active = FACETS.filter((f) => state[f.name]);
  if (!active.length && !state.q) return null;
  return h('div', { class: 'active-filters' },
    h('h2', {}, 'Filters'),
    h('ul', {},
      state.q ? h('li', {}, h('a', { href: claimsUrl(state, { q: '', page: 1 }), class: 'chip', 'aria-label': `Remove search “${state.q}”` }, `“${state.q}” ×`)) : null,
      active.map((f) => {
        const row = facetRows[FACETS.indexOf(f)].find((r) => r.value === state[f.name]);
        const label = row?.label || (f.literal ? state[f.name] : shortId(state[f.name]));
        return h('li', {}, h('a', { href: claimsUrl(state, { [f.name]: '', page: 1 }), class: 'chip', 'aria-label': `Remove filter ${f.label}: ${label}` },
          `${f.label}: ${label} ×`));
      })),
    h('a', { href: '/claims', class: 'clear-all' }, 'Clear all'));
}

function facetGroup(facet, rows, state) {
  let values = rows.map((r) => ({ value: r.value, label: r.label || (facet.literal ? r.value : shortId(r.value)), count: r.count }));
  if (facet.name === 'grade') values.sort((a, b) => gradeOrder(a.label) - gradeOrder(b.label));
  else if (facet.name === 'flag') values.sort((a, b) => FLAG_ORDER.indexOf(a.value) - FLAG_ORDER.indexOf(b.value));
  else values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const shown = 6;
  const unlisted = (rows.valueCount ?? rows.length) - rows.length;
  const item = (v) => {
    const selected = state[facet.name] === v.value;
    return h('li', {}, h('a', {
      href: claimsUrl(state, { [facet.name]: selected ? '' : v.value, page: 1 }),
      'aria-current': selected ? 'true' : null,
      class: selected ? 'facet-value selected' : 'facet-value',
      'data-facet': facet.name, 'data-value': facet.literal ? v.value : compact(v.value),
    }, h('span', { class: 'facet-label' }, v.label), h('span', { class: 'facet-count' }, v.count.toLocaleString('en'))));
  };
  const id = `facet-${facet.name}`;
  return h('section', { class: 'facet', 'aria-labelledby': id },
    h('h2', { id }, facet.label),
    values.length === 0 ? h('p', { class: 'muted' }, 'none') : null,
    h('ul', {}, values.slice(0, shown).map(item)),
    values.length > shown
      ? h('details', {}, h('summary', {}, `${values.length - shown} more`), h('ul', {}, values.slice(shown).map(item)))
      : null,
    unlisted > 0
      ? h('p', { class: 'muted unlisted', 'data-testid': `unlisted-${facet.name}` },
        `and ${unlisted.toLocaleString('en')} more with fewer claims, not listed`)
      : null);
}

function gradeOrder(label) {
  return ['high', 'moderate', 'low', 'very low'].indexOf(label);
}

/** Text with the searched words marked (whole words, ignoring case, as the search index matches them). */
function marked(text, words) {
  if (!words.length || !text) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = String(text).split(new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu'));
  return parts.map((part, i) => (i % 2 === 1 ? h('mark', {}, part) : part));
}

function claimTable(rows, words) {
  const byClaim = new Map();
  for (const r of rows) if (!byClaim.has(r.claim)) byClaim.set(r.claim, r);
  if (byClaim.size === 0) return h('p', { class: 'empty' }, 'No claim matches these filters.');
  return h('table', { class: 'claims' },
    h('caption', { class: 'visually-hidden' }, 'Claims: statement, quote, grade and document'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Claim'), h('th', { scope: 'col' }, 'Grade'), h('th', { scope: 'col' }, 'Document'))),
    h('tbody', {}, [...byClaim.values()].map((r) => h('tr', { 'data-claim': shortId(r.claim) },
      h('td', {},
        h('a', { href: localHref(r.claim), class: 'claim-link' },
          h('span', { class: 'claim-id' }, shortId(r.claim)), ' ',
          h('span', { class: 'concept' }, marked(r.subjectLabel, words)), ' ', h('span', { class: 'relation' }, marked(r.relationLabel, words)), ' ',
          h('span', { class: 'concept' }, marked(r.objectLabel, words))),
        r.quote ? h('blockquote', { class: 'quote' }, marked(r.quote, words)) : null),
      h('td', { class: 'grade-cell' }, gradeBadge(r.rank, r.gradeLabel), ' ', flagBadge(r.flag)),
      h('td', { class: 'doc-cell' }, h('a', { href: localHref(r.document) }, r.documentTitle))))));
}

function claimsPager(state, total) {
  return pager(state.page, Math.max(1, Math.ceil(total / PAGE_SIZE)), (n) => claimsUrl(state, { page: n }));
}

export { loading };

/** The page, its count and the facet counts as SPARQL answers them: each a query over the claims. */
function fromSparql(state, patterns, { listText, countText, totalText, facetText, totalsText }) {
  const all = filters(patterns, state);
  const list = select(fill(listText, {
    filters: all, order: SORTS[state.sort].order, flag: flagPattern(patterns),
    page: { limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE },
  }));
  // Before any filter, the totals the build counted; with filters, counted over the claims that pass them.
  const count = all ? select(fill(countText, { filters: all })) : select(totalText);
  const facetCounts = FACETS.map((f) => {
    const others = filters(patterns, state, f.name);
    const property = facetProperty(patterns, f.name);
    return !others && property
      ? select(fill(totalsText, { facet: `VALUES ?property { ${property} }` }))
      : select(fill(facetText, { filters: others, facet: patterns[f.name] }));
  });
  return Promise.all([list, count, ...facetCounts]);
}

/**
 * The page, its count and the facet counts from the server's claim index (/api/claim-index: one Lucene document
 * per claim); then SPARQL describes only the page's claims and labels the facet values. Null when there is no index.
 */
async function fromClaimIndex(state, patterns, listText, labelsText) {
  const params = new URLSearchParams();
  for (const f of FACETS) if (state[f.name]) params.set(f.name, state[f.name]);
  if (state.q) params.set('q', state.q);
  params.set('sort', state.sort);
  params.set('page', String(state.page));
  const response = await fetch(`/api/claim-index?${params}`, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return null;
  const body = await response.text();
  if (!response.ok) throw new Error(`claim index: HTTP ${response.status}: ${body.slice(0, 800)}`);
  const index = JSON.parse(body);
  const place = new Map(index.claims.map((c, i) => [c, i]));
  const rows = index.claims.length === 0 ? [] : await select(fill(listText, {
    filters: `VALUES ?claim { ${index.claims.map((c) => `<${c}>`).join(' ')} }`, order: '?claim', flag: flagPattern(patterns),
    page: { limit: index.claims.length, offset: 0 },
  }));
  rows.sort((a, b) => place.get(a.claim) - place.get(b.claim));
  const iris = new Set();
  for (const f of FACETS) if (!f.literal) for (const v of index.facets[f.name] || []) iris.add(v.value);
  // Labelled LABEL_BATCH values a query, so that no query passes the server's length limit (thousands of documents).
  const labels = new Map();
  const batches = [];
  const all = [...iris];
  for (let i = 0; i < all.length; i += LABEL_BATCH) batches.push(all.slice(i, i + LABEL_BATCH));
  const named = await Promise.all(batches.map((batch) =>
    select(fill(labelsText, { filters: `VALUES ?value { ${batch.map((v) => `<${v}>`).join(' ')} }` }))));
  for (const r of named.flat()) labels.set(r.value, r.label);
  // A facet lists its values with the most claims (the index's limit); valueCount says how many it has in all.
  const facetRows = FACETS.map((f) => Object.assign((index.facets[f.name] || []).map((v) => ({ value: v.value, count: v.count, label: labels.get(v.value) })),
    { valueCount: index.facetValues?.[f.name] }));
  return [rows, [{ count: index.total }], ...facetRows];
}
