// Claim: the statement in words (negation, population, form, route), the grade and how it was derived step
// by step (or the curator's override and why), the validation findings, where it is said (in its paragraph)
// and each line of evidence with links to DOI and PubMed and what the grading made of it.
import { h, gradeBadge, candidateBadge, failure } from '../dom.js';
import { run, localHref, shortId } from '../sparql.js';
import { codePointIndex, paragraphAround } from '../text.js';

const conceptLink = (value, label) => h('a', { href: localHref(value), class: 'concept' }, label);

export async function claimView(url) {
  const claimIri = 'https://w3id.org/claimgraph/id' + url.pathname.slice(3);
  const terms = { resource: claimIri };
  const [rows, quotes, evidence, derivation] = await Promise.all([run('claim', terms), run('claim-quotes', terms),
    run('claim-evidence', terms), run('claim-derivation', terms)]);
  if (!rows.length) return h('div', {}, h('h1', {}, 'No such claim'), h('p', {}, claimIri));
  const c = rows[0];
  const qualifiers = [...new Set(rows.map((r) => r.qualifier).filter(Boolean))];
  const context = [['population', c.populationLabel], ['form', c.formLabel], ['route', c.routeLabel]].filter(([, v]) => v);
  const doc = quotes.length ? (await run('document', { resource: c.document }))[0] : null;
  const id = shortId(claimIri);

  return h('article', { class: 'claim-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/claims' }, 'Claims'), ' › ',
      h('a', { href: localHref(c.document) }, c.documentTitle), ' › ', id),
    h('h1', { class: 'claim-title' }, h('span', { class: 'claim-id' }, id), ' ', c.candidate === true ? [candidateBadge(), ' '] : null,
      conceptLink(c.subject, c.subjectLabel), ' ',
      c.negated === true ? [h('span', { class: 'negation', 'data-testid': 'negated' }, c.direct === true ? 'not directly' : 'not'), ' '] : null,
      h('span', { class: 'relation' }, c.relationLabel), ' ', conceptLink(c.object, c.objectLabel)),
    context.length ? h('p', { class: 'claim-context' }, context.map(([k, v]) => `${k}: ${v}`).join(' · ')) : null,
    h('section', { class: 'grade-box', 'aria-labelledby': 'grade-h' },
      h('h2', { id: 'grade-h' }, 'How far to trust it'),
      h('p', { class: 'grade-line' }, gradeBadge(c.rank, c.gradeLabel), ' ', h('span', {}, 'GRADE certainty of the evidence: ', h('strong', {}, c.gradeLabel))),
      c.curatorGradeLabel
        ? h('p', { class: 'override' }, `Set by a curator (the evidence gives ${c.derivedGradeLabel || 'no grade'}): `, c.overrideReason)
        : h('p', { class: 'muted' }, 'Derived from the evidence by the rules of GRADE (ontology/grading.ttl):'),
      derivation.length ? derivationSteps(derivation) : c.rationale ? h('p', { class: 'rationale' }, c.rationale) : null,
      c.reviewed === false ? h('p', { class: 'unreviewed' }, 'Not yet checked: no literature review is recorded for this claim.') : null,
      h('p', { class: 'muted' }, c.hedged === true ? 'The source hedges this claim (“may”, “can help”).' : c.hedged === false ? 'The source asserts this claim outright.' : ''),
      qualifiers.length ? h('p', {}, 'Stated with: ', qualifiers.join('; ')) : null),
    h('section', { 'aria-labelledby': 'findings-h', class: 'findings' },
      h('h2', { id: 'findings-h' }, 'Validation findings'), await findings(claimIri)),
    h('section', { 'aria-labelledby': 'where-h' },
      h('h2', { id: 'where-h' }, 'Where it is said'),
      h('p', {}, 'In ', h('a', { href: localHref(c.document) }, c.documentTitle), ':'),
      quotes.map((q) => quoteInContext(q, doc, c.document, id))),
    h('section', { 'aria-labelledby': 'evidence-h' },
      h('h2', { id: 'evidence-h' }, `Evidence (${evidence.length})`),
      evidenceTable(evidence)),
    h('section', { 'aria-labelledby': 'data-h', class: 'data-links' },
      h('h2', { id: 'data-h' }, 'This claim as data'),
      h('p', {}, 'IRI: ', h('code', {}, claimIri)),
      h('p', {}, 'The same URL answers with RDF when asked: ', h('code', {}, `curl -H 'Accept: text/turtle' ${location.origin}${url.pathname}`))));
}

// The server computes the findings once, after it starts; until then it answers 503 with Retry-After.
async function findings(claimIri) {
  const path = '/api/findings?claim=' + encodeURIComponent(claimIri);
  try {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(path, { headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => ({}));
      const retry = Number(response.headers.get('Retry-After'));
      if (response.status === 503 && retry > 0 && attempt < 6) {
        await new Promise((resolve) => setTimeout(resolve, retry * 1000));
        continue;
      }
      if (!response.ok) return h('p', { class: 'muted' }, `No findings to show: ${body.error || `HTTP ${response.status}`}.`);
      if (!body.findings.length) return h('p', { class: 'no-findings' }, 'No findings: no rule flags this claim.');
      return h('ul', { class: 'finding-list' }, body.findings.map((f) => h('li', { class: `finding severity-${f.severity}` },
        h('span', { class: `badge sev-${f.severity}` }, f.severity), ' ', h('strong', {}, f.rule), ': ', f.message)));
    }
  } catch (error) {
    return failure(error);
  }
}

function quoteInContext(q, doc, documentIri, id) {
  const link = h('a', { href: `${localHref(documentIri)}#claim-${id}`, class: 'show-in-document' }, 'Show in the document');
  if (!doc || !doc.text) return h('blockquote', { class: 'quote' }, q.exact, ' ', link);
  const at = codePointIndex(doc.text);
  const start = at(q.start);
  const end = at(q.end);
  const p = paragraphAround(doc.text, start, end);
  return h('figure', { class: 'context' },
    h('blockquote', {},
      doc.text.slice(p.from, start), h('mark', {}, doc.text.slice(start, end)), doc.text.slice(end, p.to)),
    h('figcaption', {}, `Characters ${q.start}–${q.end}. `, link));
}

const signed = (n) => (Number(n) > 0 ? `+${n}` : String(n).replace('-', '\u2212'));

function derivationSteps(rows) {
  const d = rows[0];
  const steps = rows.filter((r) => r.order !== undefined);
  return h('ol', { class: 'derivation', 'data-testid': 'derivation' },
    h('li', {}, h('strong', {}, `starts ${d.startLabel}`), d.startReason ? `: ${d.startReason}` : ''),
    steps.map((s) => h('li', {}, h('strong', {}, `${signed(s.change)} ${s.factorLabel}`), `: ${s.reason}`)),
    h('li', { class: 'result' }, h('strong', {}, `= ${d.resultLabel}`)));
}

function evidenceTable(rows) {
  if (!rows.length) return h('p', {}, 'No evidence recorded.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'evidence' },
    h('thead', {}, h('tr', {}, ['Type', 'Direction', 'Reference', 'Note', 'Counts'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((e) => h('tr', {},
      h('td', {}, h('span', { class: 'eco' }, e.typeLabel), h('br'), h('small', { class: 'muted' }, e.type.replace('http://purl.obolibrary.org/obo/', '').replace('_', ':')),
        e.citationKindLabel ? [h('br'), h('small', {}, e.citationKindLabel)] : null),
      h('td', {}, h('span', { class: `badge dir-${e.directionLabel === 'supports' ? 'supports' : 'disputes'}` }, e.directionLabel)),
      h('td', {}, reference(e)),
      h('td', {}, e.note || ''),
      h('td', { class: 'counts' }, e.lineGradeLabel ? `${e.lineGradeLabel} on its own` : e.setAside ? `set aside: ${e.setAside}` : '')))))); 
}

function reference(e) {
  if (!e.reference) return h('span', { class: 'muted' }, 'none');
  const ids = [];
  if (e.doi) ids.push(h('a', { href: `https://doi.org/${e.doi}`, rel: 'noopener', class: 'ext' }, `DOI ${e.doi}`));
  if (e.pmid) ids.push(h('a', { href: `https://pubmed.ncbi.nlm.nih.gov/${e.pmid}/`, rel: 'noopener', class: 'ext' }, `PubMed ${e.pmid}`));
  return h('div', { class: 'reference' },
    h('a', { href: localHref(e.reference) }, e.referenceTitle || shortId(e.reference)),
    h('div', { class: 'muted' }, [e.authors, e.year, e.journal].filter(Boolean).join(' · ')),
    e.designLabel ? h('div', {}, h('small', {}, 'Design: ', e.designLabel)) : null,
    e.traceable === false ? h('div', {}, h('span', { class: 'badge flag-unsupported' }, 'untraceable citation')) : null,
    ids.length ? h('div', { class: 'ids' }, ids.flatMap((x, i) => (i ? [' · ', x] : [x]))) : null);
}
