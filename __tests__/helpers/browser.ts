import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import CDP from 'chrome-remote-interface';

/**
 * A real headless Chromium driven over the DevTools protocol: opens a local file,
 * collects every console error, uncaught exception and browser log error (a blocked
 * load, a Content-Security-Policy violation), and saves a full-page screenshot.
 * scripts/install-chromium.sh installs the browser.
 */

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser binary: $CHROMIUM_BIN, else the first candidate on PATH; null when none. */
export function findChromium(): string | null {
  const given = process.env.CHROMIUM_BIN;
  if (given) return given;
  for (const name of CANDIDATES) {
    const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

export interface PageCheck {
  /** Console errors, exceptions and browser log errors, as text. */
  errors: string[];
  /** Every console message of any level, for the assertion messages. */
  messages: string[];
  screenshot: Buffer;
  /** What `expression` evaluated to after the page settled. */
  value: unknown;
}

export interface OpenOptions {
  width: number;
  height: number;
  /** Evaluated in the page until it returns true (e.g. "Mermaid has drawn"); default: the load event is enough. */
  readyWhen?: string;
  /** Evaluated once the page is ready; its JSON value is returned. */
  expression?: string;
  timeoutMs?: number;
}

function devToolsPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port in ${timeoutMs} ms:\n${seen.slice(-2000)}`)), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${seen.slice(-2000)}`));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openInChromium(binary: string, file: string, options: OpenOptions): Promise<PageCheck> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const profile = await mkdtemp(join(tmpdir(), 'async-bench-chromium-'));
  const child = spawn(
    binary,
    [
      '--headless',
      '--disable-gpu',
      '--no-sandbox',
      '--no-first-run',
      '--no-default-browser-check',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--window-size=${options.width},${options.height}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let client: CDP.Client | null = null;
  try {
    const port = await devToolsPort(child, timeoutMs);
    const target = (await CDP.List({ port })).find((t) => t.type === 'page');
    if (!target) throw new Error('Chromium opened no page target.');
    client = await CDP({ port, target });
    const { Page, Runtime, Log, Emulation } = client;
    const errors: string[] = [];
    const messages: string[] = [];
    Runtime.consoleAPICalled(({ type, args }) => {
      const text = `console.${type}: ${args.map((arg) => arg.value ?? arg.description ?? '').join(' ')}`;
      messages.push(text);
      if (type === 'error' || type === 'assert') errors.push(text);
    });
    Runtime.exceptionThrown(({ exceptionDetails }) => errors.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`));
    Log.entryAdded(({ entry }) => {
      const text = `${entry.source} ${entry.level}: ${entry.text}${entry.url ? ` (${entry.url})` : ''}`;
      messages.push(text);
      if (entry.level === 'error') errors.push(text);
    });
    await Promise.all([Page.enable(), Runtime.enable(), Log.enable()]);
    await Emulation.setDeviceMetricsOverride({ width: options.width, height: options.height, deviceScaleFactor: 1, mobile: false });
    const loaded = Page.loadEventFired();
    await Page.navigate({ url: pathToFileURL(file).href });
    await loaded;
    const deadline = Date.now() + timeoutMs;
    if (options.readyWhen) {
      while (!(await Runtime.evaluate({ expression: options.readyWhen, returnByValue: true })).result.value) {
        if (Date.now() > deadline) throw new Error(`the page never became ready (${options.readyWhen}); console: ${messages.join(' | ')}`);
        await sleep(100);
      }
    }
    // Late messages (a deferred load, a style error) arrive within a moment of the load.
    await sleep(300);
    const value = options.expression ? (await Runtime.evaluate({ expression: options.expression, returnByValue: true })).result.value : undefined;
    const { cssContentSize } = await Page.getLayoutMetrics();
    const clip = { x: 0, y: 0, width: options.width, height: Math.ceil(cssContentSize.height), scale: 1 };
    const { data } = await Page.captureScreenshot({ format: 'png', captureBeyondViewport: true, clip });
    return { errors, messages, screenshot: Buffer.from(data, 'base64'), value };
  } finally {
    await client?.close().catch(() => undefined);
    child.kill();
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await rm(profile, { recursive: true, force: true });
  }
}
