import { ensurePagesBuilt } from './built-pages';
import { missingBrowser } from './chromium';

/**
 * Before the end-to-end tests: the pages the service serves are built if they are not, and a
 * missing browser is said once, plainly, rather than only in a skipped test's name. With CI=true
 * the browser tests fail instead of being skipped (see dashboard-in-browser.e2e-spec.ts). A build
 * that fails is said too, and fails the tests of the pages (which then meet 503), not every other.
 */
export default function setUpPages(): void {
  try {
    ensurePagesBuilt();
  } catch (error) {
    process.stdout.write(`\nThe pages could not be built, so their tests will fail: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  const missing = missingBrowser();
  if (missing && process.env.CI !== 'true') process.stdout.write(`\nBrowser tests skipped: ${missing}.\n`);
}
