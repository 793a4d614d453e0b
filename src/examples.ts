import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from './paths.js'

/** The reference case (董某, published by 中国纪检监察报: source zzdj-2018-dong-case), read from its fixture: the documented example request. */
export const REFERENCE_CASE_REQUEST: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'rules', 'cases', 'reference-dong.json'), 'utf8')).request
