// Home: what the graph holds and where to start.
import { h } from '../dom.js';
import { api } from '../sparql.js';

export async function homeView() {
  let summary = null;
  try {
    const json = await api('/api/queries/graph-summary');
    const b = json.results.bindings[0] || {};
    summary = Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value]));
  } catch (e) {
    summary = null;
  }
  const stat = (n, label, href) => h('li', {}, h('a', { href }, h('span', { class: 'stat-n' }, n ?? '–'), h('span', { class: 'stat-label' }, label)));
  return h('div', { class: 'home' },
    h('h1', {}, 'What do web articles claim about calcium and magnesium, and on what evidence?'),
    h('p', { class: 'lead' }, 'Every claim here is a statement (subject, relation, object) anchored to the exact words of its source, with the evidence offered for it and a GRADE-style grade of how far to trust it.'),
    summary ? h('ul', { class: 'stats' },
      stat(summary.claims, 'claims', '/claims'),
      stat(summary.documents, 'documents', '/documents'),
      stat(summary.concepts, 'concepts', '/concepts'),
      stat(summary.references, 'references', '/query?name=references-cited')) : null,
    h('form', { class: 'search big', role: 'search', action: '/claims' },
      h('label', { for: 'home-search' }, 'Search the claims'),
      h('div', { class: 'search-row' }, h('input', { id: 'home-search', name: 'q', type: 'search', placeholder: 'e.g. sleep, anxiety, glycinate' }), h('button', { type: 'submit' }, 'Search'))),
    h('h2', {}, 'Start from a question'),
    h('ul', { class: 'questions' },
      h('li', {}, h('a', { href: '/claims?form=concept:magnesium-glycinate&flag=unsupported' }, 'Which claims about magnesium glycinate are unsupported, and where are they made?')),
      h('li', {}, h('a', { href: '/matrix' }, 'Which forms are claimed to help which outcomes, and how good is the evidence?')),
      h('li', {}, h('a', { href: '/claims?flag=unsupported&sort=document' }, 'Every unsupported claim, by document')),
      h('li', {}, h('a', { href: '/claims?grade=cg:GradeHigh' }, 'The claims with high-certainty evidence')),
      h('li', {}, h('a', { href: '/id/concept/magnesium' }, 'Everything claimed about magnesium, as a network')),
      h('li', {}, h('a', { href: '/query?name=contradicting-claims' }, 'Where do sources contradict each other?'))));
}
