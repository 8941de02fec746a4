import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, or the one PMO_CHROMIUM names: no browser is ever downloaded for the tests. */
export const chromiumPath = (): string => process.env.PMO_CHROMIUM?.trim() || '/usr/bin/chromium';

/** Why the browser tests cannot run here; null when they can. */
export function missingBrowser(): string | null {
  const executable = chromiumPath();
  try {
    fs.accessSync(executable, fs.constants.X_OK);
    return null;
  } catch {
    return `no Chromium at ${executable} (apt-get install chromium, or set PMO_CHROMIUM to a Chromium binary)`;
  }
}

/** The flags every run uses: headless, no sandbox (tests may run as root), nothing that reaches out on its own. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile of its own, removed when closed. */
export async function launchChromium(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    // Days on the dashboard are UTC days; the as-of control speaks the browser's zone.
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A suite that needs Chromium: run where there is one; without one, skipped (the global setup says
 * why, once) — or, with CI=true, failed, since CI installs the browser and a missing one is a fault.
 */
export function describeInBrowser(title: string, body: () => void): void {
  const missing = missingBrowser();
  if (missing === null) return describe(title, body);
  if (process.env.CI === 'true') {
    return describe(title, () => {
      it('has a browser to run in', () => {
        throw new Error(`CI=true, and there is ${missing}: .ci/run installs it`);
      });
    });
  }
  describe.skip(`${title} (skipped: ${missing})`, body);
}
