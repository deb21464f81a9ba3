import type { CSSProperties } from 'react'
import { tagHue } from '../tags/tag-tree'

/** Inline style giving a tag its color (its own, else one derived from its name). */
export function tagStyle(name: string, color: string | null | undefined): CSSProperties {
  if (color) return { '--tag-color': color } as CSSProperties
  return { '--tag-color': `hsl(${tagHue(name)} 55% 50%)` } as CSSProperties
}

/** A small colored tag label. */
export function TagChip({ name, color }: { name: string; color?: string | null | undefined }) {
  return (
    <span className="tag-chip" style={tagStyle(name, color)}>
      {name}
    </span>
  )
}
