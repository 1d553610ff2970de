// The author's loop, in a real browser tab: `boardpress new leaflet`, `boardpress serve`, open
// the leaflet in Chromium, edit the file and see the tab change within a second; break the file
// and see the error (file:line and the fix) in the tab; fix it and see the page return.
//
//   node tests/browser/live_reload.mjs BOARDPRESS PROJECT_DIR
//
// PROJECT_DIR is a scratch copy of a project; the test adds a leaflet to it.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, evaluate, browserPath } from './cdp.mjs';

const [boardpress, project] = process.argv.slice(2);
if (!boardpress || !project) {
  console.error('usage: node live_reload.mjs BOARDPRESS PROJECT_DIR');
  process.exit(2);
}
const fail = (message) => {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
};

execFileSync(boardpress, ['new', 'leaflet', 'Keeping safe'], { cwd: project, stdio: 'inherit' });
const leaflet = join(project, 'content/leaflets/keeping-safe.md');
const original = readFileSync(leaflet, 'utf8');

const server = spawn(boardpress, ['serve', project, '--port', '0', '--drafts'],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
let log = '';
server.stdout.on('data', (d) => { log += d; });
server.stderr.on('data', (d) => { log += d; });
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 15000);
  const look = () => {
    const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
    if (found) { clearTimeout(timer); resolve(found[1]); } else setTimeout(look, 20);
  };
  look();
});

// Polls the tab's text until `test` holds; returns the milliseconds it took.
async function until(sessionId, test, what, limitMs) {
  const start = Date.now();
  for (;;) {
    let text = '';
    try {
      text = await evaluate(browser, sessionId, 'document.body ? document.body.innerText : ""');
    } catch { /* the tab is between pages */ }
    if (test(text)) return Date.now() - start;
    if (Date.now() - start > limitMs) fail(`${what}: not seen within ${limitMs} ms; the tab shows:\n${text.slice(0, 600)}\n--- serve:\n${log}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const browser = new Browser(browserPath());
try {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  await browser.send('Page.enable', {}, sessionId);
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  await browser.send('Page.navigate', { url: `http://127.0.0.1:${port}/leaflets/keeping-safe.html` }, sessionId);
  await loaded;
  await until(sessionId, (t) => t.includes('Keeping safe'), 'the new leaflet', 5000);
  // The reload script connects to the event stream once the page has loaded.
  await new Promise((r) => setTimeout(r, 300));

  const edited = original.replace(/\n---\n/, '\n---\nOur new helpline opens on Monday.\n\n');
  writeFileSync(leaflet, edited);
  const shown = await until(sessionId, (t) => t.includes('Our new helpline opens on Monday.'), 'the edit', 1000);
  console.log(`edit shown in the open tab after ${shown} ms`);

  writeFileSync(leaflet, edited.replace(/^title: .*$/m, 'title: [Keeping safe'));
  const error = await until(sessionId, (t) => t.includes('The site could not be built') &&
    t.includes('content/leaflets/keeping-safe.md:2:'), 'the error', 2000);
  const errorText = await evaluate(browser, sessionId, 'document.body.innerText');
  if (!errorText.includes('Fix:')) fail(`the error page gives no fix:\n${errorText}`);
  console.log(`error shown in the tab after ${error} ms`);

  writeFileSync(leaflet, edited);
  const back = await until(sessionId, (t) => t.includes('Our new helpline opens on Monday.') &&
    !t.includes('could not be built'), 'the mended page', 2000);
  console.log(`page back after the fix in ${back} ms`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
