// Documents and concepts: the indexes.
import { h, flagBadge, pager } from '../dom.js';
import { run, queryText, select, localHref, shortId } from '../sparql.js';
import { fill } from '../facets.js';

/** How many documents a page of the documents index lists. */
const DOCUMENTS_PAGE = 100;

export async function documentsView(url) {
  const asked = Math.max(1, parseInt(url.searchParams.get('page') || '1', 10) || 1);
  const pageOf = (text, n) => select(fill(text, { page: { limit: DOCUMENTS_PAGE, offset: (n - 1) * DOCUMENTS_PAGE } }));
  // The page asked for is fetched beside the count, not after it; only a page past the last is fetched again.
  const textOfPage = queryText('documents');
  const [[{ documents: total }], text, askedDocs] = await Promise.all([
    run('documents-count'), textOfPage, textOfPage.then((t) => pageOf(t, asked))]);
  const pages = Math.max(1, Math.ceil(Number(total) / DOCUMENTS_PAGE));
  const page = Math.min(asked, pages);
  const docs = page === asked ? askedDocs : await pageOf(text, page);
  const first = (page - 1) * DOCUMENTS_PAGE + 1;
  const pageHref = (n) => (n === 1 ? '/documents' : `/documents?page=${n}`);
  return h('div', {},
    h('h1', {}, 'Documents'),
    h('p', {}, 'The source articles the claims were curated from. Open one to read it with every claim highlighted.'),
    h('p', { 'data-testid': 'document-count' }, Number(total) <= DOCUMENTS_PAGE
      ? `${Number(total).toLocaleString('en')} document${Number(total) === 1 ? '' : 's'}`
      : `Documents ${first.toLocaleString('en')}–${(first + docs.length - 1).toLocaleString('en')} of ${Number(total).toLocaleString('en')}, by identifier`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'plain' },
      h('thead', {}, h('tr', {}, ['Document', 'Genre', 'Claims', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, docs.map((d) => h('tr', {},
        h('td', {}, h('a', { href: localHref(d.document) }, d.title), h('br'), h('small', { class: 'muted' }, d.identifier)),
        h('td', {}, d.genreLabel || ''),
        h('td', { class: 'num' }, String(d.claims)),
        h('td', {}, h('a', { href: `/claims?document=doc:${shortId(d.document)}&flag=unsupported` }, 'unsupported claims'))))))),
    pager(page, pages, pageHref));
}

export async function conceptsView(url) {
  const rows = await run('concepts');
  const filter = (url.searchParams.get('q') || '').toLowerCase();
  const byType = new Map();
  for (const r of rows) {
    if (r.typeLabel === 'concept') continue;
    if (filter && !r.label.toLowerCase().includes(filter)) continue;
    if (!byType.has(r.typeLabel)) byType.set(r.typeLabel, []);
    byType.get(r.typeLabel).push(r);
  }
  return h('div', {},
    h('h1', {}, 'Concepts'),
    h('form', { class: 'search', role: 'search', action: '/concepts' },
      h('label', { for: 'concept-filter' }, 'Filter concepts by name'),
      h('div', { class: 'search-row' }, h('input', { id: 'concept-filter', name: 'q', type: 'search', value: filter }), h('button', { type: 'submit' }, 'Filter'))),
    h('div', { class: 'concept-columns' }, [...byType.entries()].map(([type, list]) => h('section', { class: 'concept-type' },
      h('h2', {}, `${type[0].toUpperCase()}${type.slice(1)} (${list.length})`),
      h('ul', {}, list.map((c) => h('li', {}, h('a', { href: localHref(c.concept) }, c.label), ' ', h('span', { class: 'muted' }, `(${c.claims})`))))))));
}

export { flagBadge };
