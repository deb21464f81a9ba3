import { useState, type DragEvent } from 'react'
import { dragHasFiles } from './pdf-files'

/** Drag handlers for a file drop zone, and whether files hover over it now. */
export function usePdfDrop(onFiles: (files: File[], event: DragEvent<HTMLElement>) => void) {
  const [over, setOver] = useState(false)
  return {
    over,
    handlers: {
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (!dragHasFiles(event.dataTransfer)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
        if (!over) setOver(true)
      },
      onDragLeave: (event: DragEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        if (!dragHasFiles(event.dataTransfer)) return
        event.preventDefault()
        event.stopPropagation()
        setOver(false)
        onFiles([...event.dataTransfer.files], event)
      },
    },
  }
}
