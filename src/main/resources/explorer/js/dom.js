// A tiny element builder: h('a', {href}, 'text', child...). Strings become text nodes, so nothing read
// from the graph is ever parsed as HTML; a link goes only to this site or to an http(s) address (an href
// such as javascript:... from the graph is dropped, and the element stays as plain text).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElementNS(tag === 'svg' || attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false || k === 'svg') continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'href' || k === 'xlink:href') { if (safeHref(v)) el.setAttribute(k, String(v)); }
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Whether a link target is this site or an http(s) address, as the browser will read it. */
export function safeHref(value) {
  try {
    const url = new URL(String(value), location.href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function s(tag, attrs = {}, ...children) {
  return h(tag, { ...attrs, svg: true }, ...children);
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const GRADE_CLASS = { 4: 'high', 3: 'moderate', 2: 'low', 1: 'very-low' };
const GRADE_LABEL = { 4: 'high', 3: 'moderate', 2: 'low', 1: 'very low' };

export function gradeClass(rank) {
  return GRADE_CLASS[rank] || 'none';
}

export function gradeLabel(rank) {
  return GRADE_LABEL[rank] || 'ungraded';
}

/** The grade as a badge that says it in words (colour is never the only signal). */
export function gradeBadge(rank, label = gradeLabel(rank)) {
  return h('span', { class: `badge grade-${gradeClass(rank)}`, title: `GRADE certainty: ${label}` }, label);
}

export function flagBadge(flag) {
  if (!flag || flag === 'not flagged') return null;
  if (flag === 'candidate') return candidateBadge();
  return h('span', { class: `badge flag-${flag === 'unsupported' ? 'unsupported' : 'weak'}` }, flag);
}

/** A claim ingest proposed and no curator has reviewed yet (the rule candidate). */
export function candidateBadge() {
  return h('span', { class: 'badge flag-candidate', title: 'Proposed by ingest from the text; not yet reviewed by a curator' }, 'candidate');
}

export function statement(row, link) {
  const parts = [
    link && row.subject ? link(row.subject, row.subjectLabel) : h('span', { class: 'concept' }, row.subjectLabel),
    ' ', h('span', { class: 'relation' }, row.relationLabel), ' ',
    link && row.object ? link(row.object, row.objectLabel) : h('span', { class: 'concept' }, row.objectLabel),
  ];
  return h('span', { class: 'statement' }, parts);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function failure(error) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Could not load: '), String(error.message || error));
}

/** Previous and next links around "Page N of M" for a paged list; null when there is one page. */
export function pager(page, pages, hrefOf) {
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? h('a', { href: hrefOf(page - 1), rel: 'prev' }, '← Previous') : h('span', {}),
    h('span', {}, `Page ${page} of ${pages}`),
    page < pages ? h('a', { href: hrefOf(page + 1), rel: 'next' }, 'Next →') : h('span', {}));
}
