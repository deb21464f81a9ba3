/** Every remote endpoint the core talks to. Each is configurable (tests, mirrors, proxies) and may carry a path prefix. */
export type BaseUrls = {
  /** Hugging Face: `/api/daily_papers`, `/api/papers/search`, `/api/papers/{id}`. */
  huggingFace: string
  /** arXiv export API: `/api/query`. */
  arxivApi: string
  /** arXiv site: `/abs/{id}`, `/pdf/{id}v{n}`. */
  arxiv: string
  /** arXiv listing feeds: `/rss/{cat}`, `/atom/{cat}`. */
  arxivRss: string
  /** Raw files on GitHub (awesome-list READMEs). */
  githubRaw: string
  /** GitHub site (repository pages, resolved to their README). */
  github: string
  /** Crossref REST API: `/works/{doi}`. */
  crossref: string
  /** DataCite REST API: `/dois/{doi}` (datasets, software, arXiv's DOIs). */
  datacite: string
}

/** The real endpoints. */
export const DEFAULT_BASE_URLS: BaseUrls = {
  huggingFace: 'https://huggingface.co',
  arxivApi: 'https://export.arxiv.org',
  arxiv: 'https://arxiv.org',
  arxivRss: 'https://rss.arxiv.org',
  githubRaw: 'https://raw.githubusercontent.com',
  github: 'https://github.com',
  crossref: 'https://api.crossref.org',
  datacite: 'https://api.datacite.org',
}

const ENV_NAMES: Record<keyof BaseUrls, string> = {
  huggingFace: 'PAPERSHELF_HF_URL',
  arxivApi: 'PAPERSHELF_ARXIV_API_URL',
  arxiv: 'PAPERSHELF_ARXIV_URL',
  arxivRss: 'PAPERSHELF_ARXIV_RSS_URL',
  githubRaw: 'PAPERSHELF_GITHUB_RAW_URL',
  github: 'PAPERSHELF_GITHUB_URL',
  crossref: 'PAPERSHELF_CROSSREF_URL',
  datacite: 'PAPERSHELF_DATACITE_URL',
}

/** Base URLs from `PAPERSHELF_*_URL` environment variables over the defaults, without trailing slashes. */
export function baseUrlsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<BaseUrls> = {},
): BaseUrls {
  const entries = (Object.keys(DEFAULT_BASE_URLS) as Array<keyof BaseUrls>).map((key) => {
    const value = overrides[key] ?? env[ENV_NAMES[key]]?.trim() ?? DEFAULT_BASE_URLS[key]
    return [key, value.replace(/\/+$/, '')] as const
  })
  return Object.fromEntries(entries) as BaseUrls
}
