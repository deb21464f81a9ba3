import { describe, expect, it } from 'vitest'
import { describeHfDailyChoice, hfDailyParams } from './hf-daily-choice'

describe('dialogs/hf-daily-choice', () => {
  it('builds the parameters the CLI takes for every mode', () => {
    expect(hfDailyParams('latest', { date: '2026-05-18' })).toEqual({ params: {} })
    expect(hfDailyParams('since', { since: '2026-05-01' })).toEqual({
      params: { since: '2026-05-01' },
    })
    expect(hfDailyParams('week', { week: '2026-W20' })).toEqual({ params: { week: '2026-W20' } })
    expect(hfDailyParams('month', { month: '2026-05' })).toEqual({ params: { month: '2026-05' } })
    expect(hfDailyParams('range', { from: '2026-05-01', to: '2026-05-03' })).toEqual({
      params: { from: '2026-05-01', to: '2026-05-03' },
    })
  })

  it('names what is missing or wrong instead of saving a half-chosen source', () => {
    expect(hfDailyParams('date', {})).toEqual({ missing: 'Choose the day.' })
    expect(hfDailyParams('range', { from: '2026-05-01' })).toEqual({
      missing: 'Choose the last day of the range.',
    })
    expect(hfDailyParams('range', { from: '2026-05-03', to: '2026-05-01' })).toEqual({
      missing: 'The range ends before it starts.',
    })
  })

  it('says whether the source keeps following or fetches a fixed window once', () => {
    expect(describeHfDailyChoice('latest', {}, '2026-05-18')).toMatch(/every 6 hours/)
    const since = describeHfDailyChoice('since', { since: '2026-05-01' }, '2026-05-18')
    expect(since).toMatch(/up to today \(18 days\), then checks for new papers every 6 hours/)
    const day = describeHfDailyChoice('date', { date: '2026-05-18' }, '2026-05-18')
    expect(day).toMatch(/once/)
    expect(day).not.toMatch(/every 6 hours/)
  })
})
