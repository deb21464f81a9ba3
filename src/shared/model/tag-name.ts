import { z } from 'zod'

/**
 * A tag name, the one schema every method that takes tags uses: trimmed, 1–200 characters, no
 * control characters (C0 or DEL); `/` separates levels (`llm/decoding`).
 */
export const tagNameSchema = z
  .string()
  .trim()
  .min(1, 'a tag name cannot be empty')
  .max(200, 'a tag name is at most 200 characters')
  .refine(
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    (name) => !/[\u0000-\u001f\u007f]/.test(name),
    'a tag name cannot hold control characters',
  )
