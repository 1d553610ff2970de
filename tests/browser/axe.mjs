// Checks every page of a built site with axe-core in headless Chromium (WCAG 2.1 A and AA) at a
// desktop and a phone width, with every <details> open, and fails a page that scrolls sideways
// (WCAG 1.4.10, which axe does not test); prints each violation and exits 1 if there are any.
//
//   node tests/browser/axe.mjs SITE_DIR [--base-url URL] [--verbose]
//
// Pages load over file://. The test never goes online: a request for the site's own base URL
// (the 404 page links its stylesheet absolutely) is answered from SITE_DIR, any other http(s)
// request fails. Chromium is driven by cdp.mjs, so the test needs nothing from npm but axe-core
// and never downloads a browser; CHROMIUM overrides the browser's path (default
// /usr/bin/chromium). --verbose also prints what axe could not decide ("needs review"), such as
// text over images.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser, browserPath, evaluate } from './cdp.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [1280, 375];

const args = process.argv.slice(2);
let verbose = false;
let baseUrl = '';
let siteArg;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--verbose') verbose = true;
  else if (args[i] === '--base-url') baseUrl = args[++i] ?? '';
  else siteArg ??= args[i];
}
if (!siteArg || !existsSync(siteArg) || !statSync(siteArg).isDirectory()) {
  console.error('usage: node axe.mjs SITE_DIR [--base-url URL] [--verbose]  (a built site folder)');
  process.exit(2);
}
const site = resolve(siteArg);
if (baseUrl && !baseUrl.endsWith('/')) baseUrl += '/';
if (!existsSync(browserPath())) {
  console.error(`FAIL: no Chromium at ${browserPath()}: run ./scripts/setup.sh (package chromium)`);
  process.exit(1);
}
let axeSource;
try {
  axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
} catch {
  console.error('FAIL: axe-core is not installed in tests/browser: run ./scripts/setup.sh');
  process.exit(1);
}

function htmlFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) found.push(path);
  }
  return found.sort();
}

const MIME_TYPES = {
  '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.svg': 'image/svg+xml', '.webp': 'image/webp', '.woff2': 'font/woff2', '.xml': 'application/xml',
  '.pdf': 'application/pdf',
};

// Answers a paused http(s) request: the site's own URLs from SITE_DIR, everything else refused.
async function answer(browser, sessionId, { requestId, request }) {
  let file;
  if (baseUrl && request.url.startsWith(baseUrl)) {
    const path = decodeURIComponent(request.url.slice(baseUrl.length).split(/[?#]/)[0]);
    file = resolve(site, path || 'index.html');
    const inside = file.startsWith(site + sep);
    if (!inside || !existsSync(file) || !statSync(file).isFile()) file = undefined;
  }
  try {
    if (!file) {
      await browser.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' },
                         sessionId);
      return;
    }
    const type = MIME_TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
    await browser.send('Fetch.fulfillRequest', {
      requestId,
      responseCode: 200,
      responseHeaders: [{ name: 'Content-Type', value: type }],
      body: readFileSync(file).toString('base64'),
    }, sessionId);
  } catch {
    // The page navigated away meanwhile: the request no longer exists.
  }
}

// Runs in the page. Closed <details> (chart data, RAG key and filter, the phone menu) are opened
// first, so what a reader can reveal is checked too.
const RUN_AXE = `(async () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const r = await axe.run(document, {
    runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} },
    resultTypes: ['violations', 'incomplete'],
  });
  const brief = (list) => list.map((rule) => ({
    id: rule.id, impact: rule.impact, help: rule.help, helpUrl: rule.helpUrl,
    nodes: rule.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
  }));
  const violations = brief(r.violations);
  // WCAG 1.4.10 Reflow, which axe leaves to people: the page itself must not scroll sideways
  // (wide tables and charts scroll inside their own regions). Reports where the overflow starts.
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width + 1) {
    const sticksOut = (e) => e.getBoundingClientRect().right > width + 1;
    const inScroller = (e) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const starts = [...document.body.querySelectorAll('*')].filter((e) =>
      sticksOut(e) && !inScroller(e) && !(e.parentElement && sticksOut(e.parentElement)));
    const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      [...e.classList].map((c) => '.' + c).join('');
    violations.push({
      id: 'reflow', impact: 'serious', help: 'The page must not scroll sideways (WCAG 1.4.10)',
      helpUrl: 'https://www.w3.org/WAI/WCAG21/Understanding/reflow.html',
      nodes: (starts.length ? starts.slice(0, 5) : [root]).map((e) => ({
        target: name(e),
        summary: 'Fix all of the following:\\n  Element ends at ' +
          Math.round(e.getBoundingClientRect().right) + 'px; the window is ' + width + 'px wide',
      })),
    });
  }
  return { violations, incomplete: brief(r.incomplete) };
})()`;

// A desktop-style viewport at both widths: phone emulation would zoom out to fit a page that is
// too wide, hiding the very overflow the reflow check looks for.
const setWidth = (browser, sessionId, width) => browser.send('Emulation.setDeviceMetricsOverride',
  { width, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);

// Loads the page and axe once, then checks it at each width: resizing re-applies the media
// queries (axe's own measuring lays the page out again).
async function checkPage(browser, sessionId, url) {
  await setWidth(browser, sessionId, WIDTHS[0]);
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  const { errorText } = await browser.send('Page.navigate', { url }, sessionId);
  if (errorText) throw new Error(errorText);
  await loaded;
  await evaluate(browser, sessionId, axeSource);
  const results = [];
  for (const [i, width] of WIDTHS.entries()) {
    if (i > 0) {
      await setWidth(browser, sessionId, width);
      const now = await evaluate(browser, sessionId, 'window.innerWidth');
      if (now !== width) throw new Error(`the window is ${now}px wide, not ${width}px`);
    }
    results.push(await evaluate(browser, sessionId, RUN_AXE));
  }
  return results;
}

const started = Date.now();
const pages = htmlFiles(site).map((path) => ({
  name: relative(site, path),
  url: pathToFileURL(path).href,
}));
// The search page fills its results in with JavaScript: check it with results shown as well.
const search = pages.find((p) => p.name === 'search.html');
if (search) pages.push({ name: 'search.html?q=child', url: `${search.url}?q=child` });
if (pages.length === 0) {
  console.error(`FAIL: no .html files in ${site}`);
  process.exit(1);
}

// A few tabs at once: most of the time goes on parsing axe and running it, not on loading pages.
const TABS = 3;
const results = new Array(pages.length);  // [page][width]
const browser = new Browser(browserPath());
let failed = false;
try {
  let next = 0;
  const tab = async () => {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    await browser.send('Page.enable', {}, sessionId);
    browser.on('Fetch.requestPaused', sessionId, (params) => answer(browser, sessionId, params));
    await browser.send('Fetch.enable',
      { patterns: [{ urlPattern: 'http://*' }, { urlPattern: 'https://*' }] }, sessionId);
    while (next < pages.length) {
      const index = next++;
      try {
        results[index] = await checkPage(browser, sessionId, pages[index].url);
      } catch (error) {
        throw new Error(`${pages[index].name}: ${error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(TABS, pages.length) }, tab));
} catch (error) {
  console.error(`FAIL: ${error.message}`);
  failed = true;
} finally {
  await browser.close();
}

let violations = 0;
const jobs = WIDTHS.flatMap((width, w) => pages.map((page, p) => ({ page, width, w, p })));
jobs.forEach(({ page, width, w, p }) => {
  const result = results[p]?.[w];
  if (!result) return;
  const where = `${page.name} @${width}px`;
  for (const rule of result.violations) {
    for (const node of rule.nodes) {
      violations++;
      console.log(`${where}: ${rule.id} (${rule.impact}) ${node.target}\n` +
                  `  ${rule.help} — ${rule.helpUrl}\n` +
                  `  ${node.summary.replace(/\n/g, '\n  ')}`);
    }
  }
  if (!verbose) return;
  for (const rule of result.incomplete) {
    for (const node of rule.nodes) {
      console.log(`${where}: needs review: ${rule.id} ${node.target}\n` +
                  `  ${node.summary.replace(/\n/g, '\n  ')}`);
    }
  }
});

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const checked = `${pages.length} pages at ${WIDTHS.join(' and ')} px`;
if (failed) process.exit(1);
if (violations > 0) {
  console.log(`FAIL: ${violations} accessibility violation(s) in ${checked} (${seconds} s)`);
  process.exit(1);
}
console.log(`axe: no WCAG 2.1 A/AA violations in ${checked} (axe-core, ${seconds} s)`);
