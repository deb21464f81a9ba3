import { useCallback, useEffect, useState } from 'react'

/** `system` follows the operating system; the others force one. */
export type ThemeChoice = 'system' | 'light' | 'dark'
const KEY = 'papershelf.theme'

/** The theme choice, applied to `<html data-theme>` and remembered. */
export function useTheme(): [ThemeChoice, () => void] {
  const [theme, setTheme] = useState<ThemeChoice>(() => {
    const saved = localStorage.getItem(KEY)
    return saved === 'light' || saved === 'dark' ? saved : 'system'
  })
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset['theme']
    else document.documentElement.dataset['theme'] = theme
    localStorage.setItem(KEY, theme)
  }, [theme])
  const toggle = useCallback(() => {
    setTheme((current) => {
      const dark =
        current === 'dark' ||
        (current === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
      return dark ? 'light' : 'dark'
    })
  }, [])
  return [theme, toggle]
}
