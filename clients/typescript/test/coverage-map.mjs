/**
 * tap --coverage-map for the client's tests: each test counts the client code it is about, so the 100 %
 * gate applies to the client's own code only. The live test's server child runs the compiled service,
 * which the main tap suite covers from source.
 */
const COVERS = {
  'generate.test.ts': ['clients/typescript/scripts/generate.mjs'],
  'live.test.ts': ['clients/typescript/src/index.ts']
}
export default (testFile) => COVERS[testFile.split('/').pop()] ?? null
