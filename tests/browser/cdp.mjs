// A minimal Chrome DevTools Protocol client for the browser tests: starts headless Chromium with
// the protocol on a pipe (--remote-debugging-pipe: NUL-separated JSON on fds 3 and 4), so the
// tests need no driver from npm and never download a browser.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STEP_TIMEOUT_MS = 30_000;

// The browser to drive: $CHROMIUM, else Debian's chromium.
export function browserPath() {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

// One headless Chromium with a throwaway profile; send() calls a method (in a tab when given its
// flattened sessionId), waitFor() resolves with the next event of a method, close() ends it.
export class Browser {
  constructor(path) {
    this.profile = mkdtempSync(join(tmpdir(), 'bp-chromium-'));
    this.process = spawn(
      path,
      [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-extensions', '--hide-scrollbars', '--mute-audio',
        // Tabs in the background run at full speed: tests use several at once.
        '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
        `--user-data-dir=${this.profile}`, '--remote-debugging-pipe', 'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    this.stderr = '';
    this.process.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.exited = new Promise((done) => this.process.on('exit', (code, signal) => {
      const error = new Error(`Chromium exited (${signal || code})\n${this.stderr}`);
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
      done();
    }));
    let buffer = '';
    this.process.stdio[4].setEncoding('utf8');
    this.process.stdio[4].on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        this.receive(message);
      }
    });
  }

  receive(message) {
    if (message.id === undefined) {
      for (const listener of this.listeners) listener(message);
      return;
    }
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
    else call.resolve(message.result);
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${STEP_TIMEOUT_MS / 1000} s`));
      }, STEP_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolvePromise, reject, timer, method });
      this.process.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
    });
  }

  // Calls handler(params) for every event of this method in this session.
  on(method, sessionId, handler) {
    this.listeners.add((message) => {
      if (message.method === method && message.sessionId === sessionId) handler(message.params);
    });
  }

  // Resolves with the first event of this method in this session (registered before acting).
  waitFor(method, sessionId) {
    let listener;
    const promise = new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${method}: not received in ${STEP_TIMEOUT_MS / 1000} s`));
      }, STEP_TIMEOUT_MS);
      listener = (message) => {
        if (message.method === method && message.sessionId === sessionId) {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolvePromise(message.params);
        }
      };
      this.listeners.add(listener);
    });
    return promise;
  }

  async close() {
    this.send('Browser.close').catch(() => {});
    const killer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(killer);
    rmSync(this.profile, { recursive: true, force: true });
  }
}

// Evaluates an expression in the tab (awaiting a promise) and returns its value as JSON.
export async function evaluate(browser, sessionId, expression) {
  const { result, exceptionDetails } = await browser.send(
    'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (exceptionDetails) {
    throw new Error(exceptionDetails.exception?.description || exceptionDetails.text);
  }
  return result.value;
}
