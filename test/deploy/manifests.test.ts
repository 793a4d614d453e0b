/**
 * The Kubernetes manifests under deploy/kubernetes: every object is valid against the Kubernetes JSON
 * schema of its kind (kubernetes-models, offline), and the things that matter for running the service hold —
 * probes, security context, resources, selectors, shutdown timing, an immutable image reference, the rules
 * shipped in the image only, the keys volume, the NetworkPolicy and the Ingress example.
 * monitoring.test.ts covers the ServiceMonitor and the alert rules; image.test.ts the Dockerfile.
 */
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DIR, ROOT, STANDALONE, fileOf, get, isKustomization, manifestFiles, packageVersion, parseYaml, pickLabels, read, validationErrors, yamlFiles, type Obj } from './manifests.js'

const deployment = get('Deployment')
const pod = deployment.spec.template.spec
const container = pod.containers[0]
const envOf = (name: string): string | undefined => container.env?.find((e: Obj) => e.name === name)?.value
const kustomization = read('kustomization.yaml')[0]
/** An immutable image reference: a version tag, a digest, or both; never `latest`, never untagged. */
const IMMUTABLE = /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9][a-z0-9._/-]*(?::\d+\.\d+\.\d+[\w.+-]*(?:@sha256:[0-9a-f]{64})?|@sha256:[0-9a-f]{64})$/

t.test('every manifest is one valid Kubernetes object per document, one kind per file', async (t) => {
  t.ok(manifestFiles.length >= 11, 'the manifests are there')
  for (const file of manifestFiles) {
    const docs = read(file)
    t.ok(docs.length > 0, `${file} holds an object`)
    t.equal(new Set(docs.map((d) => d.kind)).size, 1, `${file} holds one kind`)
    for (const obj of docs) {
      t.equal(validationErrors(obj), undefined, `${file}: ${obj.kind} ${obj.metadata?.name} is valid against its schema`)
      t.equal(obj.metadata?.labels?.['app.kubernetes.io/name'], 'discipline-rules', `${file}: labelled`)
    }
  }
  // The validator is not a rubber stamp.
  t.match(validationErrors({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } }), /replicas/)
  t.match(validationErrors({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'x' }, spec: { podSelector: {}, policyTypes: ['Sideways'] } }), /policyTypes/)
  t.match(validationErrors({ apiVersion: 'autoscaling/v2beta1', kind: 'HorizontalPodAutoscaler' }), /no schema/)
  t.match(validationErrors({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'x' }, spec: { selector: {}, endpoints: [{ interval: 30 }] } }), /interval/, 'the CRD schemas check too')
  t.match(validationErrors({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'x' }, spec: { groups: [{ rules: [{ alert: 'A' }] }] } }), /name|expr/)
})

t.test('the Deployment: replicas, image, probes, security, resources, shutdown', async (t) => {
  t.ok(deployment.spec.replicas >= 2, 'at least two replicas')
  t.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0, 'a rollout never lowers capacity')
  t.equal(pod.containers.length, 1)
  t.same(deployment.spec.selector.matchLabels, pickLabels(deployment.spec.template.metadata.labels, deployment.spec.selector.matchLabels), 'the selector matches the pod labels')

  const port = container.ports.find((p: Obj) => p.name === 'http')
  t.equal(port?.containerPort, 3000, 'container port 3000, named http')
  const env = get('ConfigMap', 'discipline-rules-env').data
  t.equal(env.PORT, String(port.containerPort), 'PORT in the env ConfigMap is the container port')
  t.equal(env.HOST, '0.0.0.0')
  t.same(container.envFrom, [{ configMapRef: { name: 'discipline-rules-env' } }], 'environment from the env ConfigMap')
  // The service reads only the variables its configuration schema names: a misspelt one would be ignored.
  const known = new Set([...readFileSync(join(ROOT, 'src', 'config.ts'), 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]))
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
  t.equal(get('ServiceAccount').automountServiceAccountToken, false)

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
  t.notOk(deployment.spec.template.metadata.annotations?.['prometheus.io/scrape'], 'one way to scrape: the ServiceMonitor, not annotations as well (no double scrape)')
})

t.test('the image reference is immutable: a version tag or a digest, never latest', async (t) => {
  t.match(container.image, IMMUTABLE, `${container.image} has a version tag or a digest`)
  t.notMatch(container.image, /:latest\b/)
  t.ok(container.image.includes(':') || container.image.includes('@'), 'not untagged (which means latest)')
  t.equal(container.image, `discipline-rules:${packageVersion}`, 'the tag is the package.json version')
  t.not(container.imagePullPolicy, 'Always', 'an immutable reference needs no re-pull')
  // `kustomize edit set image discipline-rules=registry/discipline-rules:0.1.0@sha256:…` adds newName and digest.
  t.equal(kustomization.images.length, 1)
  const [image] = kustomization.images
  t.equal(image.name, 'discipline-rules')
  t.equal(image.newTag, packageVersion, 'kustomize sets the package.json version, never latest')
  if (image.digest !== undefined) t.match(image.digest, /^sha256:[0-9a-f]{64}$/, 'a pinned digest is a full sha256')
  t.same(Object.keys(image).filter((k) => !['name', 'newName', 'newTag', 'digest'].includes(k)), [], 'nothing else')
  // The check itself refuses what it must.
  for (const bad of ['discipline-rules', 'discipline-rules:latest', 'discipline-rules:main', 'discipline-rules@sha256:abc']) t.notMatch(bad, IMMUTABLE, `${bad} is refused`)
  for (const good of ['discipline-rules:0.1.0', `registry.example.org:5000/team/discipline-rules:1.2.3-rc.1@sha256:${'b'.repeat(64)}`, `registry.example.org/discipline-rules:0.1.0@sha256:${'a'.repeat(64)}`, `discipline-rules@sha256:${'0'.repeat(64)}`]) t.match(good, IMMUTABLE, `${good} is accepted`)
})

t.test('the rules are shipped in the image only: no rules volume, no RULES_DIR, no list of rule files', async (t) => {
  t.equal(envOf('RULES_DIR'), undefined, 'no RULES_DIR: the service reads the rules bundled in the image')
  t.notOk('RULES_DIR' in get('ConfigMap', 'discipline-rules-env').data)
  t.notOk(pod.volumes.some((v: Obj) => v.configMap !== undefined), 'no ConfigMap volume')
  t.notOk([...fileOf.keys()].some((k) => k.startsWith('ConfigMap/') && k !== 'ConfigMap/discipline-rules-env'), 'the env ConfigMap is the only one')
  t.notOk(kustomization.configMapGenerator, 'no ConfigMap generated from rules/')
  const ruleFiles = ['catalog', 'rulesets'].flatMap((folder) => readdirSync(join(ROOT, 'rules', folder)).filter((f) => f.endsWith('.json')))
  t.ok(ruleFiles.length > 5, 'rule files found')
  for (const file of yamlFiles) {
    const text = readFileSync(join(DIR, file), 'utf8')
    t.same(ruleFiles.filter((f) => text.includes(f)), [], `${file} names no rule file`)
  }
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
  t.match(dockerfile, /^COPY rules \.\/rules$/m, 'the image copies the whole rules folder in one layer')
  const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim())
  t.notOk(ignored.some((l) => /^(\*\*\/)?rules(\/|$)/.test(l)), '.dockerignore keeps rules/ in the build context')
})

t.test('the keys volume: the Secret mounted as a directory, so that a rotated key reaches the pod', async (t) => {
  const mounts = new Map<string, Obj>(container.volumeMounts.map((m: Obj) => [m.name, m]))
  const volumes = new Map<string, Obj>(pod.volumes.map((v: Obj) => [v.name, v]))
  for (const m of container.volumeMounts) t.ok(volumes.has(m.name), `mount ${m.name} has a volume`)
  const keysMount = mounts.get('keys')
  const keys = volumes.get('keys')?.secret
  t.equal(keys?.secretName, 'discipline-rules-keys')
  t.notOk(keysMount?.subPath, 'no subPath: the kubelet refreshes a directory mount when the Secret changes')
  t.equal(keysMount?.readOnly, true)
  t.equal(envOf('API_KEYS_FILE'), `${keysMount?.mountPath}/${keys.items[0].path}`, 'API_KEYS_FILE is the projected key file inside the mount')
  t.same(keys.items, [{ key: 'keys', path: 'keys' }])
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
  const service = get('Service')
  t.equal(service.spec.type, 'ClusterIP')
  t.ok(Object.keys(service.spec.selector).length > 0)
  t.same(pickLabels(podLabels, service.spec.selector), service.spec.selector, 'the Service selects the pods')
  const svcPort = service.spec.ports[0]
  t.equal(svcPort.port, 80)
  t.equal(svcPort.name, 'http')
  t.ok(svcPort.targetPort === 'http' || svcPort.targetPort === 3000, 'to the container port')

  const hpa = get('HorizontalPodAutoscaler')
  t.same(hpa.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name })
  t.equal(hpa.spec.minReplicas, 2)
  t.equal(hpa.spec.maxReplicas, 10)
  t.ok(hpa.spec.minReplicas <= deployment.spec.replicas && deployment.spec.replicas <= hpa.spec.maxReplicas, 'the Deployment\'s replicas lie within the HPA range')
  const cpu = hpa.spec.metrics.find((m: Obj) => m.type === 'Resource' && m.resource.name === 'cpu')
  t.equal(cpu?.resource.target.type, 'Utilization')
  t.ok(cpu.resource.target.averageUtilization >= 60 && cpu.resource.target.averageUtilization <= 80, 'CPU target around 70 %')

  const pdb = get('PodDisruptionBudget')
  t.equal(pdb.spec.minAvailable, 1)
  t.ok(pdb.spec.minAvailable < deployment.spec.replicas, 'a drain can still evict a pod')
  t.same(pdb.spec.selector.matchLabels, deployment.spec.selector.matchLabels, 'the PDB selects the Deployment\'s pods')
})

t.test('the NetworkPolicy: only callers\' namespaces and monitoring reach the pods, on the API port only', async (t) => {
  const policy = get('NetworkPolicy')
  t.same(policy.spec.podSelector.matchLabels, deployment.spec.selector.matchLabels, 'it selects the Deployment\'s pods')
  t.same(policy.spec.policyTypes, ['Ingress'], 'an ingress policy: everything it does not admit is dropped')
  const rules: Obj[] = policy.spec.ingress
  for (const [i, rule] of rules.entries()) {
    t.ok(rule.from?.length > 0, `rule ${i} names its sources (an empty from admits everyone)`)
    for (const peer of rule.from ?? []) {
      t.ok(peer.namespaceSelector?.matchLabels && Object.keys(peer.namespaceSelector.matchLabels).length > 0, `rule ${i}: a namespace chosen by label`)
      t.notOk(peer.ipBlock, `rule ${i}: no address ranges`)
    }
    t.same(rule.ports, [{ port: 'http', protocol: 'TCP' }], `rule ${i}: the container port http only`)
  }
  const ns = (rule: Obj): Array<Record<string, string>> => rule.from.map((p: Obj) => p.namespaceSelector.matchLabels)
  const monitoring = rules.filter((r) => ns(r).some((l) => l['kubernetes.io/metadata.name'] === 'monitoring'))
  t.equal(monitoring.length, 1, 'one rule for the monitoring namespace')
  t.same(monitoring[0].from[0].podSelector?.matchLabels, { 'app.kubernetes.io/name': 'prometheus' }, 'and only its Prometheus pods')
  const callers = rules.filter((r) => r !== monitoring[0])
  t.equal(callers.length, 1, 'one rule for the callers')
  t.ok(ns(callers[0]).some((l) => l['discipline-rules/caller'] === 'true'), 'callers\' namespaces carry the label discipline-rules/caller=true')
  t.ok(ns(callers[0]).some((l) => l['kubernetes.io/metadata.name'] === 'ingress-nginx'), 'the ingress controller\'s namespace forwards what the Ingress routes')
  // /metrics is on the same port: the policy cannot separate it, and says so.
  t.match(readFileSync(join(DIR, fileOf.get('NetworkPolicy/discipline-rules')!), 'utf8'), /cannot give \/metrics to the monitoring namespace alone/)
})

t.test('the Ingress example publishes /v1/, /docs and /openapi.yaml, never /metrics, /admin or the probes', async (t) => {
  const ingress = get('Ingress')
  const service = get('Service')
  const paths: Obj[] = ingress.spec.rules.flatMap((r: Obj) => r.http.paths)
  t.same(paths.map((p) => p.path).sort(), ['/docs', '/openapi.yaml', '/v1/'])
  for (const p of paths) {
    t.equal(p.backend.service.name, service.metadata.name, `${p.path} goes to the Service`)
    t.ok(service.spec.ports.some((sp: Obj) => sp.name === p.backend.service.port.name), `${p.path}: a port the Service has`)
    for (const hidden of ['/metrics', '/admin/reload', '/healthz', '/readyz']) {
      const reaches = p.pathType === 'Exact' ? hidden === p.path : hidden.startsWith(p.path.replace(/\/$/, ''))
      t.notOk(reaches, `${p.path} (${p.pathType}) does not reach ${hidden}`)
    }
  }
  t.ok(ingress.spec.tls?.length > 0, 'TLS')
  const bodyLimit = Number(get('ConfigMap', 'discipline-rules-env').data.BATCH_BODY_LIMIT)
  const proxyBody = /^(\d+)m$/.exec(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'])
  t.ok(proxyBody !== null && Number(proxyBody[1]) * 1024 * 1024 >= bodyLimit, 'the controller takes a batch body as large as BATCH_BODY_LIMIT')
})

t.test('kustomization.yaml files list what exists, every manifest once', async (t) => {
  const kustomizations = yamlFiles.filter(isKustomization)
  t.same(kustomizations, ['kustomization.yaml', 'monitoring/kustomization.yaml'])
  const listed: string[] = []
  for (const k of kustomizations) {
    const doc = read(k)[0]
    t.equal(doc.kind, 'Kustomization')
    const base = k.replace(/kustomization\.yaml$/, '')
    for (const file of doc.resources) {
      t.ok(existsSync(join(DIR, base, file)), `${k}: resource ${file} exists`)
      listed.push(base + file)
    }
  }
  t.same([...listed, ...STANDALONE].sort(), manifestFiles, 'every manifest is listed once, except the standalone examples')
})

// kubectl is on the development machines but not a project dependency: render the kustomizations when it is there.
const kubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
t.test('kubectl kustomize renders valid objects', { skip: kubectl ? false : 'kubectl not installed' }, async (t) => {
  for (const dir of [DIR, join(DIR, 'monitoring')]) {
    const rendered = parseYaml(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }), `kubectl kustomize ${dir}`)
    t.ok(rendered.length >= 2, `${dir} renders`)
    for (const obj of rendered) t.equal(validationErrors(obj), undefined, `rendered ${obj.kind} ${obj.metadata.name} is valid`)
    t.notOk(rendered.some((o) => o.kind === 'Secret'), 'no Secret is applied by kustomize')
    const dep = rendered.find((o) => o.kind === 'Deployment')
    if (dep !== undefined) t.equal(dep.spec.template.spec.containers[0].image, `discipline-rules:${packageVersion}`, 'the rendered image')
  }
})

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
