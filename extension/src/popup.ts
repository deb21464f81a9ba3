import type { PaperPlace, SavedPaper } from '@shared/api/browser-api'
import type { PaperTagSuggestions } from '@shared/api/topics-api'
import type {
  ExtensionState,
  PopupRequest,
  SaveOutcome,
  SaveRequest,
  TabFindings,
} from './messages'

// The toolbar popup: what the page holds, where it already is, and the save. Every call to the
// app goes through the service worker.

type Reply<T> = { ok: true; value: T } | { ok: false; error: string }

async function ask<T>(request: PopupRequest): Promise<T> {
  const reply = await chrome.runtime.sendMessage<Reply<T>>(request)
  if (!reply.ok) throw new Error(reply.error)
  return reply.value
}

const root = document.getElementById('app') as HTMLElement

type Props<K extends keyof HTMLElementTagNameMap> = Omit<
  Partial<HTMLElementTagNameMap[K]>,
  'dataset'
> & {
  dataset?: Record<string, string>
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props<K>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  const { dataset, ...rest } = props ?? ({} as Props<K>)
  Object.assign(node, rest)
  if (dataset) Object.assign(node.dataset, dataset)
  node.append(...children)
  return node
}

function show(...nodes: Node[]): void {
  root.replaceChildren(...nodes)
}

function message(text: string, role: 'status' | 'alert' = 'status'): HTMLElement {
  const paragraph = el('p', { className: role === 'alert' ? 'error' : 'note' }, text)
  paragraph.setAttribute('role', role)
  return paragraph
}

/** The tab the popup is about: `?tab=ID` when opened for a tab, else the active one. */
async function targetTab(): Promise<number | null> {
  const given = Number(new URLSearchParams(location.search).get('tab'))
  if (Number.isInteger(given) && given > 0) return given
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  return tab?.id ?? null
}

async function start(): Promise<void> {
  const state = await ask<ExtensionState>({ type: 'state' })
  if (
    state.app === 'unpaired' ||
    (state.app === 'down' && state.queued === 0 && !(await hasKey()))
  ) {
    return showPairing(state)
  }
  const tabId = await targetTab()
  if (tabId === null) return show(message('No page to read.'))
  let found: TabFindings
  try {
    found = await ask<TabFindings>({ type: 'read-tab', tabId })
  } catch (error) {
    return show(message((error as Error).message, 'alert'))
  }
  showFindings(state, found)
}

async function hasKey(): Promise<boolean> {
  const { settings } = await chrome.storage.local.get('settings')
  return Boolean((settings as { key?: string } | undefined)?.key)
}

function showPairing(state: ExtensionState): void {
  const address = el('input', { id: 'address', value: state.address, type: 'url' })
  const status = message(
    state.app === 'down'
      ? `Papershelf does not answer at ${state.address}. Start it (or papershelf serve), or give the address it prints.`
      : 'Pair this browser with Papershelf: it shows a code to type here.',
  )
  const pair = el('button', { id: 'pair', type: 'button' }, 'Pair with Papershelf')
  const code = el('input', {
    id: 'code',
    placeholder: 'Code shown by Papershelf',
    autocomplete: 'off',
  })
  const confirm = el('button', { id: 'confirm', type: 'button' }, 'Confirm code')
  const codeRow = el('div', { className: 'row', hidden: !state.awaitingCode }, code, confirm)
  pair.addEventListener('click', () => {
    void (async () => {
      try {
        await ask({ type: 'set-address', address: address.value })
        await ask({ type: 'pair' })
        status.textContent =
          'Type the code Papershelf shows (the app, or the terminal running papershelf serve).'
        codeRow.hidden = false
        code.focus()
      } catch (error) {
        status.textContent = (error as Error).message
      }
    })()
  })
  confirm.addEventListener('click', () => {
    void (async () => {
      try {
        await ask({ type: 'confirm', code: code.value })
        await start()
      } catch (error) {
        status.textContent = (error as Error).message
      }
    })()
  })
  show(el('h1', {}, 'Papershelf'), status, el('label', {}, 'Address ', address), pair, codeRow)
}

function placeText(place: PaperPlace): string {
  const where = [place.status, ...place.tags, ...place.lists.map((l) => `list: ${l}`)]
  return `In your library (${where.join(', ')})`
}

function showFindings(state: ExtensionState, found: TabFindings): void {
  const { papers } = found.findings
  if (papers.length === 0) {
    return show(el('h1', {}, 'Papershelf'), message('No paper found on this page.'))
  }
  const list = el('ul', { className: 'papers' })
  const boxes = papers.map((paper, index) => {
    const place = found.places?.[index] ?? null
    const box = el('input', { type: 'checkbox', checked: place === null || papers.length === 1 })
    list.append(
      el(
        'li',
        {},
        el('label', {}, box, ' ', paper.title ?? paper.arxivId ?? paper.doi ?? paper.pageUrl),
        ...(place ? [el('div', { className: 'place' }, placeText(place))] : []),
      ),
    )
    return box
  })
  const tags = el('input', { id: 'tags', placeholder: 'Tags (comma separated)' })
  const datalist = el(
    'datalist',
    { id: 'known-tags' },
    ...found.tags.map((t) => el('option', { value: t })),
  )
  tags.setAttribute('list', 'known-tags')
  const into = el(
    'select',
    { id: 'list' },
    el('option', { value: '' }, 'Inbox'),
    ...found.lists.map((l) => el('option', { value: String(l.id) }, l.name)),
  )
  const saveButton = el(
    'button',
    { id: 'save', type: 'button' },
    papers.length === 1 ? 'Save' : 'Save selected',
  )
  const status = message(
    state.app === 'down'
      ? 'Papershelf is not running.'
      : state.queued > 0
        ? `${state.queued} saves waiting for Papershelf.`
        : '',
  )
  const results = el('ul', { className: 'results' })
  const request = (): SaveRequest => {
    const listId = Number(into.value)
    return {
      papers: papers.filter((_, i) => boxes[i]?.checked),
      tags: tags.value
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      ...(listId > 0 ? { listId } : {}),
    }
  }
  saveButton.addEventListener('click', () => {
    void (async () => {
      const chosen = request()
      if (chosen.papers.length === 0) {
        return void (status.textContent = 'Choose at least one paper.')
      }
      const outcome = await ask<SaveOutcome>({ type: 'save', ...chosen })
      if (outcome.status === 'saved') return showSaved(status, results, outcome.saved)
      if (outcome.status === 'error') return void (status.textContent = outcome.message)
      status.textContent = 'Papershelf is not running. Keep this save and send it when it is back?'
      const queue = el('button', { id: 'queue', type: 'button' }, 'Queue the save')
      queue.addEventListener('click', () => {
        void ask<{ queued: number }>({ type: 'queue', ...chosen }).then(({ queued }) => {
          status.textContent = `Queued: ${queued} saves wait for Papershelf.`
          queue.remove()
        })
      })
      status.after(queue)
    })()
  })
  show(el('h1', {}, 'Papershelf'), list, tags, datalist, into, saveButton, status, results)
}

function showSaved(
  status: HTMLElement,
  results: HTMLElement,
  saved: ReadonlyArray<SavedPaper>,
): void {
  status.textContent = `${saved.filter((p) => p.added).length} added, ${saved.filter((p) => !p.added).length} already in your library.`
  const items = saved.map((paper) => {
    const open = el('a', { href: paper.openUrl, className: 'open' }, 'Open in Papershelf')
    // The desktop app opens the papershelf:// link; a served library selects it in open tabs.
    open.addEventListener(
      'click',
      () => void ask({ type: 'reveal', paperId: paper.paperId }).catch(() => undefined),
    )
    return el(
      'li',
      { dataset: { paperId: String(paper.paperId), added: String(paper.added) } },
      `${paper.added ? 'Saved' : 'Already in your library'}: ${paper.title ?? ''} `,
      open,
    )
  })
  results.replaceChildren(...items)
  void showSuggestions(saved, items)
}

/** The tags learned from the user's own, offered for each saved paper: one click adds one. */
async function showSuggestions(
  saved: ReadonlyArray<SavedPaper>,
  items: ReadonlyArray<HTMLElement>,
): Promise<void> {
  let suggestions: ReadonlyArray<PaperTagSuggestions>
  try {
    suggestions = await ask<ReadonlyArray<PaperTagSuggestions>>({
      type: 'suggest',
      paperIds: saved.map((p) => p.paperId),
    })
  } catch {
    return
  }
  saved.forEach((paper, index) => {
    const learned = suggestions.find((s) => s.id === paper.paperId)?.suggestions ?? []
    if (learned.length === 0) return
    const buttons = learned.map(({ tag, score }) => {
      const button = el(
        'button',
        { type: 'button', className: 'suggested' },
        `+ ${tag} (${Math.round(score * 100)}%)`,
      )
      button.addEventListener('click', () => {
        void ask({ type: 'tag', paperIds: [paper.paperId], tags: [tag] }).then(() => {
          button.disabled = true
          button.textContent = `✓ ${tag}`
        })
      })
      return button
    })
    items[index]?.append(el('div', { className: 'suggestions' }, 'Suggested: ', ...buttons))
  })
}

void start().catch((error: unknown) => show(message((error as Error).message, 'alert')))
