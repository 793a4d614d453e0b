/**
 * tap --coverage-map for the client's tests: count the client's own code only. The live test's server
 * child runs the compiled service, which the main tap suite covers from source.
 */
export default (testFile) => testFile.endsWith('generate.test.ts')
  ? ['clients/typescript/scripts/generate.mjs']
  : ['clients/typescript/src/index.ts']
