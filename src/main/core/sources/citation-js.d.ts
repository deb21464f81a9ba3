// The citation-js packages ship no type declarations; these cover the calls Papershelf makes.
declare module '@citation-js/core' {
  /** The plugin registry: `data` runs the one parser registered for a type, `format` one output. */
  export const plugins: {
    input: {
      data(input: unknown, type: string): unknown
    }
    output: {
      format(name: string, data: ReadonlyArray<object>, options?: Record<string, unknown>): unknown
    }
    config: {
      get(plugin: string): unknown
    }
  }
}

declare module '@citation-js/plugin-ris'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
