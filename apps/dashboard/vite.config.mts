import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * One page per build (`vite build --mode dashboard`, `--mode graphiql`): each lives under its own
 * path on the service and keeps its assets there, so the service serves exactly /<page> and
 * /<page>/assets/*, and neither page carries the other's code.
 */
const PAGES = ['dashboard', 'graphiql'];
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => {
  if (!PAGES.includes(mode)) throw new Error(`build one page at a time: --mode ${PAGES.join(' or --mode ')} (not "${mode}")`);
  return {
    root: `${here}${mode}`,
    base: `/${mode}/`,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: `${here}../../dist/pages/${mode}`,
      emptyOutDir: true,
      // Everything as files of its own: the Content-Security-Policy lets pages load only from
      // their own origin, and files are cached by their hashed names.
      assetsInlineLimit: 0,
      sourcemap: false,
      // GraphiQL (editor, language service, React) is one large chunk by nature.
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        onwarn(warning, warn) {
          // "use client" marks React server-component boundaries; a browser-only bundle has none to keep.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  };
});
