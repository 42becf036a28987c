// Concept: labels, definition and external ids; the network of mineral → mechanism → outcome around it
// (SVG, laid out here in three columns); the claims about it per relation, as the build counted them, each
// listed when they are few (LISTED at most), otherwise opened in the claim list, which pages and sorts them.
import { h, s, gradeBadge, gradeClass } from '../dom.js';
import { run, localHref, shortId, compact } from '../sparql.js';

const LISTED = 200;

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const COLUMN = {
  Mineral: 0, Form: 0, Nutrient: 0, Food: 0, Medication: 0,
  Mechanism: 1, Hormone: 1, Neurotransmitter: 1, Receptor: 1, Concept: 1,
  Outcome: 2,
};

export async function conceptView(url) {
  const conceptIri = 'https://w3id.org/claimgraph/id' + url.pathname.slice(3);
  const terms = { resource: conceptIri };
  const [props, relations, edges] = await Promise.all([run('resource', terms), run('concept-relations', terms), run('concept-network', terms)]);
  if (!props.length) return h('div', {}, h('h1', {}, 'No such concept'), h('p', {}, conceptIri));
  const total = relations.reduce((n, r) => n + Number(r.claims), 0);
  const claims = total <= LISTED ? await run('concept-claims', terms) : [];
  const values = (p) => props.filter((r) => r.property === p);
  const label = values(SKOS + 'prefLabel')[0]?.value || shortId(conceptIri);
  const types = values(RDF_TYPE).map((r) => r.valueLabel || shortId(r.value)).filter((t) => t !== 'Concept');
  const external = [...values(SKOS + 'exactMatch'), ...values(SKOS + 'closeMatch')];
  const related = props.filter((r) => r.value.startsWith('https://w3id.org/claimgraph/id/') && r.property !== RDF_TYPE);

  const byRelation = new Map();
  const seen = new Set();
  for (const c of claims) {
    if (seen.has(c.claim)) continue;
    seen.add(c.claim);
    if (!byRelation.has(c.relationLabel)) byRelation.set(c.relationLabel, []);
    byRelation.get(c.relationLabel).push(c);
  }

  return h('article', { class: 'concept-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/concepts' }, 'Concepts'), ' › ', label),
    h('h1', {}, label, ' ', h('span', { class: 'type-tag' }, types.join(', '))),
    values(SKOS + 'definition').map((r) => h('p', { class: 'definition' }, r.value)),
    h('dl', { class: 'props' },
      values(SKOS + 'altLabel').length ? [h('dt', {}, 'Also called'), h('dd', {}, values(SKOS + 'altLabel').map((r) => r.value).join(', '))] : null,
      external.length ? [h('dt', {}, 'External ids'), h('dd', {}, external.flatMap((r, i) => [i ? ', ' : '', h('a', { href: r.value, class: 'ext', rel: 'noopener' }, curie(r.value))]))] : null,
      related.map((r) => [h('dt', {}, r.propertyLabel || shortId(r.property).replace(/^.*#/, '')), h('dd', {}, h('a', { href: localHref(r.value) }, r.valueLabel || shortId(r.value)))])),
    h('p', {}, h('a', { href: claimListHref(types, conceptIri, label) }, `Filter the claim list by ${label}`)),
    h('section', { 'aria-labelledby': 'net-h' },
      h('h2', { id: 'net-h' }, 'Network: mineral → mechanism → outcome'),
      edges.length ? network(edges, conceptIri) : h('p', { class: 'muted' }, 'No claims link this concept to others.')),
    h('section', { 'aria-labelledby': 'claims-h' },
      h('h2', { id: 'claims-h' }, `Claims about ${label} (${total.toLocaleString('en')})`),
      total > LISTED ? h('p', { class: 'muted' }, `Too many to list here: each relation opens its claims in the claim list.`) : null,
      total > LISTED
        ? h('ul', { class: 'relation-counts' }, relations.map((r) => h('li', {},
          h('a', { href: claimListHref(types, conceptIri, label, r.relation) }, `${r.relationLabel} (${Number(r.claims).toLocaleString('en')})`))))
        : [...byRelation.entries()].map(([relation, list]) => h('section', { class: 'relation-group' },
          h('h3', {}, `${relation} (${list.length})`),
          h('ul', { class: 'claim-list' }, list.map((c) => h('li', {},
            gradeBadge(c.rank, c.gradeLabel), ' ',
            h('a', { href: localHref(c.claim) }, h('span', { class: 'claim-id' }, shortId(c.claim)), ' ', `${c.subjectLabel} ${c.relationLabel} ${c.objectLabel}`),
            ' ', h('small', { class: 'muted' }, c.documentTitle))))))));
}

/** The claim list filtered by the concept (its facet, or a search for its label) and, if given, a relation. */
function claimListHref(types, conceptIri, label, relation) {
  const facet = columnFacet(types);
  const params = new URLSearchParams();
  params.set(facet, facet === 'q' ? label : 'concept:' + shortId(conceptIri));
  if (relation) params.set('relation', compact(relation));
  return `/claims?${params}`;
}

function columnFacet(types) {
  for (const [t, f] of [['mineral', 'mineral'], ['form', 'form'], ['mechanism', 'mechanism'], ['outcome', 'outcome']]) {
    if (types.includes(t)) return f;
  }
  return 'q';
}

function curie(value) {
  let m = /^http:\/\/purl\.obolibrary\.org\/obo\/([A-Za-z]+)_(\w+)$/.exec(value);
  if (m) return `${m[1]}:${m[2]}`;
  m = /^http:\/\/id\.nlm\.nih\.gov\/mesh\/(\w+)$/.exec(value);
  if (m) return `MeSH:${m[1]}`;
  return value;
}

function network(edges, center) {
  const nodes = new Map();
  const add = (id, label, type) => {
    if (!nodes.has(id)) nodes.set(id, { id, label, col: COLUMN[shortId(type).replace(/^.*#/, '')] ?? 1 });
  };
  for (const e of edges) { add(e.s, e.sLabel, e.sType); add(e.o, e.oLabel, e.oType); }
  const columns = [[], [], []];
  for (const n of nodes.values()) columns[n.col].push(n);
  columns.forEach((c) => c.sort((a, b) => (a.id === center ? -1 : b.id === center ? 1 : a.label.localeCompare(b.label))));
  const rowH = 30;
  const width = 900;
  const colX = [150, 450, 750];
  const height = Math.max(...columns.map((c) => c.length), 1) * rowH + 40;
  columns.forEach((c, ci) => c.forEach((n, i) => {
    n.x = colX[ci];
    n.y = 30 + i * rowH + ((height - 40) - c.length * rowH) / 2;
  }));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'network', role: 'img', 'aria-labelledby': 'net-title' },
    s('title', { id: 'net-title' }, `${nodes.size} concepts linked by ${edges.length} kinds of claim`),
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '9', markerHeight: '9', markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))),
    ['minerals and forms', 'mechanisms and other', 'outcomes'].map((t, i) => s('text', { x: colX[i], y: 14, class: 'col-title', 'text-anchor': 'middle' }, t)),
    edges.map((e) => {
      const a = nodes.get(e.s);
      const b = nodes.get(e.o);
      const dx = (b.x - a.x) / 2;
      const d = a.x === b.x
        ? `M ${a.x + 70} ${a.y} C ${a.x + 120} ${a.y}, ${b.x + 120} ${b.y}, ${b.x + 70} ${b.y}`
        : `M ${a.x + (b.x > a.x ? 70 : -70)} ${a.y} C ${a.x + dx} ${a.y}, ${b.x - dx} ${b.y}, ${b.x + (b.x > a.x ? -70 : 70)} ${b.y}`;
      return s('path', { d, class: `edge grade-${gradeClass(e.best)}`, 'stroke-width': Math.min(1 + e.claims, 6), 'marker-end': 'url(#arrow)' },
        s('title', {}, `${e.sLabel} → ${e.oLabel}: ${e.claims} claim(s), best grade ${['', 'very low', 'low', 'moderate', 'high'][e.best]}`));
    }),
    [...nodes.values()].map((n) => s('a', { href: localHref(n.id) },
      s('rect', { x: n.x - 70, y: n.y - 11, width: 140, height: 22, rx: 4, class: n.id === center ? 'node center' : 'node' }),
      s('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle', class: 'node-label' }, n.label.length > 22 ? n.label.slice(0, 21) + '…' : n.label),
      s('title', {}, n.label))));
  return h('figure', { class: 'network-wrap' }, svg,
    h('figcaption', {}, 'Arrows run from subject to object; the line is thicker with more claims and coloured by the best grade among them. Each box opens its concept.'));
}
