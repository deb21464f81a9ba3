import { useEffect, useState } from 'react'
import type { PaneSizes } from './use-pane-sizes'

/** The narrowest the paper list may get, and the narrowest each side pane may be squeezed to. */
export const LIST_MIN_WIDTH = 360
const SQUEEZED = { sidebar: 180, detail: 300 } as const
/** Width of the two splitters. */
const HANDLES = 10

/** The panes as laid out in a window: the chosen widths, squeezed to fit, or the sidebar folded away. */
export type FittedPanes = PaneSizes & { sidebarCollapsed: boolean }

/**
 * Fits the chosen pane widths into a window `width` px wide without horizontal overflow: first
 * the detail pane gives way, then the sidebar; when even that does not leave the list its minimum
 * the sidebar folds into a drawer (as mail clients do). Works from 800 px.
 */
export function fitPanes(sizes: PaneSizes, width: number): FittedPanes {
  let { sidebar, detail } = sizes
  const room = () => width - HANDLES - LIST_MIN_WIDTH - sidebar - detail
  if (room() < 0) detail = Math.max(SQUEEZED.detail, detail + room())
  if (room() < 0) sidebar = Math.max(SQUEEZED.sidebar, sidebar + room())
  if (room() >= 0) return { sidebar, detail, sidebarCollapsed: false }
  const withoutSidebar = width - HANDLES / 2 - LIST_MIN_WIDTH
  return {
    sidebar: sizes.sidebar,
    detail: Math.max(SQUEEZED.detail, Math.min(sizes.detail, withoutSidebar)),
    sidebarCollapsed: true,
  }
}

/** The window's inner width, kept current. */
export function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth)
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return width
}
