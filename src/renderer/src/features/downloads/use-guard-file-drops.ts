import { useEffect } from 'react'
import { dragHasFiles } from './pdf-files'

/**
 * Files dropped outside a drop zone would make the window navigate to them (leaving the app):
 * swallow those drops and say where PDFs go instead.
 */
export function useGuardFileDrops(onStray: () => void): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.defaultPrevented || !dragHasFiles(event.dataTransfer)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none'
    }
    const onDrop = (event: DragEvent) => {
      if (event.defaultPrevented || !dragHasFiles(event.dataTransfer)) return
      event.preventDefault()
      onStray()
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [onStray])
}
