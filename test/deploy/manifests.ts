/**
 * The manifests under deploy/kubernetes (and its monitoring/ folder), read once for the deploy tests, with
 * a validator per kind: the Kubernetes JSON schemas of kubernetes-models, and for the Prometheus Operator's
 * CRDs (ServiceMonitor, PrometheusRule) the schemas @kubernetes-models/prometheus-operator generates from
 * the operator's CRD definitions. All offline.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler'
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress'
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap'
import { Secret } from 'kubernetes-models/v1/Secret'
import { Service } from 'kubernetes-models/v1/Service'
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount'
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule'
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DIR = join(ROOT, 'deploy', 'kubernetes')
/** Manifests deliberately left out of kustomization.yaml (see the comments in them). */
export const STANDALONE = ['ingress.example.yaml', 'secret-keys.example.yaml', 'secret-records.example.yaml']

export type Obj = Record<string, any>
interface Validatable { validate: () => void }
const MODELS: Record<string, new (data: any) => Validatable> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor
}

export function parseYaml (text: string, source: string): Obj[] {
  return parseAllDocuments(text).map((doc, i) => {
    if (doc.errors.length > 0) throw new Error(`${source} document ${i}: ${doc.errors.map((e) => e.message).join('; ')}`)
    return doc.toJS() as Obj
  }).filter((o) => o !== null)
}

export function validationErrors (obj: Obj): string | undefined {
  const Model = MODELS[`${obj.apiVersion}/${obj.kind}`]
  if (Model === undefined) return `no schema for ${obj.apiVersion} ${obj.kind}`
  try {
    new Model(obj).validate()
    return undefined
  } catch (err) {
    return (err as Error).message
  }
}

/** Every .yaml under deploy/kubernetes, relative to it (monitoring/servicemonitor.yaml, ...). */
export const yamlFiles: string[] = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml')).map((f) => relative(DIR, join(DIR, f))).sort()
export const isKustomization = (file: string): boolean => file.endsWith('kustomization.yaml')
export const manifestFiles = yamlFiles.filter((f) => !isKustomization(f))
export const read = (file: string): Obj[] => parseYaml(readFileSync(join(DIR, file), 'utf8'), file)

const objects = new Map<string, Obj>() // "Kind/name" -> object
export const fileOf = new Map<string, string>()
for (const file of manifestFiles) {
  for (const obj of read(file)) {
    objects.set(`${obj.kind}/${obj.metadata?.name}`, obj)
    fileOf.set(`${obj.kind}/${obj.metadata?.name}`, file)
  }
}

export function get (kind: string, name = 'discipline-rules'): Obj {
  const obj = objects.get(`${kind}/${name}`)
  if (obj === undefined) throw new Error(`no ${kind} ${name} under deploy/kubernetes`)
  return obj
}

/** The subset of `labels` with the keys of `selector`. */
export function pickLabels (labels: Record<string, string>, selector: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(selector).map((k) => [k, labels[k]]))
}

export const packageVersion: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version
