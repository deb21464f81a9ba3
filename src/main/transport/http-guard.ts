import { createHash, timingSafeEqual } from 'node:crypto'

/** Host names the loopback door answers to; anything else is a DNS-rebinding attempt. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const

/** True when a `Host` header names this server by a loopback name and its exact port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  const wanted = host.toLowerCase()
  return LOOPBACK_NAMES.some((name) => wanted === `${name}:${port}`)
}

/**
 * True when a request may come from `origin`: requests without an `Origin` header (navigation,
 * curl, the CLI) pass, and a page may call only the origin it was loaded from.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true
  if (!host) return false
  return origin.toLowerCase() === `http://${host.toLowerCase()}`
}

/** Compares a presented token with the expected one in time independent of where they differ. */
export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false
  // Hashing first gives equal-length buffers, so neither the length nor the content leaks.
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}
