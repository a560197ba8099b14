// Runs after tsc in `npm run build`: replaces dist/src/vendor/linkedom.js (a re-export of 'linkedom')
// with one esbuild bundle of linkedom and everything it imports.
//
// Why a bundle: linkedom as published is ~250 small ES modules (linkedom, htmlparser2, domutils,
// css-select, entities, cssom…); Node resolves, reads and links each one, which alone takes ~180 ms,
// longer than extracting a page. One bundled file loads in about half that, so `newsdesk extract` on
// one page starts well under half a second. The bundled code is the installed packages' code.
//
// Two patches, applied while bundling, both for speed with the same behaviour; the build fails when
// linkedom's source no longer has the patched lines, so an upgrade cannot skip one silently.
//  1. interface/event-target.js: the EventTarget constructor registers an empty listener Map for every
//     node (in a module-level WeakMap), so parsing a page allocated one Map and one weak entry per
//     element, text and attribute node. Extraction never listens to DOM events; those allocations and
//     the GC work on the weak entries were ~10% of extraction time plus GC on the Readability test
//     pages. Patched: the Map is created on the first addEventListener, and removeEventListener skips
//     a node that has none (dispatch already did).
//  2. shared/matches.js: querySelector(All) and closest compile their selector with css-select on every
//     call, and Readability calls querySelectorAll with the same few tag lists ("h1,h2", "img,picture,
//     figure,video,audio,source"…) hundreds of times per page. Patched: compiled selectors are kept
//     per selector string (not those with :scope, which depend on the element), and a plain list of
//     tag names in an HTML document is matched by lowercase local name, which is what css-select's
//     tag rule does with linkedom's adapter.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const target = fileURLToPath(new URL('../dist/src/vendor/linkedom.js', import.meta.url));

/** [file it applies to, text in that file, replacement]; every entry must apply exactly once. */
const PATCHES = [
  ['interface/event-target.js', '  constructor() {\n    wm.set(this, new Map);\n  }\n', '  constructor() {}\n'],
  [
    'interface/event-target.js',
    '  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n',
    '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n',
  ],
  [
    'interface/event-target.js',
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {\n',
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {\n',
  ],
  [
    'shared/matches.js',
    `export const prepareMatch = (element, selectors) => CSSselect.compile(
  selectors,
  {
    context: selectors.includes(':scope') ? element : void 0,
    xmlMode: !ignoreCase(element),
    adapter
  }
);
`,
    `const compileSelectors = (element, selectors) => CSSselect.compile(
  selectors,
  {
    context: selectors.includes(':scope') ? element : void 0,
    xmlMode: !ignoreCase(element),
    adapter
  }
);
const compiledSelectors = new Map;
const MAX_COMPILED_SELECTORS = 512;
const TAG_NAME_LIST = /^[ \\t\\n\\r\\f]*[a-zA-Z][a-zA-Z0-9-]*(?:[ \\t\\n\\r\\f]*,[ \\t\\n\\r\\f]*[a-zA-Z][a-zA-Z0-9-]*)*[ \\t\\n\\r\\f]*$/;
export const prepareMatch = (element, selectors) => {
  if (selectors.includes(':scope'))
    return compileSelectors(element, selectors);
  const html = ignoreCase(element);
  const key = (html ? 'h' : 'x') + selectors;
  let match = compiledSelectors.get(key);
  if (!match) {
    if (html && TAG_NAME_LIST.test(selectors)) {
      const names = new Set(selectors.split(',').map(name => name.trim().toLowerCase()));
      match = element => names.has(element.localName.toLowerCase());
    }
    else
      match = compileSelectors(element, selectors);
    if (compiledSelectors.size >= MAX_COMPILED_SELECTORS)
      compiledSelectors.clear();
    compiledSelectors.set(key, match);
  }
  return match;
};
`,
  ],
];
const PATCHED_FILES = [...new Set(PATCHES.map(([file]) => file))];

const linkedomPatches = {
  name: 'linkedom-patches',
  setup(build) {
    build.onLoad({ filter: /[\\/]linkedom[\\/]esm[\\/](?:interface[\\/]event-target|shared[\\/]matches)\.js$/ }, async ({ path }) => {
      let source = await readFile(path, 'utf8');
      for (const [, from, to] of PATCHES.filter(([file]) => path.replaceAll('\\', '/').endsWith(`/esm/${file}`))) {
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
  plugins: [linkedomPatches],
});
for (const file of PATCHED_FILES) {
  const found = Object.keys(result.metafile.inputs).filter((input) => input.endsWith(`linkedom/esm/${file}`));
  if (found.length !== 1) throw new Error(`expected linkedom's ${file} in the bundle once, found ${found.length}`);
}
