// How long a person waits for each explorer page: headless Debian Chromium (playwright-core) opens each page and
// the time is taken from the navigation until the page's data has arrived and is shown (the explorer marks its
// main element aria-busy="false" and body[data-ready] once the view is rendered). Each client is its own
// browser tab; all clients go through the pages round after round, until each page has SAMPLES timings per
// client. A page that shows an error or passes TIMEOUT_MS counts as failed. Writes one JSON object to stdout:
//   { "clients": N, "pages": { NAME: { "path": ..., "ms": [...], "failed": n, "errors": [...] } } }
// `./claimgraph bench` runs it at each size for every explorer page (bench/PageTimer.java), and reads the JSON.
// By hand: EXPLORER_URL=http://localhost:3030/ PAGES='{"home":"/","matrix":"/matrix"}' CLIENTS=8 SAMPLES=5 node pages.bench.mjs
import { launch } from './browser.mjs';

const BASE = (process.env.EXPLORER_URL || 'http://localhost:3030/').replace(/\/$/, '');
const PAGES = JSON.parse(process.env.PAGES || '{"home":"/"}');
const CLIENTS = Number(process.env.CLIENTS || 1);
const SAMPLES = Number(process.env.SAMPLES || 3);
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS || 60000);

async function timePage(page, path) {
  const started = performance.now();
  await page.goto(BASE + path, { timeout: TIMEOUT_MS });
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false' && document.body.dataset.ready,
    null, { timeout: Math.max(1, TIMEOUT_MS - (performance.now() - started)), polling: 20 });
  const ms = performance.now() - started;
  const failure = await page.evaluate(() => (document.querySelector('main h1')?.textContent === 'Something went wrong'
    ? document.querySelector('main')?.textContent.slice(0, 300) : null));
  if (failure) throw new Error(failure);
  return ms;
}

const browser = await launch();
const results = Object.fromEntries(Object.entries(PAGES).map(([name, path]) => [name, { path, ms: [], failed: 0, errors: [] }]));
try {
  // One unmeasured visit first: the scripts and query files in the browser's cache, as for a person who has the explorer open.
  const warm = await browser.context.newPage();
  await warm.goto(BASE + '/', { timeout: TIMEOUT_MS }).catch(() => {});
  await warm.close();
  const tabs = await Promise.all(Array.from({ length: CLIENTS }, () => browser.context.newPage()));
  await Promise.all(tabs.map(async (tab, client) => {
    const names = Object.keys(PAGES);
    for (let round = 0; round < SAMPLES; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + client) % names.length];
        try {
          results[name].ms.push(await timePage(tab, PAGES[name]));
        } catch (e) {
          results[name].failed++;
          if (results[name].errors.length < 3) results[name].errors.push(String(e.message).split('\n')[0].slice(0, 300));
          await tab.goto('about:blank').catch(() => {});
        }
      }
    }
  }));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ clients: CLIENTS, samples: SAMPLES, pages: results }) + '\n');
