import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { Paper } from '@shared/model/paper'
import { PaperRow } from './PaperRow'

/** The papers as a virtualized list, so a long library stays smooth. */
export function PaperList({ papers }: { papers: ReadonlyArray<Paper> }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // The React Compiler skips this component (TanStack Virtual returns fresh functions); the
  // virtualizer re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: papers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    getItemKey: (index) => papers[index]?.id ?? index,
    overscan: 8,
  })
  return (
    <div ref={scrollRef} className="paper-list" role="list" aria-label="Papers">
      <div className="paper-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const paper = papers[item.index]
          if (!paper) return null
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="listitem"
              className="paper-list__item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <PaperRow paper={paper} />
            </div>
          )
        })}
      </div>
    </div>
  )
}
