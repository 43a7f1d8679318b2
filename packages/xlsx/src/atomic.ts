/**
 * Replacing a user's workbook must never lose work: write a temporary file beside it, flush it to
 * disk, then rename it over the original in one step. A symbolic link is followed (its target is
 * written, the link stays a link); a read-only file is refused; owner and mode are kept where the
 * system allows; a file with several hard links is rewritten in place after the backup is safe, so
 * every link sees the new content. The backup (`.bak`) is written once, by the same temporary-file
 * and rename steps, and never overwritten or deleted by a later run: it keeps the first original.
 * {@link withFileLock} keeps two writers of one file apart.
 */
import type { FileHandle } from "node:fs/promises";

/**
 * The file-system calls {@link writeFileAtomic} makes that tests fail on purpose.
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

/** What {@link writeFileAtomic} did beyond writing the file, for the caller to tell the user. */
export interface AtomicReport {
  /** The file actually written (the target of a symbolic link). */
  readonly written: string;
  /** "written": a new .bak; "kept": an earlier .bak was left as it was; undefined: no backup asked or nothing to back up. */
  readonly backup?: "written" | "kept";
  /** Things the system did not allow (owner not kept, …), as "中文 / English". */
  readonly notes: string[];
}

/**
 * Thrown for a file that must not be replaced (read-only, not a regular file).
 *
 * @example
 * ```ts
 * try { await writeFileAtomic("只读.xlsx", bytes); }
 * catch (e) { if (e instanceof AtomicWriteRefused && e.code === "read-only") console.error(e.messageEn); }
 * ```
 */
export class AtomicWriteRefused extends Error {
  override readonly name = "AtomicWriteRefused";
  constructor(
    message: string,
    readonly messageEn: string,
    readonly code: "read-only" | "not-a-file",
  ) {
    super(message);
  }
}

/** Temporary files being written now, removed by {@link withFileLock} if the process is interrupted. */
const pending = new Set<string>();

/** The temporary files of this module: `.<name>.<pid>.<random>.tmp`. */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-z]+\.tmp$/;

/** How long a lock file may stay empty before it is taken for one left by a killed run. */
const EMPTY_LOCK_STALE_MS = 2_000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM";
  }
}

/**
 * Writes `data` to `path` atomically: a temporary file in the same directory, fsync, then rename.
 * With `backup: true` the previous file is first saved as `<path>.bak` — unless a `.bak` is already
 * there, which is kept (the first original of a run sequence is the one worth keeping). If anything
 * fails, the temporary files are removed, the original and any `.bak` are left as they were, and the
 * error is rethrown. Temporary files left by a killed run (their process is gone) are removed.
 * Throws {@link AtomicWriteRefused} for a read-only file or a path that is not a regular file.
 *
 * @example
 * ```ts
 * const report = await writeFileAtomic("2024年部门预算.xlsx", bytes, { backup: true });
 * report.backup; // "written" the first time, "kept" after
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  options?: { backup?: boolean; fs?: AtomicFs },
): Promise<AtomicReport> {
  const fsp = await import("node:fs/promises");
  const { dirname, basename, join } = await import("node:path");
  const fs: AtomicFs = options?.fs ?? fsp;
  const notes: string[] = [];

  // Follow a symbolic link: the file the user means is its target, and the link must stay a link.
  let target = path;
  try {
    target = await fsp.realpath(path);
  } catch {
    target = path;
  }
  let info: import("node:fs").Stats | undefined;
  try {
    info = await fsp.stat(target);
  } catch {
    info = undefined;
  }
  if (info && !info.isFile()) {
    throw new AtomicWriteRefused(
      `“${path}”不是普通文件，未写入。`,
      `"${path}" is not a regular file; nothing was written.`,
      "not-a-file",
    );
  }
  if (info) {
    try {
      await fsp.access(target, (await import("node:fs")).constants.W_OK);
    } catch {
      throw new AtomicWriteRefused(
        `“${path}”是只读文件，未改写。`,
        `"${path}" is read-only; it was not replaced.`,
        "read-only",
      );
    }
    if ((info.mode & 0o222) === 0) {
      throw new AtomicWriteRefused(
        `“${path}”是只读文件，未改写。`,
        `"${path}" is read-only; it was not replaced.`,
        "read-only",
      );
    }
  }
  const dir = dirname(target);
  const name = basename(target);
  await removeStaleTemps(dir, name);
  const tempName = (): string => {
    const t = join(
      dir,
      `.${name}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
    );
    pending.add(t);
    return t;
  };
  const mode = info ? info.mode & 0o7777 : undefined;

  let backup: AtomicReport["backup"];
  const saveBackup = async (): Promise<void> => {
    if (!options?.backup || !info) return;
    const bak = `${target}.bak`;
    if (await exists(bak)) {
      backup = "kept";
      return;
    }
    // The backup goes through a temporary file too: a failure never leaves half a .bak.
    const tmp = tempName();
    try {
      await fs.copyFile(target, tmp);
      await fs.rename(tmp, bak);
    } catch (e) {
      await fs.unlink(tmp).catch(() => undefined);
      throw e;
    } finally {
      pending.delete(tmp);
    }
    backup = "written";
  };

  const tmp = tempName();
  let handle: Pick<FileHandle, "write" | "sync" | "close"> | undefined;
  const inPlace = info !== undefined && info.nlink > 1;
  try {
    handle = await fs.open(tmp, "wx", mode ?? 0o666);
    await writeAll(handle, data, tmp);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (info && mode !== undefined) {
      // open() applies the umask; the original's exact mode and owner are put back.
      await fsp.chmod(tmp, mode).catch(() => undefined);
      if (
        typeof process.getuid === "function" &&
        (info.uid !== process.getuid() || info.gid !== process.getgid?.())
      ) {
        try {
          await fsp.chown(tmp, info.uid, info.gid);
        } catch {
          notes.push(
            `无法保留“${path}”的所有者（用户 ${info.uid}，组 ${info.gid}），新文件属于当前用户。 / Could not keep the owner of "${path}" (user ${info.uid}, group ${info.gid}); the new file belongs to the current user.`,
          );
        }
      }
    }
    // Only once the new content is safely on disk is the original copied aside.
    await saveBackup();
    if (inPlace) {
      // Several names share this file: renaming would split them. The backup (when asked) and the
      // complete temporary copy are safe, so the content is rewritten in place.
      const original = await fsp.open(target, "r+");
      try {
        await original.truncate(0);
        await writeAll(original, data, target);
        await original.sync();
      } finally {
        await original.close();
      }
      await fs.unlink(tmp).catch(() => undefined);
      if (!options?.backup) {
        notes.push(
          `“${path}”有 ${info!.nlink} 个硬链接，已原位改写以保持链接。 / "${path}" has ${info!.nlink} hard links; it was rewritten in place to keep them.`,
        );
      }
    } else {
      await fs.rename(tmp, target);
    }
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    pending.delete(tmp);
  }
  await syncDirectory(dir);
  return { written: target, ...(backup ? { backup } : {}), notes };
}

async function writeAll(handle: Pick<FileHandle, "write">, data: Uint8Array, where: string): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written);
    if (bytesWritten <= 0) throw new Error(`short write to ${where}`);
    written += bytesWritten;
  }
}

async function exists(path: string): Promise<boolean> {
  const { lstat } = await import("node:fs/promises");
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes this module's temporary files for `name` whose writing process is gone (a killed run). */
async function removeStaleTemps(dir: string, name: string): Promise<void> {
  const { readdir, unlink } = await import("node:fs/promises");
  const { join } = await import("node:path");
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMP.exec(entry);
    if (!m || m[1] !== name || alive(Number(m[2]))) continue;
    await unlink(join(dir, entry)).catch(() => undefined);
  }
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

/**
 * Thrown by {@link withFileLock} when another process holds the lock past the wait.
 *
 * @example
 * ```ts
 * try { await withFileLock("预算.xlsx", work, { waitMs: 0 }); }
 * catch (e) { if (e instanceof FileLocked) console.error(e.messageEn); }
 * ```
 */
export class FileLocked extends Error {
  override readonly name = "FileLocked";
  constructor(
    readonly path: string,
    readonly holder: number | undefined,
  ) {
    super(`“${path}”正被另一个进程${holder ? `（进程号 ${holder}）` : ""}改写，请稍后再试。`);
  }
  /** The English message. */
  get messageEn(): string {
    return `"${this.path}" is being written by another process${this.holder ? ` (pid ${this.holder})` : ""}; try again later.`;
  }
}

/**
 * Runs `fn` holding an exclusive lock on `path` (a `<path>.lock` file created exclusively, holding
 * the process id). A second caller waits up to `waitMs` (default 10 s), then gets {@link FileLocked}.
 * A lock left by a process that no longer runs is taken over. The lock is removed when `fn` ends, on
 * failure too, and when the process is interrupted (SIGINT, SIGTERM).
 *
 * @example
 * ```ts
 * await withFileLock("预算.xlsx", () => writeFileAtomic("预算.xlsx", bytes, { backup: true }));
 * ```
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options?: { waitMs?: number },
): Promise<T> {
  const fsp = await import("node:fs/promises");
  let real = path;
  try {
    real = await fsp.realpath(path);
  } catch {
    real = path;
  }
  const lock = `${real}.lock`;
  const deadline = Date.now() + (options?.waitMs ?? 10_000);
  let holder: number | undefined;
  for (;;) {
    try {
      const h = await fsp.open(lock, "wx", 0o644);
      await h.write(`${process.pid}\n`);
      await h.close();
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw e;
      const text = await fsp.readFile(lock, "utf8").catch(() => "");
      holder = Number.parseInt(text, 10) || undefined;
      if (holder !== undefined && !alive(holder)) {
        // The holder is gone (killed): its lock is stale. Remove it only if it is still that lock.
        const again = await fsp.readFile(lock, "utf8").catch(() => "");
        if (again === text) await fsp.unlink(lock).catch(() => undefined);
        continue;
      }
      // A lock without a process number: its maker was killed between creating and writing it. A live
      // maker writes it at once, so one that stays empty for a while is stale.
      if (holder === undefined) {
        const age = await fsp
          .stat(lock)
          .then((st) => Date.now() - st.mtimeMs)
          .catch(() => 0);
        if (age > EMPTY_LOCK_STALE_MS && (await fsp.readFile(lock, "utf8").catch(() => "x")) === "") {
          await fsp.unlink(lock).catch(() => undefined);
          continue;
        }
      }
      if (Date.now() >= deadline) throw new FileLocked(path, holder);
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 50)));
    }
  }
  // Synchronous: release must also run from a signal handler just before the process exits.
  const fs = await import("node:fs");
  const release = (): void => {
    try {
      if (fs.readFileSync(lock, "utf8").trim() === String(process.pid)) fs.unlinkSync(lock);
    } catch {
      // Already gone.
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const tmp of pending) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // Already renamed or removed.
      }
    }
    release();
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await fn();
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    release();
  }
}
