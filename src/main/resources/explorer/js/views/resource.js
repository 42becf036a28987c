// Any other IRI of the graph (a reference, an evidence line, a quote, a vocabulary term): its statements,
// and for a reference the claims that rest on it.
import { h, gradeBadge } from '../dom.js';
import { run, localHref, shortId, compact } from '../sparql.js';

export async function resourceView(url) {
  const resourceIri = 'https://w3id.org/claimgraph/id' + url.pathname.slice(3);
  const terms = { resource: resourceIri };
  const props = await run('resource', terms);
  if (!props.length) return h('div', {}, h('h1', {}, 'Not in the graph'), h('p', {}, resourceIri));
  const title = props.find((p) => /title|prefLabel/.test(p.property))?.value || shortId(resourceIri);
  const isReference = url.pathname.startsWith('/id/reference/');
  const owner = /^\/id\/claim\/([^/]+)\//.exec(url.pathname);
  const claims = isReference ? await run('reference-claims', terms) : [];
  return h('article', {},
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, owner ? [h('a', { href: `/id/claim/${owner[1]}` }, `Claim ${owner[1]}`), ' › '] : null, shortId(resourceIri)),
    h('h1', {}, title),
    h('p', {}, h('code', {}, resourceIri)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'plain props-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Property'), h('th', { scope: 'col' }, 'Value'))),
      h('tbody', {}, props.map((p) => h('tr', {},
        h('td', {}, p.propertyLabel || compact(p.property).replace(/^.*[#/]/, '')),
        h('td', {}, /^https?:/.test(p.value) ? h('a', { href: localHref(p.value) }, p.valueLabel || compact(p.value)) : p.value)))))),
    isReference ? h('section', {}, h('h2', {}, `Claims resting on it (${claims.length})`),
      h('ul', { class: 'claim-list' }, claims.map((c) => h('li', {}, gradeBadge(c.rank, c.gradeLabel), ' ',
        h('a', { href: localHref(c.claim) }, h('span', { class: 'claim-id' }, shortId(c.claim)), ` ${c.subjectLabel} ${c.relationLabel} ${c.objectLabel}`),
        ' ', h('small', { class: 'muted' }, c.directionLabel))))) : null);
}
