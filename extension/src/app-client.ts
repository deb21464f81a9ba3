import { EXTENSION_KEY_HEADER } from '@shared/api/browser-api'

/** The app did not answer at all (not running, wrong address). */
export class AppDownError extends Error {}

/** The app answered with an error. */
export class AppRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/**
 * One call to the app's extension routes (`/ext/...` on 127.0.0.1). Only the service worker
 * calls this: a web page never reaches the app.
 */
export async function callApp<T>(
  address: string,
  route: string,
  body: unknown,
  key: string | null,
  timeoutMs = 15_000,
): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${address}/ext/${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { [EXTENSION_KEY_HEADER]: key } : {}),
      },
      body: JSON.stringify(body ?? {}),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    throw new AppDownError(error instanceof Error ? error.message : String(error))
  }
  let answer: Answer<T>
  try {
    answer = (await response.json()) as Answer<T>
  } catch {
    throw new AppDownError(`${address} is not Papershelf (HTTP ${response.status}).`)
  }
  if (!answer.ok) {
    throw new AppRefusedError(answer.error.code, answer.error.message, response.status)
  }
  return answer.value
}
