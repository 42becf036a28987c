// Review: a document's candidate claims beside its text, each highlighted where it stands. A curator signs in
// (the server's update users), then accepts, corrects (subject, relation, object, hedging, negation, qualifier)
// or rejects each candidate and adds evidence. Every write goes through the server's checked /kg/update, which
// records who and when (PROV-O); the updates are the files queries/explorer/review-*.ru.
import { h, failure, candidateBadge } from '../dom.js';
import { run, update, localHref, shortId, compact, expand } from '../sparql.js';
import { codePointIndex } from '../text.js';
import { highlighted } from './document.js';

const credentials = { user: '', password: '' };

const ECO = [
  ['http://purl.obolibrary.org/obo/ECO_0000180', 'clinical study evidence'],
  ['http://purl.obolibrary.org/obo/ECO_0000179', 'animal study evidence'],
  ['http://purl.obolibrary.org/obo/ECO_0000181', 'in vitro evidence'],
  ['http://purl.obolibrary.org/obo/ECO_0000205', 'curator inference'],
];

export async function reviewView(url, { navigate }) {
  const docIri = url.searchParams.get('document');
  if (!docIri) return documentList();
  const [docs, rows] = await Promise.all([run('document', { resource: expand(docIri) }), run('review-claims', { resource: expand(docIri) })]);
  if (!docs.length) return h('div', {}, h('h1', {}, 'No such document'), h('p', {}, docIri));
  const d = docs[0];
  const claims = group(rows);
  const at = codePointIndex(d.text);
  const spans = rows.map((r) => ({ ...r, rank: r.rank || 1, gradeLabel: r.gradeLabel || r.status, id: shortId(r.claim), from: at(r.start), to: at(r.end) }));
  const status = h('p', { class: 'review-status', role: 'status', 'aria-live': 'polite' });
  const act = async (name, params) => {
    if (!credentials.user) { status.textContent = 'Sign in first (a user of the server\u2019s --update-users file).'; return; }
    status.textContent = 'Saving\u2026';
    try {
      await update(name, params, credentials);
      navigate(location.href, { replace: true });
    } catch (error) {
      status.replaceChildren(failure(error));
    }
  };
  const open = claims.filter((c) => c.status === 'candidate').length;
  return h('article', { class: 'review-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/review' }, 'Review'), ' \u203a ', d.identifier || ''),
    h('h1', {}, `Review: ${d.title}`),
    h('p', {}, `${claims.length} claims from ingest, ${open} still candidates.`),
    signIn(status),
    status,
    h('div', { class: 'doc-layout' },
      h('section', { 'aria-label': 'Document text' }, h('div', { class: 'doc-text', lang: 'en' }, highlighted(d.text, spans))),
      h('aside', { class: 'doc-side review-side', 'aria-label': 'Candidates' },
        h('ol', { class: 'review-list' }, claims.map((c) => card(c, act))))));
}

async function documentList() {
  const docs = await run('review-documents');
  return h('article', {},
    h('h1', {}, 'Review candidates'),
    docs.length ? h('ul', { class: 'review-documents' }, docs.map((d) => h('li', {},
      h('a', { href: `/review?document=${encodeURIComponent(compact(d.document))}` }, d.title), ` \u2014 ${d.candidates} candidate(s)`)))
      : h('p', {}, 'No document has candidates. Add one with ./claimgraph ingest FILE.'));
}

/** One entry per claim (the rows repeat a claim for each quote and qualifier). */
function group(rows) {
  const byClaim = new Map();
  for (const r of rows) {
    const c = byClaim.get(r.claim) || { ...r, qualifiers: new Set() };
    if (r.qualifier) c.qualifiers.add(r.qualifier);
    byClaim.set(r.claim, c);
  }
  return [...byClaim.values()];
}

function signIn(status) {
  const user = h('input', { name: 'user', autocomplete: 'username', value: credentials.user });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password' });
  return h('form', { class: 'sign-in', onsubmit: (e) => {
    e.preventDefault();
    credentials.user = user.value;
    credentials.password = password.value;
    status.textContent = `Signed in as ${credentials.user}.`;
  } }, h('label', {}, 'Curator ', user), ' ', h('label', {}, 'Password ', password), ' ', h('button', { type: 'submit' }, 'Sign in'));
}

function card(c, act) {
  const id = shortId(c.claim);
  const candidate = c.status === 'candidate';
  const field = (name, value) => h('input', { name, value: compact(value), size: 28 });
  const check = (name, value) => h('input', { name, type: 'checkbox', checked: value === true });
  const subject = field('subject', c.subject);
  const relation = field('relation', c.relation);
  const object = field('object', c.object);
  const hedged = check('hedged', c.hedged);
  const negated = check('negated', c.negated);
  const qualifier = h('input', { name: 'qualifier', value: [...c.qualifiers].join('; '), size: 28 });
  const type = h('select', { name: 'type' }, ECO.map(([v, l]) => h('option', { value: v }, l)));
  const direction = h('select', { name: 'direction' }, h('option', { value: 'cg:Supports' }, 'supports'), h('option', { value: 'cg:Disputes' }, 'disputes'));
  const reference = h('input', { name: 'reference', placeholder: 'reference:pmid-123', size: 28 });
  const note = h('input', { name: 'note', placeholder: 'what the reference shows', size: 28 });
  return h('li', { 'data-claim': id, class: `review-card status-${c.status}` },
    h('a', { href: `#claim-${id}`, class: 'jump' }, h('span', { class: 'claim-id' }, id)), ' ',
    candidate ? candidateBadge() : h('span', { class: `badge review-${c.status}` }, c.status), h('br'),
    h('a', { href: localHref(c.claim) }, `${c.negated ? 'NOT: ' : ''}${c.subjectLabel} ${c.relationLabel} ${c.objectLabel}`),
    h('span', { class: 'muted' }, c.hedged ? ' (hedged)' : ''),
    c.decidedBy ? h('p', { class: 'decided muted' }, `${c.status} by ${shortId(c.decidedBy)} at ${c.decidedAt}`) : null,
    candidate ? h('div', { class: 'review-actions' },
      h('button', { type: 'button', class: 'accept', onclick: () => act('review-decide', { claim: c.claim, decision: 'https://w3id.org/claimgraph/ontology#Accepted' }) }, 'Accept'), ' ',
      h('button', { type: 'button', class: 'reject', onclick: () => act('review-decide', { claim: c.claim, decision: 'https://w3id.org/claimgraph/ontology#Rejected' }) }, 'Reject'),
      h('details', { class: 'correct' }, h('summary', {}, 'Correct and accept'),
        h('form', { onsubmit: (e) => {
          e.preventDefault();
          act('review-correct', { claim: c.claim, subject: expand(subject.value.trim()), relation: expand(relation.value.trim()),
            object: expand(object.value.trim()), hedged: String(hedged.checked), negated: String(negated.checked), qualifierText: qualifier.value.trim() });
        } },
        h('label', {}, 'Subject ', subject), h('label', {}, 'Relation ', relation), h('label', {}, 'Object ', object),
        h('label', {}, hedged, ' hedged'), h('label', {}, negated, ' negated'), h('label', {}, 'Qualifier ', qualifier),
        h('button', { type: 'submit' }, 'Save correction')))) : null,
    h('details', { class: 'add-evidence' }, h('summary', {}, 'Add evidence'),
      h('form', { onsubmit: (e) => {
        e.preventDefault();
        act('review-evidence', { claim: c.claim, type: type.value, direction: expand(direction.value), reference: expand(reference.value.trim()), note: note.value.trim() });
      } },
      h('label', {}, 'Kind ', type), h('label', {}, 'Direction ', direction), h('label', {}, 'Reference ', reference),
      h('label', {}, 'Note ', note), h('button', { type: 'submit' }, 'Add evidence'))));
}
