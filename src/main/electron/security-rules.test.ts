import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, isAppPageUrl, isTrustedSenderUrl } from './security-rules'

const BUILT = 'file:///opt/Papershelf/resources/app/out/renderer/index.html'
const DEV = 'http://localhost:5173'

describe('electron/security-rules', () => {
  it('allows plain http and https links to leave for the browser', () => {
    expect(isAllowedExternalUrl('https://arxiv.org/abs/2401.00001')).toBe(true)
    expect(isAllowedExternalUrl('http://example.org/paper.pdf?x=1#p2')).toBe(true)
  })

  it('refuses other schemes', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://host/share',
      'ms-msdt:/id',
      'mailto:a@example.org',
      'papershelf-pdf://1',
    ]) {
      expect([url, isAllowedExternalUrl(url)]).toEqual([url, false])
    }
  })

  it('refuses links carrying credentials', () => {
    expect(isAllowedExternalUrl('https://user:pass@example.org/')).toBe(false)
    expect(isAllowedExternalUrl('https://user@example.org/')).toBe(false)
  })

  it('refuses malformed links and hidden characters', () => {
    for (const url of [
      '',
      'not a url',
      'https://',
      '//example.org',
      ' https://example.org',
      'https://exa\nmple.org',
      'https://example.org/\u0000',
    ]) {
      expect([url, isAllowedExternalUrl(url)]).toEqual([url, false])
    }
  })

  it('trusts the built page whatever its query or fragment', () => {
    expect(isTrustedSenderUrl(BUILT, BUILT)).toBe(true)
    expect(isTrustedSenderUrl(`${BUILT}?view=reader#p3`, BUILT)).toBe(true)
  })

  it('does not trust another local file or a web page', () => {
    expect(isTrustedSenderUrl('file:///tmp/evil/index.html', BUILT)).toBe(false)
    expect(isTrustedSenderUrl(BUILT.replace('index.html', 'other.html'), BUILT)).toBe(false)
    expect(isTrustedSenderUrl('https://example.org/', BUILT)).toBe(false)
    expect(isTrustedSenderUrl('about:blank', BUILT)).toBe(false)
    expect(isTrustedSenderUrl('', BUILT)).toBe(false)
  })

  it('trusts only the dev server origin in development', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', DEV)).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV)).toBe(false)
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', DEV)).toBe(false)
    expect(isTrustedSenderUrl('https://localhost:5173/', DEV)).toBe(false)
  })

  it('lets navigation stay on the app page only', () => {
    expect(isAppPageUrl(`${BUILT}#top`, BUILT)).toBe(true)
    expect(isAppPageUrl('https://arxiv.org/abs/2401.00001', BUILT)).toBe(false)
    expect(isAppPageUrl(BUILT, 'not a url')).toBe(false)
  })
})
