import { ensurePagesBuilt } from './built-pages';
import { missingBrowser } from './chromium';

/**
 * Before the end-to-end tests: the pages the service serves are built if they are not, and a
 * missing browser is said once, plainly, rather than only in a skipped test's name. With CI=true
 * the browser tests fail instead of being skipped (see dashboard-in-browser.e2e-spec.ts).
 */
export default function setUpPages(): void {
  ensurePagesBuilt();
  const missing = missingBrowser();
  if (missing && process.env.CI !== 'true') process.stdout.write(`\nBrowser tests skipped: ${missing}.\n`);
}
