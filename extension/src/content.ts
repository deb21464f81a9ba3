import { READ_PAGE } from './messages'
import { readPage } from './read-page'

// Runs in every http(s) page: reads the DOM when the extension asks, and answers only to it
// (runtime messages come from the extension's own pages and worker, never from the page).
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if ((message as { type?: unknown } | null)?.type !== READ_PAGE) return undefined
  sendResponse(readPage(document, location.href))
  return undefined
})
