/**
 * Entry of dist/pdf.js: the PDF reader of the standalone checker (@yusuan/pdf with pdfjs-dist, about
 * 2 MB), loaded only when a PDF is dropped. pdfjs runs in the page's thread (no worker, nothing fetched).
 * It publishes `window.yusuanPdf`.
 */
import { readPdf } from "@yusuan/pdf";

(window as unknown as { yusuanPdf: { readPdf: typeof readPdf } }).yusuanPdf = { readPdf };
