// Query: a SPARQL editor with the named queries of queries/ as ready examples. The URL keeps the query
// (/query?name=claims-about or /query?sparql=...), so a result can be shared.
import { h, clear, failure } from '../dom.js';
import { api, selectRaw, localHref, compact } from '../sparql.js';

export async function queryView(url, { navigate }) {
  const listing = await api('/api/queries');
  const queries = listing.queries || listing;
  const name = url.searchParams.get('name');
  let text = url.searchParams.get('sparql');
  if (!text && name) {
    const r = await fetch(`/api/queries/${encodeURIComponent(name)}.rq`);
    if (r.ok) text = await r.text();
  }
  if (!text) text = 'PREFIX cg: <https://w3id.org/claimgraph/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\nSELECT ?grade (COUNT(?claim) AS ?claims)\nWHERE { ?claim a cg:Claim ; cg:grade/skos:prefLabel ?grade }\nGROUP BY ?grade\nORDER BY DESC(?claims)';
  const selected = queries.find((q) => q.name === name);
  const results = h('section', { 'aria-labelledby': 'results-h', class: 'query-results' }, h('h2', { id: 'results-h' }, 'Results'));
  const editor = h('textarea', { id: 'sparql', name: 'sparql', rows: 16, spellcheck: 'false', class: 'code' }, text);

  const runQuery = async () => {
    clear(results, h('h2', { id: 'results-h' }, 'Results'), h('p', { role: 'status' }, 'Running…'));
    try {
      const json = await selectRaw(editor.value);
      clear(results, h('h2', { id: 'results-h' }, 'Results'), table(json));
    } catch (error) {
      clear(results, h('h2', { id: 'results-h' }, 'Results'), failure(error));
    }
  };

  const view = h('div', { class: 'query-view' },
    h('h1', {}, 'Query'),
    h('p', {}, 'Run SPARQL against the graph (', h('code', {}, '/kg/sparql'), '; the default graph is the union of all named graphs). For a full editor with syntax highlighting, use the ',
      h('a', { href: '/ui/' }, 'Fuseki SPARQL editor'), '.'),
    h('div', { class: 'query-layout' },
      h('aside', { class: 'examples', 'aria-labelledby': 'examples-h' },
        h('h2', { id: 'examples-h' }, 'Named queries'),
        h('ul', {}, queries.map((q) => h('li', {}, h('a', { href: `/query?name=${encodeURIComponent(q.name)}`, 'aria-current': q.name === name ? 'true' : null, title: q.description }, q.title || q.name))))),
      h('form', { class: 'editor', onsubmit: (e) => {
        e.preventDefault();
        history.replaceState(null, '', '/query?' + new URLSearchParams({ sparql: editor.value }));
        runQuery();
      } },
      selected ? h('p', {}, h('strong', {}, selected.title), ': ', selected.description,
        selected.parameters?.length ? h('span', { class: 'muted' }, ` Parameters left unbound match everything (optional ones); bind them with the REST API: /api/queries/${selected.name}?${selected.parameters.map((p) => p.name + '=…').join('&')}`) : '') : null,
      h('label', { for: 'sparql' }, 'SPARQL query'),
      editor,
      h('div', {}, h('button', { type: 'submit' }, 'Run query'), ' ', h('small', { class: 'muted' }, 'Ctrl+Enter runs it too.')))),
    results);
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); editor.form.requestSubmit(); }
  });
  if (name || url.searchParams.get('sparql')) setTimeout(runQuery, 0);
  return view;
}

function table(json) {
  if (json.boolean !== undefined) return h('p', {}, `ASK: ${json.boolean}`);
  const vars = json.head.vars;
  const rows = json.results.bindings;
  return h('div', {},
    h('p', { class: 'count' }, `${rows.length} row${rows.length === 1 ? '' : 's'}`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'results-table' },
      h('thead', {}, h('tr', {}, vars.map((v) => h('th', { scope: 'col' }, v)))),
      h('tbody', {}, rows.slice(0, 2000).map((b) => h('tr', {}, vars.map((v) => h('td', {}, term(b[v]))))))))); 
}

function term(t) {
  if (!t) return '';
  if (t.type === 'uri') return h('a', { href: localHref(t.value) }, compact(t.value));
  return t.value;
}
