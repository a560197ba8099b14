// linkedom's parseHTML as newsdesk ships it. Under tsc and vitest this file re-exports the package as
// published; `npm run build` then overwrites its compiled copy (dist/src/vendor/linkedom.js) with one
// esbuild bundle of linkedom and its dependencies (scripts/bundle-vendor.mjs says why and what else it
// changes). Every module that needs the DOM imports it from here, never from 'linkedom' directly.
export { parseHTML } from 'linkedom';
