/**
 * The Kubernetes manifests under deploy/kubernetes: every object is valid against the Kubernetes JSON
 * schema of its kind (kubernetes-models, offline), and the things that matter for running the service hold —
 * probes, security context, resources, selectors, shutdown timing, and the rules volume matching rules/.
 */
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap'
import { Secret } from 'kubernetes-models/v1/Secret'
import { Service } from 'kubernetes-models/v1/Service'
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DIR = join(ROOT, 'deploy', 'kubernetes')
const RULE_FOLDERS = ['catalog', 'rulesets']
/** Manifests deliberately left out of kustomization.yaml (see the comments in them). */
const STANDALONE = ['configmap-rules.yaml', 'secret-keys.example.yaml', 'secret-records.example.yaml']

type Obj = Record<string, any>
interface Validatable { validate: () => void }
const MODELS: Record<string, new (data: any) => Validatable> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount
}

function parseYaml (text: string, source: string): Obj[] {
  return parseAllDocuments(text).map((doc, i) => {
    if (doc.errors.length > 0) throw new Error(`${source} document ${i}: ${doc.errors.map((e) => e.message).join('; ')}`)
    return doc.toJS() as Obj
  }).filter((o) => o !== null)
}

function validationErrors (obj: Obj): string | undefined {
  const Model = MODELS[`${obj.apiVersion}/${obj.kind}`]
  if (Model === undefined) return `no schema for ${obj.apiVersion} ${obj.kind}`
  try {
    new Model(obj).validate()
    return undefined
  } catch (err) {
    return (err as Error).message
  }
}

const manifestFiles = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort()
const objects = new Map<string, Obj>() // "Kind/name" -> object
const fileOf = new Map<string, string>()
for (const file of manifestFiles) {
  for (const obj of parseYaml(readFileSync(join(DIR, file), 'utf8'), file)) {
    objects.set(`${obj.kind}/${obj.metadata?.name}`, obj)
    fileOf.set(`${obj.kind}/${obj.metadata?.name}`, file)
  }
}
const kustomization = parseYaml(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'), 'kustomization.yaml')[0]

function get (kind: string, name: string): Obj {
  const obj = objects.get(`${kind}/${name}`)
  if (obj === undefined) throw new Error(`no ${kind} ${name} under deploy/kubernetes`)
  return obj
}

const deployment = get('Deployment', 'discipline-rules')
const pod = deployment.spec.template.spec
const container = pod.containers[0]
const envOf = (name: string): string | undefined => container.env?.find((e: Obj) => e.name === name)?.value
const ruleFiles = RULE_FOLDERS.flatMap((folder) =>
  readdirSync(join(ROOT, 'rules', folder)).filter((f) => f.endsWith('.json')).sort().map((f) => `${folder}/${f}`))
const keyOf = (path: string): string => path.replace('/', '.')

t.test('every manifest is one valid Kubernetes object per document, one kind per file', async (t) => {
  t.ok(manifestFiles.length >= 8, 'the manifests are there')
  for (const file of manifestFiles) {
    const docs = parseYaml(readFileSync(join(DIR, file), 'utf8'), file)
    t.ok(docs.length > 0, `${file} holds an object`)
    t.equal(new Set(docs.map((d) => d.kind)).size, 1, `${file} holds one kind`)
    for (const obj of docs) {
      t.equal(validationErrors(obj), undefined, `${file}: ${obj.kind} ${obj.metadata?.name} is valid against the Kubernetes schema`)
      t.equal(obj.metadata?.labels?.['app.kubernetes.io/name'], 'discipline-rules', `${file}: labelled`)
    }
  }
  // The validator is not a rubber stamp.
  t.match(validationErrors({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } }), /replicas/)
  t.match(validationErrors({ apiVersion: 'autoscaling/v2beta1', kind: 'HorizontalPodAutoscaler' }), /no schema/)
})

t.test('the Deployment: replicas, image, probes, security, resources, shutdown', async (t) => {
  t.ok(deployment.spec.replicas >= 2, 'at least two replicas')
  t.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0, 'a rollout never lowers capacity')
  t.equal(pod.containers.length, 1)
  t.equal(container.image, 'discipline-rules:0.1.0')
  t.same(deployment.spec.selector.matchLabels, pickLabels(deployment.spec.template.metadata.labels, deployment.spec.selector.matchLabels), 'the selector matches the pod labels')

  const port = container.ports.find((p: Obj) => p.name === 'http')
  t.equal(port?.containerPort, 3000, 'container port 3000, named http')
  const env = get('ConfigMap', 'discipline-rules-env').data
  t.equal(env.PORT, String(port.containerPort), 'PORT in the env ConfigMap is the container port')
  t.equal(env.HOST, '0.0.0.0')
  t.same(container.envFrom, [{ configMapRef: { name: 'discipline-rules-env' } }], 'environment from the env ConfigMap')
  // The service reads only the variables its configuration schema names: a misspelt one would be ignored.
  const known = new Set(['config.ts', 'records/config.ts'].flatMap((f) => [...readFileSync(join(ROOT, 'src', f), 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1])))
  for (const name of [...Object.keys(env), ...container.env.map((e: Obj) => e.name)]) t.ok(known.has(name), `${name} is a variable of src/config.ts`)
  t.notOk('ALLOW_UNAUTHENTICATED' in env || envOf('ALLOW_UNAUTHENTICATED') !== undefined, 'authentication is never switched off')
  for (const [probe, path] of [['startupProbe', '/healthz'], ['livenessProbe', '/healthz'], ['readinessProbe', '/readyz']]) {
    const get = container[probe]?.httpGet
    t.equal(get?.path, path, `${probe} GETs ${path}`)
    t.ok(get?.port === 'http' || get?.port === 3000, `${probe} on the container port`)
    t.ok(container[probe].timeoutSeconds >= 1 && container[probe].periodSeconds >= 1, `${probe} timing set`)
  }
  t.ok(container.startupProbe.periodSeconds * container.startupProbe.failureThreshold >= 30, 'the startup probe allows 30 s or more for the rules to load')

  const sc = container.securityContext
  t.equal(sc.runAsNonRoot, true)
  t.equal(sc.runAsUser, 1000)
  t.equal(sc.readOnlyRootFilesystem, true)
  t.equal(sc.allowPrivilegeEscalation, false)
  t.same(sc.capabilities.drop, ['ALL'])
  t.notOk(sc.capabilities.add, 'no capability added')
  t.equal(sc.seccompProfile.type, 'RuntimeDefault')
  t.equal(pod.securityContext.runAsNonRoot, true)
  t.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault')
  t.equal(pod.automountServiceAccountToken, false)
  t.equal(pod.serviceAccountName, 'discipline-rules')
  t.equal(get('ServiceAccount', 'discipline-rules').automountServiceAccountToken, false)

  for (const kind of ['requests', 'limits']) {
    t.ok(container.resources?.[kind]?.cpu, `cpu ${kind} set`)
    t.ok(container.resources?.[kind]?.memory, `memory ${kind} set`)
  }
  t.ok(pod.topologySpreadConstraints?.length > 0 || pod.affinity?.podAntiAffinity, 'replicas are spread')
  for (const c of pod.topologySpreadConstraints ?? []) t.same(c.labelSelector.matchLabels, deployment.spec.selector.matchLabels, `spread over ${c.topologyKey} counts this Deployment's pods`)

  const grace = pod.terminationGracePeriodSeconds
  t.ok(grace > 10, 'terminationGracePeriodSeconds > 10')
  const preStop = container.lifecycle.preStop.exec.command
  t.equal(preStop[0], 'sleep', 'preStop sleeps')
  const sleep = Number(preStop[1])
  t.ok(sleep >= 3 && sleep <= 15, 'a few seconds for the endpoints to drop the pod')
  const shutdownMs = Number(envOf('SHUTDOWN_TIMEOUT_MS'))
  t.ok(shutdownMs >= 100, 'SHUTDOWN_TIMEOUT_MS set')
  t.ok(grace * 1000 > sleep * 1000 + shutdownMs, 'the grace period covers the preStop sleep plus the service\'s own shutdown bound')

  const annotations = deployment.spec.template.metadata.annotations
  t.equal(annotations['prometheus.io/scrape'], 'true')
  t.equal(annotations['prometheus.io/port'], String(port.containerPort))
  t.equal(annotations['prometheus.io/path'], '/metrics')
  t.ok(annotations['checksum/rules'], 'a checksum/rules annotation to bump for a rules rollout')
})

t.test('the rules and keys volumes', async (t) => {
  const mounts = new Map<string, Obj>(container.volumeMounts.map((m: Obj) => [m.name, m]))
  const volumes = new Map<string, Obj>(pod.volumes.map((v: Obj) => [v.name, v]))
  for (const m of container.volumeMounts) t.ok(volumes.has(m.name), `mount ${m.name} has a volume`)

  const rulesDir = envOf('RULES_DIR')
  t.equal(mounts.get('rules')?.mountPath, rulesDir, 'RULES_DIR is the rules mount')
  t.equal(mounts.get('rules')?.readOnly, true)
  t.notOk(mounts.get('rules')?.subPath, 'no subPath: the kubelet refreshes the files on a ConfigMap change')
  const rules = volumes.get('rules')?.configMap
  t.equal(rules?.name, 'discipline-rules-rules')
  t.same(rules.items.map((i: Obj) => i.path).sort(), ruleFiles,
    'the rules volume lays out exactly the files of rules/catalog and rules/rulesets (a new rule file needs an item in deployment.yaml and an entry in kustomization.yaml)')
  for (const item of rules.items) t.equal(item.key, keyOf(item.path), `${item.path} is stored under the key ${keyOf(item.path)}`)

  const example = get('ConfigMap', 'discipline-rules-rules')
  t.ok(Object.keys(example.data).length > 0, 'the example rules ConfigMap holds a file')
  for (const [key, value] of Object.entries<string>(example.data)) {
    t.ok(rules.items.some((i: Obj) => i.key === key), `example key ${key} is one the volume mounts`)
    t.doesNotThrow(() => JSON.parse(value), `example ${key} is JSON`)
  }

  t.equal(envOf('API_KEYS_FILE'), '/etc/discipline-rules/keys')
  t.equal(mounts.get('keys')?.mountPath, envOf('API_KEYS_FILE'), 'the keys file is mounted where API_KEYS_FILE points')
  const keys = volumes.get('keys')?.secret
  t.equal(keys?.secretName, 'discipline-rules-keys')
  t.ok(keys.items.some((i: Obj) => i.key === mounts.get('keys')?.subPath), 'the mounted key is projected from the Secret')
  t.equal(keys.defaultMode & 0o007, 0, 'the keys file is not world-readable')

  const secret = get('Secret', 'discipline-rules-keys')
  t.equal(fileOf.get('Secret/discipline-rules-keys'), 'secret-keys.example.yaml', 'the keys Secret is the marked example')
  t.equal(secret.type, 'Opaque')
  t.notOk(secret.data, 'no base64 data, only a readable placeholder')
  t.ok(secret.stringData.keys, 'the key the volume projects')
  const lines = secret.stringData.keys.split('\n').map((l: string) => l.trim()).filter((l: string) => l !== '' && !l.startsWith('#'))
  t.ok(lines.length > 0, 'example key lines')
  for (const line of lines) {
    // client:scope[+scope]:secret. A literal secret would be a working, published key; a sha256: secret
    // that is not 64 hex digits makes the service refuse to start.
    t.match(line, /^[A-Za-z0-9._-]+:(evaluate|admin)(\+(evaluate|admin))*:sha256:/, `${line.split(':')[0]}: the client:scope:sha256: shape`)
    t.notMatch(line, /:sha256:[0-9a-f]{64}$/, 'a placeholder, not a digest')
    t.match(line, /REPLACE/, 'marked as a placeholder')
  }
})

t.test('Service, HPA and PDB point at the Deployment', async (t) => {
  const podLabels = deployment.spec.template.metadata.labels
  const service = get('Service', 'discipline-rules')
  t.equal(service.spec.type, 'ClusterIP')
  t.ok(Object.keys(service.spec.selector).length > 0)
  t.same(pickLabels(podLabels, service.spec.selector), service.spec.selector, 'the Service selects the pods')
  const svcPort = service.spec.ports[0]
  t.equal(svcPort.port, 80)
  t.ok(svcPort.targetPort === 'http' || svcPort.targetPort === 3000, 'to the container port')

  const hpa = get('HorizontalPodAutoscaler', 'discipline-rules')
  t.same(hpa.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name })
  t.equal(hpa.spec.minReplicas, 2)
  t.equal(hpa.spec.maxReplicas, 10)
  t.ok(hpa.spec.minReplicas <= deployment.spec.replicas && deployment.spec.replicas <= hpa.spec.maxReplicas, 'the Deployment\'s replicas lie within the HPA range')
  const cpu = hpa.spec.metrics.find((m: Obj) => m.type === 'Resource' && m.resource.name === 'cpu')
  t.equal(cpu?.resource.target.type, 'Utilization')
  t.ok(cpu.resource.target.averageUtilization >= 60 && cpu.resource.target.averageUtilization <= 80, 'CPU target around 70 %')

  const pdb = get('PodDisruptionBudget', 'discipline-rules')
  t.equal(pdb.spec.minAvailable, 1)
  t.ok(pdb.spec.minAvailable < deployment.spec.replicas, 'a drain can still evict a pod')
  t.same(pdb.spec.selector.matchLabels, deployment.spec.selector.matchLabels, 'the PDB selects the Deployment\'s pods')
})

t.test('kustomization.yaml lists files that exist, and generates the rules ConfigMap from rules/', async (t) => {
  t.equal(kustomization.kind, 'Kustomization')
  for (const file of kustomization.resources) t.ok(existsSync(join(DIR, file)), `resource ${file} exists`)
  t.same([...kustomization.resources, ...STANDALONE].sort(), manifestFiles, 'every manifest is listed, except the standalone example files')
  t.same(kustomization.images, [{ name: 'discipline-rules', newTag: container.image.split(':')[1] }], 'kustomize sets the Deployment\'s image')

  const generator = kustomization.configMapGenerator.find((g: Obj) => g.name === 'discipline-rules-rules')
  const sources = generator.files.map((f: string) => f.split('='))
  let bytes = 0
  for (const [key, path] of sources) {
    const file = join(DIR, path)
    t.ok(existsSync(file), `generator file ${path} exists`)
    bytes += statSync(file).size
    t.equal(key, keyOf(`${basename(dirname(file))}/${basename(file)}`), `${path} is stored under its <folder>.<file> key`)
  }
  t.same(sources.map(([key]: string[]) => key).sort(), ruleFiles.map(keyOf).sort(),
    'the generator takes exactly the files of rules/catalog and rules/rulesets (a new rule file needs an entry here and an item in deployment.yaml)')
  t.ok(bytes < 900 * 1024, `the rules (${bytes} bytes) fit a ConfigMap (1 MiB limit)`)
})

// kubectl is on the development machines but not a project dependency: render the kustomization when it is there.
const kubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
t.test('kubectl kustomize renders valid objects with the generated rules ConfigMap', { skip: kubectl ? false : 'kubectl not installed' }, async (t) => {
  const out = execFileSync('kubectl', ['kustomize', '--load-restrictor=LoadRestrictionsNone', DIR], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const rendered = parseYaml(out, 'kubectl kustomize')
  for (const obj of rendered) t.equal(validationErrors(obj), undefined, `rendered ${obj.kind} ${obj.metadata.name} is valid`)
  const cm = rendered.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('discipline-rules-rules-'))
  t.ok(cm, 'the rules ConfigMap is generated with a content-hash suffix')
  t.equal(cm?.immutable, true)
  for (const path of ruleFiles) t.equal(cm?.data[keyOf(path)], readFileSync(join(ROOT, 'rules', path), 'utf8'), `${path} is in it unchanged`)
  const dep = rendered.find((o) => o.kind === 'Deployment')
  t.equal(dep?.spec.template.spec.volumes.find((v: Obj) => v.name === 'rules').configMap.name, cm?.metadata.name, 'the Deployment mounts the generated ConfigMap')
  t.notOk(rendered.some((o) => o.kind === 'Secret'), 'no Secret is applied by kustomize')
})

/** The subset of `labels` with the keys of `selector`. */
function pickLabels (labels: Record<string, string>, selector: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(selector).map((k) => [k, labels[k]]))
}

t.test('the image and npm start run the service with the same Node flags, and the Deployment keeps them', async (t) => {
  const cmd = [...readFileSync(join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^CMD\s+(\[.*\])\s*$/gm)].pop()
  t.ok(cmd, 'the Dockerfile has a CMD in exec form')
  const argv = JSON.parse(cmd![1]) as string[]
  t.equal(argv[0], 'node')
  t.equal(argv.at(-1), 'dist/src/server.js')
  const flags = argv.slice(1, -1)
  t.ok(flags.includes('--max-semi-space-size=8'), 'the young generation is capped (bench/README.md, "Memory")')
  const start = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string
  t.match(start, `node ${flags.join(' ')} dist/src/server.js`, 'npm start uses the same flags')
  const deployment = parseYaml(readFileSync(join(DIR, 'deployment.yaml'), 'utf8'), 'deployment.yaml')[0]
  const container = deployment.spec.template.spec.containers[0]
  t.equal(container.command, undefined, 'the Deployment does not replace the image\'s command')
  t.equal(container.args, undefined)
})

t.test('the decision records: PostgreSQL URL and facts key from a Secret whose example has both', async (t) => {
  for (const [name, key] of [['DATABASE_URL', 'database-url'], ['DECISIONS_KEY', 'decisions-key']]) {
    const ref = container.env.find((e: Obj) => e.name === name)?.valueFrom?.secretKeyRef
    t.same(ref, { name: 'discipline-rules-records', key }, `${name} from the records Secret`)
    t.ok(get('Secret', 'discipline-rules-records').stringData[key], `the example Secret has ${key}`)
  }
  t.equal(fileOf.get('Secret/discipline-rules-records'), 'secret-records.example.yaml')
  t.match(get('Secret', 'discipline-rules-records').stringData['database-url'], /^postgres:\/\/.*REPLACE/, 'a placeholder, not a real password')
})
