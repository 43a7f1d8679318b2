/**
 * Replacing a user's workbook must never leave it half-written: write a temporary file beside it,
 * flush it to disk, then rename it over the original in one step.
 */
import type { FileHandle } from "node:fs/promises";

/**
 * The file-system calls {@link writeFileAtomic} makes; tests pass a wrapper that fails on purpose.
 *
 * @example
 * ```ts
 * import * as fsp from "node:fs/promises";
 * const failing: AtomicFs = { ...fsp, rename: async () => { throw new Error("disk full"); } };
 * ```
 */
export interface AtomicFs {
  open(path: string, flags: string, mode?: number): Promise<Pick<FileHandle, "write" | "sync" | "close">>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ mode: number }>;
}

/**
 * Writes `data` to `path` atomically: a temporary file in the same directory, fsync, then rename.
 * With `backup: true` the previous file is first copied to `<path>.bak`. If anything fails, the
 * temporary file is removed, the original is left as it was, and the error is rethrown.
 *
 * @example
 * ```ts
 * await writeFileAtomic("2024年部门预算.xlsx", bytes, { backup: true });
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  options?: { backup?: boolean; fs?: AtomicFs },
): Promise<void> {
  const fsp = await import("node:fs/promises");
  const { dirname, basename, join } = await import("node:path");
  const fs: AtomicFs = options?.fs ?? fsp;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);

  let mode: number | undefined;
  try {
    mode = (await fs.stat(path)).mode & 0o7777;
  } catch {
    mode = undefined;
  }

  let handle: Pick<FileHandle, "write" | "sync" | "close"> | undefined;
  try {
    handle = await fs.open(tmp, "wx", mode ?? 0o666);
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await handle.write(data, written, data.length - written);
      if (bytesWritten <= 0) throw new Error(`short write to ${tmp}`);
      written += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    // Copy, not rename: the original must stay in place until the new file replaces it.
    if (options?.backup && mode !== undefined) await fs.copyFile(path, `${path}.bak`);
    await fs.rename(tmp, path);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable where the platform allows opening a directory. */
async function syncDirectory(dir: string): Promise<void> {
  const { open } = await import("node:fs/promises");
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for syncing; the rename is still atomic there.
  }
}
