// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069): in network text they
// reorder what is shown ("gnp.exe" read backwards), so every door drops them.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const LINE_BREAKS = /[\t\n\r]/g

/** Text from the network as it may be shown: no control or bidi-control characters; line breaks kept. */
export function displayText(text: string): string {
  return text.replace(UNSAFE, '')
}

/** Text from the network on one line: as `displayText`, with every run of whitespace one space. */
export function oneLineText(text: string): string {
  return displayText(text.replace(LINE_BREAKS, ' ')).replace(/\s+/g, ' ')
}
