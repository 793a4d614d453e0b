/**
 * The Dockerfile's OCI labels (org.opencontainers.image.*): present in the runtime stage, after its last
 * layer, with the version defaulting to package.json's. scripts/container-check.sh builds the image and
 * checks the labels it carries, with the commit and its date passed in.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, packageVersion } from './manifests.js'

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
/** The instructions of the Dockerfile, continuation lines joined, comments dropped. */
const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))
const runtime = instructions.slice(instructions.findIndex((l) => /^FROM .* AS runtime$/.test(l)))

t.test('the runtime image carries the OCI labels, the version from package.json', async (t) => {
  t.ok(runtime.length > 1, 'a runtime stage')
  const labelLines = runtime.filter((l) => l.startsWith('LABEL '))
  t.equal(labelLines.length, 1, 'one LABEL instruction')
  const labels = Object.fromEntries([...labelLines[0].matchAll(/(org\.opencontainers\.image\.[\w.]+)="([^"]*)"/g)].map((m) => [m[1].slice('org.opencontainers.image.'.length), m[2]]))
  for (const key of ['title', 'description', 'version', 'revision', 'created', 'licenses', 'base.name']) t.ok(labels[key], `org.opencontainers.image.${key}`)
  t.equal(labels.title, 'discipline-rules')
  t.equal(labels.version, '${VERSION}')
  t.equal(labels.revision, '${REVISION}')
  t.equal(labels.created, '${CREATED}')
  t.equal(labels['base.name'], '${NODE_IMAGE}')
  const args = Object.fromEntries(runtime.filter((l) => l.startsWith('ARG ')).map((l) => l.slice(4).split('=')))
  t.equal(args.VERSION, packageVersion, 'ARG VERSION defaults to the package.json version')
  t.ok('NODE_IMAGE' in args, 'the base image name is brought into the stage')
  const lastLayer = Math.max(...runtime.map((l, i) => /^(COPY|RUN|ADD) /.test(l) ? i : -1))
  t.ok(runtime.indexOf(labelLines[0]) > lastLayer, 'the labels come after the last layer, so a new commit does not rebuild the layers')
  t.match(readFileSync(join(ROOT, 'scripts', 'container-check.sh'), 'utf8'), /--build-arg REVISION=.*\n.*--build-arg CREATED=/, 'the container check passes the commit and its date')
})
