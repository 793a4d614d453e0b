/**
 * The names of the codes an answer shows (sanctions, tier tests, mitigating and aggravating
 * circumstances), in both languages: one table per list, so that a code and its two names stay together.
 */
import type { Bilingual } from '../../../schemas/common.js'
import type { Sanction, TierTest } from '../../../schemas/codes.js'

export const SANCTION_NAMES: Record<Sanction, Bilingual> = {
  warning: { zh: '警告', en: 'warning' },
  'serious-warning': { zh: '严重警告', en: 'serious warning' },
  'removal-from-party-posts': { zh: '撤销党内职务', en: 'removal from party posts' },
  probation: { zh: '留党察看', en: 'party probation' },
  expulsion: { zh: '开除党籍', en: 'expulsion from the party' }
}

/** No sanction: 免予处分. */
export const EXEMPTION: Bilingual = { zh: '免予处分', en: 'no sanction (exemption)' }

/** The tier tests by the texts' own words (a catalog tier's label overrides where a text words one specially). */
export const TIER_TEST_NAMES: Record<TierTest, Bilingual> = {
  none: { zh: '无情节限定', en: 'no qualifying test' },
  'by-circumstances': { zh: '视情节轻重', en: 'according to the circumstances' },
  'relatively-minor': { zh: '情节较轻', en: 'relatively minor circumstances' },
  'relatively-serious': { zh: '情节较重', en: 'relatively serious circumstances' },
  serious: { zh: '情节严重', en: 'serious circumstances' },
  'bad-effect': { zh: '造成不良影响', en: 'caused bad effects' },
  'serious-bad-effect': { zh: '造成严重不良影响', en: 'caused seriously bad effects' },
  'serious-consequences': { zh: '造成严重后果', en: 'caused serious consequences' },
  'political-ecology-worsened': { zh: '导致本地区、本部门、本单位政治生态恶化', en: 'worsened the political ecology of the locality, department or unit' },
  'lost-member-qualities': { zh: '丧失党员条件，严重败坏党的形象', en: 'lost the qualities of a party member, seriously damaging the party\'s image' },
  'planner-organiser-core': { zh: '策划者、组织者和骨干分子', en: 'a planner, organiser or core member' }
}

/** Mitigating and aggravating circumstance codes of the facts schema. */
export const CIRCUMSTANCE_CODE_NAMES: Record<string, Bilingual> = {
  'self-disclosure': { zh: '主动交代', en: 'self-disclosure' },
  'reporting-others': { zh: '检举他人', en: 'reporting others' },
  'recovering-losses': { zh: '主动挽回损失', en: 'recovering losses' },
  'surrendering-proceeds': { zh: '主动上交违纪所得', en: 'surrendering proceeds' },
  'cooperating-in-review': { zh: '配合审查、如实说明', en: 'cooperating in the review' },
  'other-merit': { zh: '其他立功表现', en: 'other meritorious conduct' },
  'forcing-or-instigating-others': { zh: '强迫、唆使他人违纪', en: 'forcing or instigating others' },
  'refusing-to-surrender-proceeds': { zh: '拒不上交违纪所得', en: 'refusing to surrender proceeds' },
  'new-violation-after-sanction': { zh: '受处分后又故意违纪', en: 'a new intentional violation after a sanction' },
  'earlier-undisclosed-violation': { zh: '受处分后发现此前未说明的违纪', en: 'earlier undisclosed violations' },
  'not-stopping-during-campaign': { zh: '纪律集中整饬中不收敛、不收手', en: 'not stopping during a concentrated discipline campaign' }
}
