import { createSerwistRoute } from '@serwist/turbopack';

// Built once by `next build` (a static route): /serwist/sw.js, bundled by esbuild from src/sw/sw.ts.
// Nothing is precached: on a weak rural link the first visit must not download every page's
// scripts; each page's own are kept as it is opened (decision 023).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'src/sw/sw.ts',
  useNativeEsbuild: true,
  globPatterns: [],
});
