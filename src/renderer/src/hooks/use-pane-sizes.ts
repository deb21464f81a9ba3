import { useCallback, useState } from 'react'

/** Widths of the sidebar and detail pane, in CSS pixels. */
export type PaneSizes = { sidebar: number; detail: number }

const KEY = 'papershelf.panes'
const DEFAULTS: PaneSizes = { sidebar: 240, detail: 420 }
const LIMITS = { sidebar: [180, 420], detail: [300, 760] } as const

/** Keeps a pane width within its limits. */
export function clampPane(pane: keyof PaneSizes, width: number): number {
  const [min, max] = LIMITS[pane]
  return Math.round(Math.min(max, Math.max(min, width)))
}

function load(): PaneSizes {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<PaneSizes> | null
    return {
      sidebar: clampPane('sidebar', Number(saved?.sidebar ?? DEFAULTS.sidebar) || DEFAULTS.sidebar),
      detail: clampPane('detail', Number(saved?.detail ?? DEFAULTS.detail) || DEFAULTS.detail),
    }
  } catch {
    return DEFAULTS
  }
}

/** Pane widths remembered across sessions. */
export function usePaneSizes(): [PaneSizes, (pane: keyof PaneSizes, width: number) => void] {
  const [sizes, setSizes] = useState(load)
  const resize = useCallback((pane: keyof PaneSizes, width: number) => {
    setSizes((current) => {
      const next = { ...current, [pane]: clampPane(pane, width) }
      localStorage.setItem(KEY, JSON.stringify(next))
      return next
    })
  }, [])
  return [sizes, resize]
}
