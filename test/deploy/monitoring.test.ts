/**
 * Monitoring manifests (deploy/kubernetes/monitoring): the ServiceMonitor scrapes the Service's pods where
 * /metrics is served, and every alert of the PrometheusRule is valid PromQL (parsed by the Prometheus
 * project's own grammar, @prometheus-io/lezer-promql) that uses only metric and label names the service
 * exports today — read from its metrics registry, not copied — and the routes it has. Both objects are
 * validated against the operator's CRD schemas in manifests.test.ts.
 */
import t from 'tap'
import { parser } from '@prometheus-io/lezer-promql'
import { buildApp } from '../helpers/app.js'
import { get, read, type Obj } from './manifests.js'

/** Labels Prometheus and the operator put on every scraped series. */
const TARGET_LABELS = ['job', 'instance', 'namespace', 'pod', 'service', 'endpoint', 'container']

interface Selector { metric: string, matchers: Array<{ label: string, op: string, value: string }> }
interface Parsed { errors: number, selectors: Selector[], grouping: string[] }

/** The vector selectors, label matchers and grouping labels of a PromQL expression. */
function parsePromql (expr: string): Parsed {
  const out: Parsed = { errors: 0, selectors: [], grouping: [] }
  const text = (n: { from: number, to: number }): string => expr.slice(n.from, n.to)
  parser.parse(expr).iterate({
    enter (n) {
      if (n.type.isError) out.errors++
      if (n.name === 'VectorSelector') out.selectors.push({ metric: text(n.node.getChild('Identifier') ?? { from: 0, to: 0 }), matchers: [] })
      if (n.name === 'UnquotedLabelMatcher') {
        const [label, op, value] = ['LabelName', 'MatchOp', 'StringLiteral'].map((c) => text(n.node.getChild(c)!))
        out.selectors.at(-1)!.matchers.push({ label, op, value: JSON.parse(value) })
      }
      if (n.name === 'LabelName' && n.node.parent?.name === 'GroupingLabels') out.grouping.push(text(n))
    }
  })
  return out
}

const serviceMonitor = get('ServiceMonitor')
const rule = get('PrometheusRule')
const service = get('Service')
const alerts: Obj[] = rule.spec.groups.flatMap((g: Obj) => g.rules)

t.test('the ServiceMonitor scrapes /metrics of the Service\'s pods on a port the NetworkPolicy admits from monitoring', async (t) => {
  t.same(serviceMonitor.spec.selector.matchLabels, Object.fromEntries(Object.keys(serviceMonitor.spec.selector.matchLabels).map((k) => [k, service.metadata.labels[k]])), 'it selects the Service by its labels')
  t.equal(serviceMonitor.spec.endpoints.length, 1)
  const endpoint = serviceMonitor.spec.endpoints[0]
  const port = service.spec.ports.find((p: Obj) => p.name === endpoint.port)
  t.ok(port, `endpoint port ${endpoint.port} is a named port of the Service`)
  t.equal(endpoint.path, '/metrics')
  t.ok(Number.parseInt(endpoint.scrapeTimeout) < Number.parseInt(endpoint.interval), 'the scrape timeout is shorter than the interval')
  const policy = get('NetworkPolicy')
  const monitoring = policy.spec.ingress.find((r: Obj) => r.from.some((p: Obj) => p.namespaceSelector.matchLabels['kubernetes.io/metadata.name'] === 'monitoring'))
  t.ok(monitoring.ports.some((p: Obj) => p.port === port.targetPort), 'the NetworkPolicy admits monitoring to the port scraped')
  t.equal(serviceMonitor.spec.jobLabel, undefined, 'the job label is the Service name, which the alerts select on')
  t.same(read('monitoring/kustomization.yaml')[0].resources.sort(), ['prometheusrule.yaml', 'servicemonitor.yaml'])
})

t.test('the alert rules: valid PromQL on metrics, labels and routes the service has', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  await app.ready()
  // Every series name the registry exposes (a histogram as _bucket, _sum, _count), with its label names.
  const labelsOf = new Map<string, string[]>([['up', []]])
  for (const m of app.metrics.registry.getMetricsAsArray() as unknown as Array<{ name: string, labelNames?: string[], constructor: { name: string } }>) {
    const labels = m.labelNames ?? []
    if (m.constructor.name === 'Histogram') {
      labelsOf.set(`${m.name}_bucket`, [...labels, 'le'])
      for (const s of ['_sum', '_count']) labelsOf.set(m.name + s, labels)
    } else labelsOf.set(m.name, labels)
  }
  // Route label values are Fastify's route URLs (/v1/rulesets/:id); the OpenAPI document lists the routes.
  const routes = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'))
  t.ok(routes.includes('/v1/evaluations'), 'routes listed')
  const job = service.metadata.name

  const names = alerts.map((a) => a.alert)
  for (const [what, metric] of [['error rate', 'http_requests_total'], ['p99 latency', 'http_request_duration_seconds_bucket'], ['reload failures', 'rules_reloads_total'], ['rules-revision drift', 'rules_revision_info']]) {
    t.ok(alerts.some((a) => parsePromql(a.expr).selectors.some((s) => s.metric === metric)), `an alert on ${what} (${metric})`)
  }
  t.ok(names.includes('DisciplineRulesDown'), 'and one that fires when nothing is scraped at all')
  t.equal(new Set(names).size, names.length, 'alert names are unique')

  for (const a of alerts) {
    const parsed = parsePromql(a.expr)
    t.equal(parsed.errors, 0, `${a.alert}: the expression parses`)
    t.ok(parsed.selectors.length > 0, `${a.alert}: selects series`)
    const allowed = new Set([...TARGET_LABELS, ...parsed.selectors.flatMap((s) => labelsOf.get(s.metric) ?? [])])
    for (const s of parsed.selectors) {
      t.ok(labelsOf.has(s.metric), `${a.alert}: ${s.metric} is a metric the service exports`)
      t.same(s.matchers.filter((m) => m.label === 'job').map((m) => [m.op, m.value]), [['=', job]], `${a.alert}: ${s.metric} selected by job="${job}"`)
      for (const m of s.matchers) {
        t.ok(TARGET_LABELS.includes(m.label) || labelsOf.get(s.metric)?.includes(m.label), `${a.alert}: ${s.metric} has the label ${m.label}`)
        if (m.label === 'route' && m.op === '=') t.ok(routes.includes(m.value), `${a.alert}: route ${m.value} exists`)
        // PromQL anchors a regex matcher at both ends.
        if (m.label === 'route' && m.op === '=~') t.ok(routes.some((r) => new RegExp(`^(?:${m.value})$`).test(r)), `${a.alert}: route pattern ${m.value} matches a route`)
      }
    }
    for (const l of parsed.grouping) t.ok(allowed.has(l), `${a.alert}: grouping label ${l} exists on its series`)
    t.ok(['critical', 'warning'].includes(a.labels?.severity), `${a.alert}: a severity`)
    t.ok(a.annotations?.summary && a.annotations?.description, `${a.alert}: a summary and a description`)
    if (a.for !== undefined) t.match(a.for, /^\d+[smh]$/, `${a.alert}: for is a duration`)
  }

  // The reload alert counts the label value the rules plugin sets on failure.
  const reload = alerts.find((a) => a.alert === 'DisciplineRulesReloadFailed')!
  t.same(parsePromql(reload.expr).selectors[0].matchers.find((m) => m.label === 'result'), { label: 'result', op: '=', value: 'failure' })
  t.match(app.metrics.registry.getSingleMetric('rules_reloads_total') as unknown as { help: string }, { help: /failure/ }, 'rules_reloads_total says it counts failures')
  // The check is not a rubber stamp.
  t.ok(parsePromql('sum by (namespace (rate(x[5m]))').errors > 0, 'a syntax error is found')
  t.same(parsePromql('rate(a{b=~"c"}[5m])').selectors, [{ metric: 'a', matchers: [{ label: 'b', op: '=~', value: 'c' }] }])
})
