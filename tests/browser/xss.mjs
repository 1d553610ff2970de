// Nothing let in: loads every page of a site built from a hostile project (every value a script
// payload, see projects/hostile/) in headless Chromium and fails if any payload ran or could run.
// Each payload calls bpXss('its-name') or alert(): bpXss is a binding (Runtime.addBinding), so a
// call is reported to this script even if the page throws afterwards; alert() opens a dialog,
// which is reported too. Then the page's DOM is searched for what a payload might have made
// without running yet: inline event handlers, scripts other than the site's own, frames, and
// javascript:, vbscript: or data: addresses in any attribute that holds one (the DOM has decoded
// every entity, so `javascript&#58;` is caught as well).
//
//   node tests/browser/xss.mjs SITE_DIR --search TERM
//
// The search page is also loaded as search.html?q=TERM, which must find a page whose title
// (a payload) is shown as text.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser, browserPath, evaluate } from './cdp.mjs';

const args = process.argv.slice(2);
const site = args[0] && resolve(args[0]);
const searchAt = args.indexOf('--search');
const searchTerm = searchAt >= 0 ? args[searchAt + 1] : '';
if (!site || !searchTerm) {
  console.error('usage: node xss.mjs SITE_DIR --search TERM');
  process.exit(2);
}

function htmlFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  }).sort();
}

// Runs in the page: what a payload could have left behind. The site's own scripts are the search
// page's two files; a template's inline JSON (type application/json) is data, and must parse.
const inspect = `(() => {
  const problems = [];
  const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster',
    'data', 'background', 'cite', 'longdesc', 'ping', 'srcset', 'manifest', 'codebase']);
  const dangerous = (value) => {
    const squeezed = value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
    if (/^(javascript|vbscript|livescript):/.test(squeezed)) return true;
    let protocol = '';
    try { protocol = new URL(value, document.baseURI).protocol; } catch { return false; }
    if (protocol === 'javascript:' || protocol === 'vbscript:') return true;
    return protocol === 'data:' && !/^data:image\\/(png|gif|jpeg|webp)[;,]/.test(squeezed);
  };
  const describe = (el) => '<' + el.localName + [...el.attributes].map(
    (a) => ' ' + a.name + '="' + a.value.slice(0, 60) + '"').join('') + '>';
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push('event handler: ' + describe(el));
      if (name === 'srcdoc') problems.push('srcdoc: ' + describe(el));
      if (urlAttributes.has(name) && dangerous(attr.value)) problems.push('live address: ' + describe(el));
      // SVG animation can set an href later.
      if (['to', 'from', 'values', 'by'].includes(name) && /script:|data:/i.test(attr.value))
        problems.push('animated address: ' + describe(el));
      if (name === 'style' && /javascript:|expression\\(/i.test(attr.value)) problems.push('style: ' + describe(el));
    }
    const tag = el.localName;
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag))
      problems.push('element: ' + describe(el));
    if (tag === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh')
      problems.push('refresh: ' + describe(el));
    if (tag === 'script') {
      const src = el.getAttribute('src');
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (src !== null) {
        if (!/^(\\.\\.\\/)*(search-index\\.js|assets\\/search\\.js)$/.test(src)) problems.push('script: ' + describe(el));
      } else if (type === 'application/json') {
        try { JSON.parse(el.textContent); } catch (e) { problems.push('inline JSON does not parse: ' + el.textContent.slice(0, 80)); }
      } else {
        problems.push('inline script: ' + el.textContent.slice(0, 80));
      }
    }
  }
  if (typeof bpXss !== 'function') problems.push('the bpXss trap is missing: the check proves nothing');
  // Escaped, not dropped: the site's title, a payload, is on every page as text.
  if (!document.body || !document.body.innerText.includes("<script>bpXss('config-title')</script>"))
    problems.push("the site title's payload is not shown as text");
  return problems;
})()`;

const browser = new Browser(browserPath());
const failures = [];
let ran = 0;
try {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  let current = '';
  const fired = [];
  browser.on('Runtime.bindingCalled', sessionId, ({ name, payload }) => {
    if (name === 'bpXss') fired.push(`${current}: payload ran: bpXss(${payload})`);
  });
  browser.on('Page.javascriptDialogOpening', sessionId, ({ type, message }) => {
    fired.push(`${current}: payload ran: ${type}(${message})`);
    browser.send('Page.handleJavaScriptDialog', { accept: true }, sessionId).catch(() => {});
  });
  browser.on('Runtime.exceptionThrown', sessionId, ({ exceptionDetails }) => {
    const text = exceptionDetails.exception?.description || exceptionDetails.text;
    fired.push(`${current}: script error: ${text.split('\n')[0]}`);
  });
  await browser.send('Page.enable', {}, sessionId);
  await browser.send('Runtime.enable', {}, sessionId);
  await browser.send('Runtime.addBinding', { name: 'bpXss' }, sessionId);

  const visit = async (url, name) => {
    current = name;
    const loaded = browser.waitFor('Page.loadEventFired', sessionId);
    await browser.send('Page.navigate', { url }, sessionId);
    await loaded;
    // Images that fail (onerror) and SVG onload have fired by the load event; timers may not.
    await new Promise((done) => setTimeout(done, 150));
    for (const problem of await evaluate(browser, sessionId, inspect))
      failures.push(`${name}: ${problem}`);
    ran += 1;
  };

  for (const file of htmlFiles(site)) await visit(pathToFileURL(file).href, relative(site, file));

  const search = join(site, 'search.html');
  await visit(`${pathToFileURL(search).href}?q=${encodeURIComponent(searchTerm)}`,
    `search.html?q=${searchTerm}`);
  const results = await evaluate(browser, sessionId, `[...document.querySelectorAll(
    '#search-results a')].map((a) => ({ text: a.textContent, href: a.href }))`);
  if (!results.some((r) => r.text.includes('<script>bpXss('))) {
    failures.push(`search for ${searchTerm}: no result shows the hostile title as text: ${JSON.stringify(results)}`);
  }
  await new Promise((done) => setTimeout(done, 100));
  failures.push(...fired);
} finally {
  await browser.close();
}

if (failures.length) {
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  process.exit(1);
}
console.log(`xss: ${ran} loads, no payload ran and none could`);
