// Loads the app's modules outside Next.js (`tsx --import ./scripts/outside-next.mjs …`, or imported
// before a dynamic import): modules marked `import 'server-only'` refuse to load anywhere but in Next's
// server bundle, and a script is server code too. Only that one package is replaced, by an empty module.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
  return next(specifier, context);
}`),
);
