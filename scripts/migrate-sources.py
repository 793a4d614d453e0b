# One-off: replace every provenance "source" string under rules/ (catalog, rule sets, conditions) by
# "sources": [ids], applying docs/legal/source-map.json (byVersion where the string sits in a version entry).
import json, sys, glob, collections
root = sys.argv[1]
m = json.load(open(f'{root}/docs/legal/source-map.json'))
ids = {s['id'] for s in json.load(open(f'{root}/rules/sources.json'))['sources']}
unmapped = []
stats = collections.Counter()
def ids_for(s, version):
    bv = m['byVersion'].get(s)
    if bv is not None:
        if version is not None and version in bv: stats['byVersion'] += 1; return bv[version]
        if 'any' in bv: stats['any'] += 1; return bv['any']
    if s in m['map']: stats['map'] += 1; return m['map'][s]
    unmapped.append(s); return None
def walk(node, version, path):
    if isinstance(node, dict):
        v = node.get('version') if isinstance(node.get('version'), str) else version
        out = {}
        for k, val in node.items():
            if k == 'source' and isinstance(val, str):
                got = ids_for(val, v)
                for i in got or []:
                    assert i in ids, (i, path)
                out['sources'] = got if got is not None else val
            else:
                out[k] = walk(val, v, path + '/' + k)
        return out
    if isinstance(node, list):
        return [walk(x, version, f'{path}/{i}') for i, x in enumerate(node)]
    return node
files = glob.glob(f'{root}/rules/catalog/*.json') + glob.glob(f'{root}/rules/rulesets/*.json') + [f'{root}/rules/conditions.json']
for f in files:
    data = json.load(open(f))
    new = walk(data, None, '')
    open(f, 'w').write(json.dumps(new, ensure_ascii=False, indent=2) + '\n')
print(stats, 'unmapped:', unmapped)
