/** Shared by the rule-author tools: each one's logic is an importable function, and a thin main. */
import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** True when the module at moduleUrl is the script node was started with (not merely imported). */
export function isMain (moduleUrl: string, argv: readonly string[] = process.argv): boolean {
  const script = argv[1]
  if (script === undefined) return false
  try {
    return realpathSync(resolve(script)) === realpathSync(fileURLToPath(moduleUrl))
  } catch {
    return false
  }
}
