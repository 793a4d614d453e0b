/** The resolve hook registered by ./register.mjs (module customization hooks, Node ≥ 20.6). */
const CANNED = new URL('./evaluate.mjs', import.meta.url).href

export async function resolve (specifier, context, next) {
  const resolved = await next(specifier, context)
  return resolved.url.endsWith('/dist/src/domain/evaluate.js') && context.parentURL !== CANNED
    ? { ...resolved, url: CANNED }
    : resolved
}
