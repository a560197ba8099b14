// Runs after tsc in `npm run build`: replaces dist/src/vendor/linkedom.js (a re-export of 'linkedom')
// with one esbuild bundle of linkedom and everything it imports.
//
// Why a bundle: linkedom as published is ~250 small ES modules (linkedom, htmlparser2, domutils,
// css-select, entities, cssom…); Node resolves, reads and links each one, which alone takes ~180 ms,
// longer than extracting a page. One bundled file loads in about half that, so `newsdesk extract` on
// one page starts well under half a second. The bundled code is the installed packages' code.
//
// One patch, applied while bundling: linkedom's EventTarget constructor registers an empty listener
// Map for every node it creates (in a module-level WeakMap), so parsing a page allocates one Map and
// one weak entry per element, text and attribute node. Extraction never listens to DOM events; those
// allocations and the GC work on the weak entries were ~10% of extraction time plus GC on the
// Readability test pages. The patch creates the Map on the first addEventListener instead, and lets
// removeEventListener skip a node that has none (dispatch already does). Behaviour is unchanged; the
// build fails when linkedom's source no longer has the patched lines, so an upgrade cannot skip it
// silently.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const target = fileURLToPath(new URL('../dist/src/vendor/linkedom.js', import.meta.url));

/** [file it applies to, text in that file, replacement]; every entry must apply exactly once. */
const PATCHES = [
  ['event-target.js', '  constructor() {\n    wm.set(this, new Map);\n  }\n', '  constructor() {}\n'],
  [
    'event-target.js',
    '  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n',
    '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n',
  ],
  [
    'event-target.js',
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {\n',
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {\n',
  ],
];

const lazyListenerMaps = {
  name: 'linkedom-lazy-listener-maps',
  setup(build) {
    build.onLoad({ filter: /[\\/]linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/ }, async ({ path }) => {
      let source = await readFile(path, 'utf8');
      for (const [, from, to] of PATCHES.filter(([file]) => path.endsWith(file))) {
        if (source.split(from).length !== 2) throw new Error(`${path}: the lines patched by scripts/bundle-vendor.mjs changed; update the patch for this linkedom version`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [target],
  outfile: target,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  metafile: true,
  plugins: [lazyListenerMaps],
});
const patched = Object.keys(result.metafile.inputs).filter((input) => input.endsWith('interface/event-target.js'));
if (patched.length !== 1) throw new Error(`expected linkedom's event-target.js in the bundle once, found ${patched.length}`);
