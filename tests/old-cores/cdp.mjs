// A small DevTools-protocol client for the old headless cores: no
// chromedriver or puppeteer of their era is needed, only a websocket (`ws`).
// It starts a core, opens its one page target and offers what the tests use:
// navigate, evaluate, type text, set a file input, downloads, console output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import WebSocket from 'ws';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function launch(core, { profile } = {}) {
  const userDir = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-oldcore-'));
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-zygote', '--single-process',
    '--no-first-run', '--disable-extensions', '--disable-background-networking',
    '--remote-debugging-port=0', `--user-data-dir=${userDir}`,
    '--window-size=1366,768', '--lang=zh-CN', 'about:blank',
  ];
  const proc = spawn(core.bin, args, { env: core.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const wsUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${core.name} did not open DevTools in 30 s:\n${stderr.slice(-2000)}`)), 30000);
    proc.stderr.on('data', (d) => {
      stderr += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${core.name} exited (${code}):\n${stderr.slice(-2000)}`)); });
  });
  const { port } = new URL(wsUrl);
  // The page target of the window opened with about:blank.
  let pageWs;
  for (let i = 0; i < 50 && !pageWs; i++) {
    const list = await fetch(`http://127.0.0.1:${port}/json`).then((r) => r.json()).catch(() => []);
    pageWs = list.find((t) => t.type === 'page')?.webSocketDebuggerUrl;
    if (!pageWs) await sleep(100);
  }
  if (!pageWs) throw new Error(`${core.name}: no page target`);
  const page = new Page(await connect(pageWs), core);
  page.close = async () => {
    try { page.conn.ws.close(); } catch { /* already closed */ }
    proc.kill('SIGKILL');
    await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
    if (!profile) fs.rmSync(userDir, { recursive: true, force: true });
  };
  page.userDir = userDir;
  await page.init();
  return page;
}

async function connect(url) {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let next = 1;
  const pending = new Map();
  const listeners = new Set();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject, method } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(`${method}: ${msg.error.message} ${msg.error.data ?? ''}`));
      else resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners) l(msg);
    }
  });
  return {
    ws,
    send(method, params = {}) {
      const id = next++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
    },
    on(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  };
}

class Page {
  constructor(conn, core) {
    this.conn = conn;
    this.core = core;
    this.console = [];
    this.errors = [];
  }

  async init() {
    this.conn.on((m) => {
      if (m.method === 'Runtime.consoleAPICalled') {
        this.console.push(`${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description).join(' ')}`);
      } else if (m.method === 'Runtime.exceptionThrown') {
        const d = m.params.exceptionDetails;
        this.errors.push(`${d.text} ${d.exception?.description ?? ''}`.trim());
      } else if (m.method === 'Log.entryAdded') {
        this.console.push(`${m.params.entry.level}: ${m.params.entry.text}`);
      }
    });
    await this.conn.send('Page.enable');
    await this.conn.send('Runtime.enable');
    await this.conn.send('Log.enable');
    await this.conn.send('DOM.enable');
  }

  async goto(url) {
    const loaded = this.waitEvent('Page.loadEventFired', 30000);
    await this.conn.send('Page.navigate', { url });
    await loaded;
  }

  async reload() {
    const loaded = this.waitEvent('Page.loadEventFired', 30000);
    await this.conn.send('Page.reload', {});
    await loaded;
  }

  waitEvent(method, timeout = 10000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { off(); reject(new Error(`timeout waiting for ${method}`)); }, timeout);
      const off = this.conn.on((m) => {
        if (m.method === method) { clearTimeout(timer); off(); resolve(m.params); }
      });
    });
  }

  /** Evaluates an expression (a string, or a function and its JSON arguments) in the page and returns its value. */
  async eval(fn, ...args) {
    const expression = typeof fn === 'function' ? `(${fn})(...${JSON.stringify(args)})` : fn;
    const r = await this.conn.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) {
      throw new Error(`evaluate failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    }
    return r.result.value;
  }

  /** Waits until `fn(...args)` is truthy in the page; returns its value. */
  async waitFor(fn, args = [], { timeout = 20000, what } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const v = await this.eval(fn, ...args).catch(() => undefined);
      if (v) return v;
      if (Date.now() > until) {
        const body = await this.eval('document.body && document.body.innerText.slice(0, 600)').catch(() => '?');
        throw new Error(`${this.core.name}: timed out waiting for ${what ?? fn}\npage text: ${body}\nerrors: ${this.errors.join(' | ')}\nconsole: ${this.console.slice(-8).join(' | ')}`);
      }
      await sleep(50);
    }
  }

  /** Types text into the focused element as a user's input method would. */
  async type(text) {
    try {
      await this.conn.send('Input.insertText', { text });
    } catch (e) {
      if (!/wasn't found/.test(e.message)) throw e;
      // Chromium 69's protocol has no Input.insertText (70+): one key event
      // per character, as a keyboard would send it.
      for (const ch of text) {
        if (ch === '\n') {
          await this.conn.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
          await this.conn.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
        } else {
          await this.conn.send('Input.dispatchKeyEvent', { type: 'char', text: ch });
        }
      }
    }
  }

  async press(key, code = key, keyCode = 0) {
    await this.conn.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: keyCode });
    await this.conn.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode });
  }

  /** Puts files into the <input type=file> matched by `selector` (they fire `change`). */
  async setFiles(selector, files) {
    const { root } = await this.conn.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await this.conn.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element ${selector}`);
    await this.conn.send('DOM.setFileInputFiles', { nodeId, files });
  }

  /** Lets downloads land in `dir` (Page.setDownloadBehavior, Chromium 62+). */
  async downloadsTo(dir) {
    fs.mkdirSync(dir, { recursive: true });
    await this.conn.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  }
}

export { sleep };
