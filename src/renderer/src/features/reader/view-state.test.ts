import { describe, expect, it } from 'vitest'
import {
  clampPage,
  fromScaleValue,
  isLastPage,
  isOpenableLink,
  keyAction,
  openingPosition,
  parsePageInput,
  positionChanged,
  zoomIn,
  zoomLabel,
  zoomOut,
} from './view-state'

const key = (k: string, extra: Partial<Parameters<typeof keyAction>[0]> = {}) =>
  keyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, ...extra })

describe('reader/view-state', () => {
  it('steps zoom through the fixed steps and stops at the ends', () => {
    expect(zoomIn(1)).toBe(1.1)
    expect(zoomIn(1.05)).toBe(1.1)
    expect(zoomOut(1)).toBe(0.9)
    expect(zoomIn(4)).toBe(4)
    expect(zoomOut(0.5)).toBe(0.5)
  })

  it('keeps page numbers within the document', () => {
    expect(clampPage(0, 10)).toBe(1)
    expect(clampPage(11, 10)).toBe(10)
    expect(clampPage(3.6, 10)).toBe(4)
    expect(clampPage(Number.NaN, 10)).toBe(1)
    expect(parsePageInput(' 7 ', 10)).toBe(7)
    expect(parsePageInput('99', 10)).toBe(10)
    expect(parsePageInput('seven', 10)).toBeNull()
    expect(parsePageInput('', 10)).toBeNull()
  })

  it('remembers presets by name and scales rounded', () => {
    expect(fromScaleValue('page-width', 1.3333)).toBe('page-width')
    expect(fromScaleValue(undefined, 1.33333)).toBe(1.33)
    expect(fromScaleValue('1.5', 1.5)).toBe(1.5)
    expect(zoomLabel('page-fit', 0.8)).toBe('Fit page')
    expect(zoomLabel(1.25, 1.25)).toBe('125%')
    expect(zoomLabel('auto', 0.9)).toBe('90%')
  })

  it('resumes at the remembered page, or the page a search hit asks for', () => {
    expect(openingPosition({ page: 12, zoom: 1.5 }, 30)).toEqual({ page: 12, zoom: 1.5 })
    expect(openingPosition({ page: 40, zoom: 1.5 }, 30)).toEqual({ page: 30, zoom: 1.5 })
    expect(openingPosition(null, 30)).toEqual({ page: 1, zoom: 'page-width' })
    expect(openingPosition({ page: 12, zoom: 'page-fit' }, 30, 7)).toEqual({
      page: 7,
      zoom: 'page-fit',
    })
  })

  it('saves only real moves, and offers "mark as read" on the last page', () => {
    expect(positionChanged({ page: 2, zoom: 1 }, { page: 2, zoom: 1 })).toBe(false)
    expect(positionChanged({ page: 2, zoom: 1 }, { page: 3, zoom: 1 })).toBe(true)
    expect(positionChanged(null, { page: 1, zoom: 1 })).toBe(true)
    expect(isLastPage(30, 30)).toBe(true)
    expect(isLastPage(29, 30)).toBe(false)
    expect(isLastPage(1, 0)).toBe(false)
  })

  it('maps keys to reader actions and leaves text fields alone', () => {
    expect(key('ArrowRight')).toBe('next-page')
    expect(key('PageUp')).toBe('previous-page')
    expect(key('+')).toBe('zoom-in')
    expect(key('-')).toBe('zoom-out')
    expect(key('f', { ctrlKey: true })).toBe('find')
    expect(key('F', { metaKey: true, inTextField: true })).toBe('find')
    expect(key('Escape', { inTextField: true })).toBe('close')
    expect(key('ArrowRight', { inTextField: true })).toBeNull()
    expect(key('ArrowDown')).toBeNull()
    expect(key('=', { ctrlKey: true })).toBe('zoom-in')
  })

  it('opens only http(s) links without credentials', () => {
    expect(isOpenableLink('https://example.org/paper')).toBe(true)
    expect(isOpenableLink('javascript:alert(1)')).toBe(false)
    expect(isOpenableLink('file:///etc/passwd')).toBe(false)
    expect(isOpenableLink('https://user:pw@example.org/')).toBe(false)
    expect(isOpenableLink('https://exa\nmple.org/')).toBe(false)
  })
})
