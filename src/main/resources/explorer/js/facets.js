// The claim filters of queries/explorer/facets.rq turned into SPARQL: one section per facet, used to count
// values (the section as it is) and to filter (the section with its variables renamed so that several
// sections can sit in one query, and ?value bound to the chosen value as an RDF term).
import { queryText, term, values } from './sparql.js';

export const FACETS = [
  { name: 'flag', label: 'Support', literal: true },
  { name: 'grade', label: 'Grade' },
  { name: 'mineral', label: 'Mineral' },
  { name: 'form', label: 'Form' },
  { name: 'mechanism', label: 'Mechanism' },
  { name: 'outcome', label: 'Outcome' },
  { name: 'relation', label: 'Relation' },
  { name: 'evidence', label: 'Evidence type' },
  { name: 'document', label: 'Document' },
];

let sections;

export async function facetPatterns() {
  if (!sections) {
    const text = await queryText('facets');
    sections = {};
    let current = null;
    for (const line of text.split('\n')) {
      const m = /^# facet: (\w+)\s*$/.exec(line);
      if (m) { current = m[1]; sections[current] = ''; continue; }
      if (current) sections[current] += line + '\n';
    }
  }
  return sections;
}

function rename(pattern, suffix) {
  return pattern.replace(/\?(\w+)\b/g, (all, name) => (name === 'claim' ? all : `?${name}_${suffix}`));
}

/** The words of a search, lower-cased. */
export function searchWords(text) {
  return String(text).toLowerCase().split(/[\s]+/).filter(Boolean);
}

/** The section of one facet, with its ?value bound to the given value (a string or an IRI). */
export function filterPattern(patterns, name, value) {
  const facet = FACETS.find((f) => f.name === name);
  const bound = term(name === 'text' || facet?.literal ? 'string' : 'iri', value);
  const pattern = rename(patterns[name], name);
  if (/AS \?value\b/.test(patterns[name])) {
    // A section that computes its value (BIND ... AS ?value) is filtered on the value it computes.
    return pattern + `FILTER (?value_${name} = ${bound})\n`;
  }
  return values({ [`value_${name}`]: bound }) + pattern;
}

/**
 * The property of a facet whose section is one triple, ?claim PROPERTY ?value (a cg:FacetProperty, whose claims
 * per value before any filter the build has counted: facet-totals.rq), or null.
 */
export function facetProperty(patterns, name) {
  const lines = patterns[name].split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const m = lines.length === 1 ? /^\?claim\s+([\w-]+:[\w-]+)\s+\?value\s*\.$/.exec(lines[0]) : null;
  return m ? m[1] : null;
}

/** The flag section binding ?flag, for queries that show each claim's flag. */
export function flagPattern(patterns) {
  return rename(patterns.flag, 'flag').replace(/\?value_flag\b/g, '?flag');
}

/** The filters of a state ({facet: value, q: text}), leaving out one facet (for its own counts). */
export function filters(patterns, state, except) {
  let out = '';
  for (const f of FACETS) {
    if (f.name !== except && state[f.name]) out += filterPattern(patterns, f.name, state[f.name]);
  }
  if (state.q) out += filterPattern(patterns, 'text', state.q);
  return out;
}

export function fill(text, { filters: f = '', facet = '', order, page, flag = '' }) {
  let out = text.replace(/^\s*#FILTERS\s*$/m, f).replace(/^\s*#FACET\s*$/m, facet).replace(/^\s*#FLAG\s*$/m, flag);
  if (order) out = out.replace(/ORDER BY [^\n]*#ORDER/g, `ORDER BY ${order}`);
  if (page) out = out.replace(/LIMIT \d+ OFFSET \d+ #PAGE/, `LIMIT ${page.limit} OFFSET ${page.offset}`);
  return out;
}
