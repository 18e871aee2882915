import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/**
 * The report's markdown (findings, comparison, legend) as HTML, through micromark
 * with GitHub's extensions. micromark's defaults are the safety here: raw HTML in
 * the markdown is written out as text (allowDangerousHtml off) and links with
 * script-capable protocols lose their href (allowDangerousProtocol off).
 */
export const markdownToHtml = (markdown: string): string => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
