// Talks to the server: SPARQL query files from /explorer/queries/, run against /kg/sparql; named queries
// from /api/queries. Values are bound into query text as RDF terms checked here, never pasted raw.

export const ENDPOINT = '/kg/sparql';
export const ID = 'https://w3id.org/claimgraph/id/';
export const PREFIXES = {
  cg: 'https://w3id.org/claimgraph/ontology#',
  concept: ID + 'concept/',
  doc: ID + 'document/',
  claim: ID + 'claim/',
  reference: ID + 'reference/',
  obo: 'http://purl.obolibrary.org/obo/',
};

const texts = new Map();

export async function queryText(name) {
  if (!texts.has(name)) {
    texts.set(name, fetch(`/explorer/queries/${name}.rq`).then((r) => {
      if (!r.ok) throw new Error(`query file ${name}.rq: HTTP ${r.status}`);
      return r.text();
    }));
  }
  return texts.get(name);
}

export function iri(value) {
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]*$/i.test(value)) throw new Error(`not an IRI: ${value}`);
  return `<${value}>`;
}

export function literal(value) {
  return JSON.stringify(String(value).replace(/[\u0000-\u001f\u007f]/g, ' '));
}

/** Replaces each ?name of the query with the given (already formatted) term. */
export function bind(text, terms) {
  let out = text;
  for (const [name, term] of Object.entries(terms)) {
    out = out.replace(new RegExp(`\\?${name}\\b`, 'g'), term);
  }
  return out;
}

/** Runs a SELECT; returns rows of plain values ({var: string}), numbers for numeric literals. */
export async function select(text) {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query: text }),
  });
  if (!response.ok) throw new Error(`SPARQL endpoint: HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`);
  const json = await response.json();
  return json.results.bindings.map((b) => {
    const row = {};
    for (const [k, v] of Object.entries(b)) row[k] = plain(v);
    return row;
  });
}

/** Raw SPARQL JSON (for the query page, which shows terms as they are). */
export async function selectRaw(text) {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query: text }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.slice(0, 800)}`);
  return JSON.parse(body);
}

const NUMERIC = /#(integer|decimal|double|float|long|int|nonNegativeInteger|positiveInteger|gYear)$/;

function plain(term) {
  if (term.type === 'literal' && term.datatype && NUMERIC.test(term.datatype) && !term.datatype.endsWith('gYear')) {
    return Number(term.value);
  }
  if (term.type === 'literal' && term.datatype && term.datatype.endsWith('#boolean')) return term.value === 'true';
  return term.value;
}

/** Runs one of the explorer's query files with ?resource and other variables bound. */
export async function run(name, terms = {}) {
  return select(bind(await queryText(name), terms));
}

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** concept:magnesium for a full IRI when a prefix fits (for short, readable URLs). */
export function compact(value) {
  for (const [p, ns] of Object.entries(PREFIXES)) {
    if (value.startsWith(ns) && /^[\w.-]+$/.test(value.slice(ns.length))) return `${p}:${value.slice(ns.length)}`;
  }
  return value;
}

export function expand(value) {
  const m = /^([a-z]+):(.*)$/.exec(value);
  if (m && PREFIXES[m[1]] && !m[2].startsWith('//')) return PREFIXES[m[1]] + m[2];
  return value;
}

/** The explorer's own URL for a graph IRI: /id/... for ours, the IRI itself otherwise. */
export function localHref(value) {
  return value.startsWith(ID) ? '/id/' + value.slice(ID.length) : value;
}

export function shortId(value) {
  return value.slice(value.lastIndexOf('/') + 1);
}
