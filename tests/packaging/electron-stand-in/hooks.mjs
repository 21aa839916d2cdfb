// Module resolution hook for the packaging smoke test: `electron` resolves to the stand-in
// (electron.mjs beside this file). Everything else resolves as Node resolves it, so a package
// the bundle still imports from node_modules fails to load, as it would inside app.asar.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') {
    return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true }
  }
  return next(specifier, context)
}
