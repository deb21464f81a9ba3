/**
 * The `for-you` sort as the list queries order by it: each paper's score from the last training
 * (`paper_scores`, written by the topics service); papers without one go last. One entry, so a
 * shared sort table can take it over as it is.
 */
export const FOR_YOU_SORT = {
  column: '(SELECT s.for_you FROM paper_scores s WHERE s.paper_id = p.id)',
  defaultOrder: 'desc',
  // the list window joins the table instead, so its (for_you, paper_id) index gives the order
  joined: { table: 'paper_scores', key: 'paper_id', value: 'for_you' },
} as const
