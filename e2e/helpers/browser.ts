// Headless Chromium (Debian's, through playwright-core) and an axe-core runner for the browser tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { testSettings } from '../../src/config.js';
import { ROOT } from './server.js';

export const MOBILE = { width: 360, height: 740 } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: testSettings().chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies) at the phone viewport unless told otherwise. */
export function newContext(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { ...MOBILE }, ...opts });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the page and returns its violations. The page's CSP forbids the injected script,
 * so the page must come from a context created with `bypassCSP: true` (used for the axe run only).
 */
export async function runAxe(page: Page, tags: readonly string[] = AXE_TAGS): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] });
    return r.violations as AxeViolation[];
  }, [...tags]);
}

/** Only the violations that block users (serious or critical). */
export const blocking = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

/** A readable listing of violations for an assertion message. */
export function formatViolations(v: AxeViolation[]): string {
  return v
    .map(
      (x) =>
        `[${x.impact}] ${x.id}: ${x.help} (${x.helpUrl})\n` +
        x.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n') +
        (x.nodes.length > 5 ? `\n    …and ${x.nodes.length - 5} more` : ''),
    )
    .join('\n');
}
