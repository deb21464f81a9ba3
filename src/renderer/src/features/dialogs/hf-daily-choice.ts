/** The ways to follow Hugging Face daily papers, as the CLI offers them, in words for the dialog. */
export const HF_DAILY_MODES = ['latest', 'since', 'date', 'week', 'month', 'range'] as const
export type HfDailyMode = (typeof HF_DAILY_MODES)[number]

/** What the user typed for the chosen mode (dates as `YYYY-MM-DD`, week `YYYY-Www`, month `YYYY-MM`). */
export type HfDailyValues = Partial<
  Record<'since' | 'date' | 'week' | 'month' | 'from' | 'to', string>
>

export const HF_DAILY_MODE_LABELS: Record<HfDailyMode, string> = {
  latest: 'The latest list, and every new one',
  since: 'Every day from a date, then every new one',
  date: 'One day',
  week: 'One week',
  month: 'One month',
  range: 'A range of days',
}

/** The inputs each mode needs: name, label, and the native input type that yields the right form. */
export const HF_DAILY_INPUTS: Record<
  HfDailyMode,
  ReadonlyArray<{
    name: keyof HfDailyValues
    label: string
    type: 'date' | 'week' | 'month'
    missing: string
  }>
> = {
  latest: [],
  since: [{ name: 'since', label: 'From', type: 'date', missing: 'Choose the first day.' }],
  date: [{ name: 'date', label: 'Day', type: 'date', missing: 'Choose the day.' }],
  week: [{ name: 'week', label: 'Week', type: 'week', missing: 'Choose the week.' }],
  month: [{ name: 'month', label: 'Month', type: 'month', missing: 'Choose the month.' }],
  range: [
    { name: 'from', label: 'From', type: 'date', missing: 'Choose the first day of the range.' },
    { name: 'to', label: 'To', type: 'date', missing: 'Choose the last day of the range.' },
  ],
}

/** The source parameters for a mode, or the reason they are not complete yet. */
export function hfDailyParams(
  mode: HfDailyMode,
  values: HfDailyValues,
): { params: Record<string, string> } | { missing: string } {
  const params: Record<string, string> = {}
  for (const input of HF_DAILY_INPUTS[mode]) {
    const value = values[input.name]?.trim() ?? ''
    if (value === '') return { missing: input.missing }
    params[input.name] = value
  }
  if (mode === 'range' && params['from']! > params['to']!) {
    return { missing: 'The range ends before it starts.' }
  }
  return { params }
}

/** One sentence saying what adding the source will do, so a fixed day is not mistaken for following. */
export function describeHfDailyChoice(
  mode: HfDailyMode,
  values: HfDailyValues,
  today: string,
): string {
  const day = (iso: string | undefined) => (iso ? formatDay(iso) : '…')
  switch (mode) {
    case 'latest':
      return 'Fetches today’s list now, then checks for new papers every 6 hours.'
    case 'since': {
      const days = values.since ? daysFrom(values.since, today) : null
      const span = days === null ? '' : days > 0 ? ` (${days} days)` : ''
      return `Fetches every day from ${day(values.since)} up to today${span}, then checks for new papers every 6 hours.`
    }
    case 'date':
      return `Fetches the papers of ${day(values.date)} once; “Sync now” refreshes their votes later.`
    case 'week':
      return `Fetches the papers of week ${values.week ?? '…'} once; “Sync now” refreshes them later.`
    case 'month':
      return `Fetches the papers of ${values.month ?? '…'} once; “Sync now” refreshes them later.`
    case 'range':
      return `Fetches every day from ${day(values.from)} to ${day(values.to)} once; “Sync now” refreshes them later.`
  }
}

function formatDay(iso: string): string {
  const time = Date.parse(`${iso}T00:00:00Z`)
  if (Number.isNaN(time)) return iso
  return new Date(time).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

function daysFrom(from: string, to: string): number | null {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(start) || Number.isNaN(end)) return null
  return Math.round((end - start) / 86_400_000) + 1
}
