// Next.js's defaults: without this file `next build` would find the storefront's next.config.ts.
const defaults = {};
export default defaults;
