// The citation-js packages ship no type declarations; these cover the calls the RIS reader makes.
declare module '@citation-js/core' {
  /** The plugin registry: `data` runs the one parser registered for a type. */
  export const plugins: {
    input: {
      data(input: unknown, type: string): unknown
    }
  }
}

declare module '@citation-js/plugin-ris'
