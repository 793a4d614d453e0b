/** The English message table. */
import type { Messages } from './types.js'

const NOT_A_FINDING = 'This is not a finding of no violation.'

export const en: Messages = {
  list: (items) => items.join(', '),
  stated: ({ label, holds }) => holds ? `Stated by the case officer: ${label}.` : `Stated by the case officer not to hold: ${label}.`,
  article: ({ label, holds }) => holds ? `The article's own test, ${label}, is met on the facts below (the article's test, not an inference).` : `The article's own test, ${label}, is not met on the facts below.`,
  unqualified: ({ label, byCircumstances }) => byCircumstances
    ? `The article sanctions ${label} and sets no tier test: once its elements are met, its whole range is open.`
    : 'This tier has no qualifying test: it applies once the elements are met.',
  openTier: ({ label, min, max }) => `A graver tier is still open: if ${label} is established, the range is ${min} to ${max}.`,
  provisionalVersion: 'Tiers not yet settled could change the version applied: the choice of version is provisional.',
  inferred: ({ target, met, min, reached }) =>
    `Inferred as ${reached ? '' : 'not reaching '}${target}: ${met} indicators met (at least ${min} needed). This is an inference, not an official test.`,
  undetermined: {
    'conduct-end-unknown': () => 'Without the date the conduct ended, the applicable version cannot be chosen.',
    elements: () => 'Facts this rule\'s elements need are not established; the rule may still apply.',
    'later-version-elements': () => 'Facts needed to tell whether the later version treats the act more lightly are not established.',
    circumstance: () => 'The elements are met, but whether the article\'s tier tests are met cannot be told: the statements or facts below are missing.',
    'no-ordinary-tier': () => 'The article has no ordinary tier (its lowest tier is relatively minor circumstances), so a statement of "base" places the case in no tier. State relatively minor, relatively serious or serious circumstances, or state the tests one by one.'
  },
  finding: {
    'outside-encoded-period': (p) => `The conduct ended on ${p.end}, before the encoded versions came into force (${p.first}). ${NOT_A_FINDING} ${p.before}`.trim(),
    'no-provision-in-version': (p) => `The version in force when the conduct ended (${p.conductVersion}) has no such provision: what the old rules did not treat as a violation is not pursued. ${p.note}`,
    'version-not-encoded': (p) => `The corresponding provision of the version in force when the conduct ended (${p.conductVersion}) is not encoded (the reference does not give it). ${NOT_A_FINDING} ${p.note}`.trim(),
    'not-a-violation-under-conduct-version': (p) => `The elements of the version in force when the conduct ended (${p.conductVersion}) are not met, though the broader version in force at decision (${p.decisionVersion}) would reach the act: what the old rules did not treat as a violation is not pursued.`,
    'not-a-violation-under-later-version': (p) => `The conduct falls under the ${p.conductVersion} version, but the version in force at decision (${p.decisionVersion}) does not treat it as a violation: under the old-unless-lighter rule the later version applies and no sanction follows.`,
    'below-threshold': (p) => `The elements are met, but the circumstances do not reach the lowest tier of ${p.label}: no party sanction under it. Criticism and education, ordered self-examination, admonition (诫勉) or organisational handling remain open. This is not a finding that the conduct is clean.`
  },
  versionReason: {
    'same-version': (p) => `The version in force both when the conduct ended (${p.end}) and at decision: ${p.conductVersion}.`,
    'later-not-lighter': (p) => `The conduct ended on ${p.end} under the ${p.conductVersion} version; the version in force at decision (${p.decisionVersion}) is not lighter, so the old version applies.`,
    'later-lighter': (p) => `The conduct ended on ${p.end} under the ${p.conductVersion} version; the version in force at decision (${p.decisionVersion}) treats it more lightly, so under the old-unless-lighter rule the later version applies.`
  },
  rangeNote: (p) => `Sanction range: ${p.min} to ${p.max} (${p.label}).`,
  pendingCitation: (p) => `${p.label} is not cited: whether it applies turns on facts not established (${p.facts}); cite it if they are (${p.role}).`,
  series: (p) => `Inferred (not the regulations' own words): conduct items ${p.items} (numbered from 1) each trigger this rule on their own, so they are read as one continuing or repeated violation of the same kind and judged as one: the version is chosen at the last act (${p.end}), and every item answers on it. This follows the reading of continuing and repeated violations in: ${p.sources}. Whether the acts are one series is for the reviewer to decide.`,
  seriesEnd: ' The end date here is the last act of the series this item belongs to (an inference; see the series note).',
  step: {
    lighter: (p) => `Mitigating (${p.mitigating}): lighter within the range, ${p.from === p.to ? `which is ${p.to} only and stays so` : `from ${p.from} to ${p.to} (the heaviest sanction of the range drops out)`}.`,
    reduced: (p) => `Mitigating (${p.mitigating}): reduced one tier below the range (${p.from}): ${p.to}.`,
    'cannot-reduce': (p) => `Cannot be reduced a tier (below a warning there is only exemption; an expulsion-only offence is not reduced): ${p.to}.`,
    exemption: (p) => `The range (${p.from}) lies within warning and serious warning and a mitigating circumstance applies (${p.mitigating}): the sanction may be waived for criticism, ordered self-examination or admonition; or, not waived, made lighter within the range.`,
    heavier: (p) => `Aggravating (${[...(p.aggravating === '' ? [] : [p.aggravating]), ...(p.leader ? ['leader of a joint violation'] : []), ...(p.statutory ? ['aggravation prescribed by the article'] : [])].join('; ')}): heavier within the range, ${p.from === p.to ? `which is ${p.to} only and stays so` : `from ${p.from} to ${p.to} (the lightest sanction of the range drops out)`}.`,
    aggravated: (p) => `Aggravated: one tier above the range (${p.from}): ${p.to}.`,
    offset: (p) => `Both mitigating (${p.mitigating}) and aggravating circumstances: taken to offset each other; the range stays ${p.to}.`,
    'multiple-violations': (p) => `${p.count} violations dealt with together: the highest sanctions any of them warrants (${p.from}) raised one tier (expulsion if any warrants it): ${p.to}.`,
    'no-party-post': (p) => `No party post: a serious warning replaces removal from party posts, so the range goes from ${p.from} to ${p.to}; posts outside the party should be recommended for removal.`,
    'no-party-post-unknown': () => 'Whether the member holds a party post is not established: if not, a serious warning replaces removal from party posts.',
    'circumstance-not-listed': (p) => `The version in force at decision does not list these circumstances, so they are not applied: ${p.ignored}.`,
    'order-of-steps': () => 'Order applied: each violation\'s own range first, then dealing with several violations together, then the no-party-post substitution. The regulations do not state this order (unconfirmed in the reference).'
  },
  span: (p) => `${p.min} to ${p.max}`,
  classification: {
    undetermined: 'No rule is triggered, but some cannot be decided on the facts given; establish the facts listed under undetermined.',
    noSanction: 'No encoded rule proposes a party sanction. See findings and notTriggered for why; this is not a finding that the conduct is clean.',
    exempted: (p) => `Every violation may be exempted from sanction (see the adjustments).${p.provisional ? ' Some facts are not established, so this is provisional.' : ''} Decision support only: a reviewer decides.`,
    proposed: (p) => `Range after every step: ${p.range}; ${p.recommended === null ? 'no single sanction is presumed within it (see recommendation)' : `proposed: ${p.recommended}`}.${p.provisional ? ' Some facts are not established, so this is provisional.' : ''} Decision support only: a reviewer decides.`
  },
  recommendation: {
    'single-sanction': (p) => `After every step the range is one sanction: ${p.range}.`,
    exemption: () => 'The arithmetic ends in exemption from sanction.',
    'range-not-narrowed': (p) => `The regulations fix the range, lighter or heavier within it and reduced or aggravated outside it, but no starting point within a range, so the service presumes no single sanction within ${p.range}; a reviewer decides.${p.levers === '' ? '' : ` What would narrow it: ${p.levers}.`}`,
    'nothing-proposed': () => 'No sanction is proposed.'
  },
  levers: (xs) => xs.join('; '),
  lever: {
    mitigating: 'a mitigating circumstance established (for the whole case or one conduct item)',
    aggravating: 'an aggravating circumstance established (for the whole case or one conduct item)',
    reduced: 'choosing a reduced sanction (减轻) for the mitigating circumstances stated',
    aggravated: 'choosing an aggravated sanction (加重) for the aggravating circumstances stated, where the provisions allow it'
  },
  narrowOpenTier: (p) => `establishing the open tier of conduct item ${p.item} under "${p.rule}"`,
  assumption: 'This step is the service\'s stated default; the regulations do not prescribe it.',
  disclaimer: 'This is decision support based on encoded rules and stated inferences, not a disciplinary decision; a reviewer decides.'
}
