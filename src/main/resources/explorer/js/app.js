// The explorer's router: every view has a real URL (/claims?form=..., /id/claim/003-001, ...), so any view
// can be bookmarked and shared. Links inside the explorer are followed without reloading the page.
import { h, clear, failure } from './dom.js';
import { homeView } from './views/home.js';
import { claimsView } from './views/claims.js';
import { claimView } from './views/claim.js';
import { documentView } from './views/document.js';
import { conceptView } from './views/concept.js';
import { matrixView } from './views/matrix.js';
import { queryView } from './views/query.js';
import { documentsView, conceptsView } from './views/lists.js';
import { resourceView } from './views/resource.js';
import { reviewView } from './views/review.js';

const main = document.getElementById('main');
const VIEWS = { '/': homeView, '/claims': claimsView, '/documents': documentsView, '/concepts': conceptsView,
  '/matrix': matrixView, '/query': queryView, '/review': reviewView };
let renderId = 0;

function viewFor(path) {
  if (VIEWS[path]) return VIEWS[path];
  const m = /^\/id\/([a-z]+)\/([^/]+)$/.exec(path);
  if (m && m[1] === 'claim') return claimView;
  if (m && m[1] === 'document') return documentView;
  if (m && m[1] === 'concept') return conceptView;
  if (path.startsWith('/id/')) return resourceView;
  return null;
}

export function navigate(href, { replace = false } = {}) {
  const url = new URL(href, location.href);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

async function render() {
  const id = ++renderId;
  const view = viewFor(location.pathname);
  for (const a of document.querySelectorAll('nav.site a')) {
    const here = a.getAttribute('href') === location.pathname
      || (a.getAttribute('href') === '/claims' && location.pathname.startsWith('/id/claim/'));
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (!view) {
    clear(main, h('h1', {}, 'Not found'), h('p', {}, 'The explorer has no page at ', h('code', {}, location.pathname), '.'));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const content = await view(new URL(location.href), { navigate, current: () => id === renderId });
    if (id !== renderId) return;
    clear(main, content);
    document.title = (main.querySelector('h1')?.textContent || 'claimgraph') + ' · claimgraph explorer';
    if (location.hash) {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.dispatchEvent(new CustomEvent('cg-target', { bubbles: true }));
    } else {
      window.scrollTo(0, 0);
    }
  } catch (error) {
    if (id === renderId) clear(main, h('h1', {}, 'Something went wrong'), failure(error));
    console.error(error);
  } finally {
    if (id === renderId) {
      main.setAttribute('aria-busy', 'false');
      document.body.dataset.ready = String(id);
    }
  }
}

document.addEventListener('click', (event) => {
  const a = event.target.closest('a[href]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || a.target) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !viewFor(url.pathname)) return;
  event.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    history.pushState(null, '', url);
    document.getElementById(decodeURIComponent(url.hash.slice(1)))?.dispatchEvent(new CustomEvent('cg-target', { bubbles: true }));
    return;
  }
  navigate(url.href);
  main.focus({ preventScroll: true });
});

window.addEventListener('popstate', render);
render();
