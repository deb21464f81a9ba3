import type { PaperDetail } from '@shared/model/paper'

/**
 * Which arrival rules acted on the paper when it arrived ("Kept by rule 'diffusion → keep'").
 * The note holds the user's own query text, so it is only ever rendered as text.
 */
export function TriageNote({ note }: { note: PaperDetail['ruleNote'] }) {
  if (!note) return null
  return (
    <p className="detail__rule-note" data-testid="rule-note">
      <span className="detail__rule-note-label">Arrival rules:</span>{' '}
      <span className="detail__rule-note-text">{note}</span>
    </p>
  )
}
