import { arxivIdFromUrl, type ArxivRef } from '@shared/model/ids'
import { readDoi } from './reference-ids'

/** A link as a list writes it: where it goes and the words it shows (badges shown as nothing). */
export type ListLink = { url: string; text: string }

/** What a paper link tells about the paper. */
export type PaperLink =
  | { kind: 'arxiv'; arxiv: ArxivRef; url: string }
  | { kind: 'doi'; doi: string; url: string }
  | { kind: 'page'; pdfUrl: string | null; url: string }

const OPENREVIEW = /^https?:\/\/(?:www\.)?openreview\.net\/(?:forum|pdf)\?(?:.*&)?id=([\w-]+)/i
const ACL = /^https?:\/\/(?:www\.)?aclanthology\.org\/([\w.-]+?)(?:\.pdf)?\/?(?:[?#].*)?$/i
const CODE_HOST = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com)\/[\w.-]+\/[\w.-]+/i
const PROJECT_TEXT = /\b(?:project|home\s*page|homepage|website|web\s*page|demo|blog)\b/i
// Hosts that publish papers: a link there, without an id we know, is still a paper by its title.
const PAPER_HOSTS =
  /^https?:\/\/(?:[\w-]+\.)*(?:neurips\.cc|nips\.cc|aaai\.org|mlr\.press|springer\.com|mit\.edu|thecvf\.com|ieee\.org|acm\.org|sciencedirect\.com|nature\.com|semanticscholar\.org|jmlr\.org|ijcai\.org|openreview\.net|aclanthology\.org|researchgate\.net|biorxiv\.org|medrxiv\.org|ssrn\.com|wiley\.com|tandfonline\.com|iclr\.cc|icml\.cc)\//i

/**
 * Recognises a paper link: arXiv (abs/pdf/html, any version), Hugging Face papers and DOI links
 * give an identifier; OpenReview (`forum?id=`), ACL Anthology and known publishers a paper page.
 */
export function paperLink(url: string): PaperLink | null {
  const arxiv = arxivIdFromUrl(url)
  if (arxiv) return { kind: 'arxiv', arxiv, url }
  if (/^https?:\/\/(?:dx\.|www\.)?doi\.org\//i.test(url)) {
    const read = readDoi(url)
    if (read.arxiv) return { kind: 'arxiv', arxiv: read.arxiv, url }
    if (read.doi) return { kind: 'doi', doi: read.doi, url }
  }
  const openreview = OPENREVIEW.exec(url)
  if (openreview) {
    return { kind: 'page', pdfUrl: `https://openreview.net/pdf?id=${openreview[1]}`, url }
  }
  const acl = ACL.exec(url)
  if (acl?.[1] && /\d/.test(acl[1])) {
    return { kind: 'page', pdfUrl: `https://aclanthology.org/${acl[1]}.pdf`, url }
  }
  if (PAPER_HOSTS.test(url)) {
    return { kind: 'page', pdfUrl: /\.pdf(?:[?#].*)?$/i.test(url) ? url : null, url }
  }
  return null
}

/** True for a link to a code repository (GitHub or GitLab owner/repo). */
export function isCodeLink(link: ListLink): boolean {
  return CODE_HOST.test(link.url)
}

/** True for a link whose words say it is a project page. */
export function isProjectLink(link: ListLink): boolean {
  return /^https?:\/\//i.test(link.url) && PROJECT_TEXT.test(link.text) && !isCodeLink(link)
}

/** The repository URL of a code link, without tree/blob paths (`https://github.com/owner/repo`). */
export function repositoryUrl(url: string): string {
  return CODE_HOST.exec(url)?.[0].replace(/\.git$/, '') ?? url
}

/** True for a link's words that name the kind of link, not the paper (`[paper]`, `[PDF]`, `arXiv`). */
export function isGenericLinkText(text: string): boolean {
  return /^\W*(?:paper|pdf|arxiv|link|abs|abstract|openreview|hf|hugging\s*face|doi|acl|url|here|\d+)\W*$/i.test(
    text.trim(),
  )
}
