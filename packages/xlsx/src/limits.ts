/**
 * Caps that keep a hostile or broken workbook from exhausting memory or time. Every check reads sizes
 * from the zip's central directory or counts while streaming, before anything is held whole.
 */

/** Resource caps for reading a workbook. */
export interface Limits {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Largest total uncompressed size of all zip entries, in bytes. */
  readonly maxUncompressed: number;
  /** Largest compression ratio (uncompressed / compressed) of an entry above {@link RATIO_FLOOR} bytes. */
  readonly maxRatio: number;
  /** Most cells in the whole workbook (declared by `<dimension>` or counted). */
  readonly maxCells: number;
}

/**
 * The defaults: 100 MB files, 200 MB uncompressed, 100:1 for large entries, 2,000,000 cells.
 *
 * @example
 * ```ts
 * const limits = { ...DEFAULT_LIMITS, maxCells: 100_000 };
 * ```
 */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxBytes: 100 * 1024 * 1024,
  maxUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
  maxCells: 2_000_000,
});

/**
 * Entries smaller than this are exempt from the ratio check: tiny parts of repeated XML compress far
 * beyond 100:1 without being dangerous.
 *
 * @example
 * ```ts
 * RATIO_FLOOR; // 1048576: entries up to 1 MiB uncompressed may compress at any ratio
 * ```
 */
export const RATIO_FLOOR = 1024 * 1024;

/**
 * Fills missing fields of partial limits with {@link DEFAULT_LIMITS}.
 *
 * @example
 * ```ts
 * resolveLimits({ maxCells: 10 }).maxBytes; // 104857600
 * ```
 */
export function resolveLimits(limits?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(limits ?? {}) };
}
