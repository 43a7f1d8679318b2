/** Types of build.mjs, for the tests that import it. */
export declare const DEFAULT_BASE_URL: string;
export declare const BUDGET_BYTES: number;
export declare function build(options?: { baseUrl?: string; outdir?: string; quiet?: boolean }): Promise<{
  outdir: string;
  baseUrl: string;
  taskpaneBytes: number;
  taskpaneGzipBytes: number;
}>;
export declare function normalizeBaseUrl(url: string): string;
export declare function manifestFor(baseUrl: string): string;
export declare function functionsMetadata(): Promise<string>;
export declare function icon(size: number): Buffer;
