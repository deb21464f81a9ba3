import { AppError } from '@shared/api/errors'

/** A malformed input: the message names the source, the line (1-based) and what is wrong there. */
export class ParseError extends AppError {
  readonly line: number | null
  /** The problem without its location, to re-wrap with a source name. */
  readonly detail: string

  constructor(detail: string, line: number | null = null, source: string | null = null) {
    const where = [source, line === null ? null : `line ${line}`].filter(Boolean).join(', ')
    super('parse-error', where === '' ? detail : `${where}: ${detail}`)
    this.name = 'ParseError'
    this.line = line
    this.detail = detail
  }

  /** The same error, located in a named source (a file name, "pasted text"). */
  in(source: string): ParseError {
    return new ParseError(this.detail, this.line, source)
  }
}
