// Document: the whole source text with every claim highlighted where it stands (coloured by grade, marked
// when unsupported), and a side list. Each highlight is a link to its claim; /id/document/X#claim-003-001
// scrolls to and marks one claim.
import { h, gradeBadge, flagBadge, gradeClass } from '../dom.js';
import { run, localHref, shortId, queryText, select, bind, terms } from '../sparql.js';
import { facetPatterns, fill, flagPattern } from '../facets.js';
import { codePointIndex } from '../text.js';

export async function documentView(url) {
  const docIri = 'https://w3id.org/claimgraph/id' + url.pathname.slice(3);
  const patterns = await facetPatterns();
  const [docs, claims] = await Promise.all([
    run('document', { resource: docIri }),
    Promise.all([queryText('document-claims'), terms('document-claims', { resource: docIri })])
      .then(([t, bound]) => select(bind(fill(t, { flag: flagPattern(patterns) }), bound))),
  ]);
  if (!docs.length) return h('div', {}, h('h1', {}, 'No such document'), h('p', {}, docIri));
  const d = docs[0];
  const at = codePointIndex(d.text);
  const spans = claims.map((c) => ({ ...c, id: shortId(c.claim), from: at(c.start), to: at(c.end) }));
  const unique = [...new Map(spans.map((s) => [s.id, s])).values()];
  const unsupported = unique.filter((s) => s.flag === 'unsupported').length;

  const textEl = h('div', { class: 'doc-text', lang: 'en' }, highlighted(d.text, spans));
  const side = h('ol', { class: 'side-list' }, unique.map((s) => h('li', { 'data-claim': s.id },
    h('a', { href: `#claim-${s.id}`, class: 'jump' }, h('span', { class: 'claim-id' }, s.id)), ' ',
    gradeBadge(s.rank, s.gradeLabel), ' ', flagBadge(s.flag), h('br'),
    h('a', { href: localHref(s.claim) }, `${s.subjectLabel} ${s.relationLabel} ${s.objectLabel}`))));

  const view = h('article', { class: 'document-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/documents' }, 'Documents'), ' › ', d.identifier || ''),
    h('h1', {}, d.title),
    h('p', { class: 'doc-meta' }, [d.genreLabel, d.publisher].filter(Boolean).join(' · '),
      d.sells ? [' · ', h('span', { class: 'badge flag-weak' }, 'sells what it describes'), d.commercialInterest ? ` (${d.commercialInterest})` : ''] : ''),
    h('p', {}, `${unique.length} claims, ${unsupported} unsupported. `,
      h('a', { href: `/claims?document=doc:${encodeURIComponent(d.identifier || shortId(docIri))}` }, 'List them with filters')),
    legend(),
    h('div', { class: 'doc-layout' },
      h('section', { 'aria-label': 'Document text' }, textEl),
      h('aside', { 'aria-labelledby': 'side-h', class: 'doc-side' }, h('h2', { id: 'side-h' }, 'Claims in reading order'), side)));

  view.addEventListener('cg-target', (e) => mark(view, e.target.id));
  return view;
}

function mark(view, anchorId) {
  const id = anchorId.replace(/^claim-/, '');
  for (const el of view.querySelectorAll('.hl.current, .side-list li.current')) el.classList.remove('current');
  const segments = [...view.querySelectorAll('a.hl[data-claims]')].filter((el) => el.dataset.claims.split(' ').includes(id));
  segments.forEach((el) => el.classList.add('current'));
  const item = view.querySelector(`.side-list li[data-claim="${id}"]`);
  if (item) {
    item.classList.add('current');
    const side = item.closest('.doc-side');
    side.scrollTop = item.offsetTop - side.offsetTop - side.clientHeight / 3;
  }
  const first = segments[0];
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
}

function legend() {
  return h('p', { class: 'legend' }, 'Highlights by grade: ',
    [4, 3, 2, 1].map((r) => [h('span', { class: `hl-sample hl grade-${gradeClass(r)}` }, gradeBadgeText(r)), ' ']),
    h('span', { class: 'hl-sample hl flagged' }, 'unsupported (dashed red underline)'));
}

function gradeBadgeText(r) {
  return ['', 'very low', 'low', 'moderate', 'high'][r];
}

/** The text cut at every quote boundary; each piece covered by quotes is one link to the narrowest. */
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.from); cuts.add(s.to); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  const anchored = new Set();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const covering = spans.filter((s) => s.from <= a && s.to >= b);
    for (const s of spans) {
      if (s.from === a && !anchored.has(s.id)) {
        anchored.add(s.id);
        out.push(h('span', { id: `claim-${s.id}`, class: 'anchor' }));
      }
    }
    const piece = text.slice(a, b);
    if (!covering.length) { out.push(piece); continue; }
    const narrowest = covering.reduce((x, y) => (y.to - y.from < x.to - x.from ? y : x));
    const worst = Math.min(...covering.map((s) => s.rank));
    const flagged = covering.some((s) => s.flag === 'unsupported');
    const ids = [...new Set(covering.map((s) => s.id))];
    out.push(h('a', {
      href: localHref(narrowest.claim),
      class: `hl grade-${gradeClass(worst)}${flagged ? ' flagged' : ''}${ids.length > 1 ? ' multi' : ''}`,
      'data-claims': ids.join(' '),
      title: covering.map((s) => `${s.id}: ${s.subjectLabel} ${s.relationLabel} ${s.objectLabel} (${s.gradeLabel}${s.flag === 'unsupported' ? ', unsupported' : ''})`).join('\n'),
      'aria-label': `${piece.slice(0, 60)}${piece.length > 60 ? '…' : ''} (claim ${narrowest.id}, ${narrowest.gradeLabel}${flagged ? ', unsupported' : ''})`,
    }, piece));
  }
  return out;
}
