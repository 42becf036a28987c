// Talks to the server: the explorer's SPARQL query files from /explorer/queries/ (queries/explorer/ of the
// project, listed with their parameters in manifest.json), run against /kg/sparql; named queries from
// /api/queries. A parameter's value becomes an RDF term of its declared type, checked as the server checks a
// named query's parameters, and is bound in a VALUES block: never pasted into the query's text.

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
let manifest;

/** The manifest of the explorer's queries: each one's parameters (name: type) and slots. */
export async function queryManifest() {
  if (!manifest) {
    manifest = fetch('/explorer/queries/manifest.json').then((r) => {
      if (!r.ok) throw new Error(`query manifest: HTTP ${r.status}`);
      return r.json();
    });
  }
  return manifest;
}

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

/** The RDF term a value stands for, by the parameter type of the manifest (the types of the named queries). */
export function term(type, value) {
  const v = String(value).trim();
  switch (type) {
    case 'iri': return iri(v);
    case 'string': return literal(value);
    case 'integer':
      if (!/^[+-]?\d+$/.test(v)) throw new Error(`not an integer: ${value}`);
      return `"${v}"^^<http://www.w3.org/2001/XMLSchema#integer>`;
    case 'decimal':
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) throw new Error(`not a decimal: ${value}`);
      return `"${v}"^^<http://www.w3.org/2001/XMLSchema#decimal>`;
    case 'boolean':
      if (v !== 'true' && v !== 'false') throw new Error(`not a boolean: ${value}`);
      return v;
    default: throw new Error(`unknown parameter type: ${type}`);
  }
}

/** A VALUES block binding each variable to its term, e.g. VALUES (?resource) { (<https://…>) }. */
export function values(terms) {
  const names = Object.keys(terms);
  if (!names.length) return '';
  return `VALUES (${names.map((n) => '?' + n).join(' ')}) { (${names.map((n) => terms[n]).join(' ')}) }\n`;
}

/** The query with the given terms bound: a VALUES block opens its (outermost) WHERE group. */
export function bind(text, terms) {
  const block = values(terms);
  if (!block) return text;
  const at = /\bWHERE\s*\{/i.exec(text);
  if (!at) throw new Error('a query to bind values in needs a WHERE clause');
  const end = at.index + at[0].length;
  return `${text.slice(0, end)}\n  ${block}${text.slice(end)}`;
}

/** The terms for a query's parameters from plain values, by the types its manifest entry declares. */
export async function terms(name, params) {
  const entry = (await queryManifest()).queries[name];
  if (!entry) throw new Error(`no explorer query ${name}`);
  const declared = entry.params || {};
  const out = {};
  for (const [k, v] of Object.entries(params)) {
    if (!declared[k]) throw new Error(`query ${name} has no parameter ${k}`);
    out[k] = term(declared[k], v);
  }
  return out;
}

/** Raw SPARQL JSON (for the query page, which shows terms as they are). */
export async function selectRaw(text) {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query: text }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`SPARQL endpoint: HTTP ${response.status}: ${body.slice(0, 800)}`);
  return JSON.parse(body);
}

/** Runs a SELECT; returns rows of plain values ({var: string}), numbers for numeric literals. */
export async function select(text) {
  const json = await selectRaw(text);
  return json.results.bindings.map((b) => {
    const row = {};
    for (const [k, v] of Object.entries(b)) row[k] = plain(v);
    return row;
  });
}

const NUMERIC = /#(integer|decimal|double|float|long|int|nonNegativeInteger|positiveInteger|gYear)$/;

function plain(term) {
  if (term.type === 'literal' && term.datatype && NUMERIC.test(term.datatype) && !term.datatype.endsWith('gYear')) {
    return Number(term.value);
  }
  if (term.type === 'literal' && term.datatype && term.datatype.endsWith('#boolean')) return term.value === 'true';
  return term.value;
}

/** Runs one of the explorer's queries with its parameters (plain values: an IRI, a string, …) bound. */
export async function run(name, params = {}) {
  return select(bind(await queryText(name), await terms(name, params)));
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

/** The text of one of the explorer's updates (NAME.ru, marked "update" in the manifest). */
async function updateText(name) {
  const response = await fetch(`/explorer/queries/${name}.ru`);
  if (!response.ok) throw new Error(`update file ${name}.ru: HTTP ${response.status}`);
  return response.text();
}

/**
 * Runs one of the explorer's updates with its parameters bound (as a query's) on the server's checked
 * /kg/update, as the user of {@code credentials} ({user, password}, HTTP Basic). The server binds ?writer and
 * ?writtenAt itself; a write the shapes refuse comes back as an error with the server's report.
 */
export async function update(name, params, credentials) {
  const text = bind(await updateText(name), await terms(name, params));
  const response = await fetch('/kg/update', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/sparql-update',
      Authorization: 'Basic ' + btoa(unescape(encodeURIComponent(`${credentials.user}:${credentials.password}`))),
    },
    body: text,
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`update ${name}: HTTP ${response.status}: ${body.slice(0, 800)}`);
}
