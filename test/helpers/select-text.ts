import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Selects `text` inside page `n`'s text layer, as a reader's drag would. */
export async function selectText(page: Page, n: number, text: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          ({ n, text }) =>
            document
              .querySelector(`.page[data-page-number="${n}"] .textLayer`)
              ?.textContent?.includes(text) ?? false,
          { n, text },
        ),
      { timeout: 20_000 },
    )
    .toBe(true)
  await page.evaluate(
    ({ n, text }) => {
      const layer = document.querySelector(`.page[data-page-number="${n}"] .textLayer`)
      const walker = document.createTreeWalker(layer as Node, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1
        if (at === -1) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + text.length)
        document.getSelection()?.removeAllRanges()
        document.getSelection()?.addRange(range)
        return
      }
      throw new Error(`"${text}" is not in one text run of page ${n}`)
    },
    { n, text },
  )
}
