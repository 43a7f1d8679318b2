import * as fsp from "node:fs/promises";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withFileLock, writeFileAtomic, type AtomicFs } from "./atomic";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "yusuan-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("writeFileAtomic", () => {
  it("creates a new file", async () => {
    const path = join(dir, "新.xlsx");
    await writeFileAtomic(path, bytes("new"));
    expect(await readFile(path, "utf8")).toBe("new");
    expect(await readdir(dir)).toEqual(["新.xlsx"]);
  });

  it("replaces a file and keeps a .bak copy when asked", async () => {
    const path = join(dir, "预算.xlsx");
    await writeFile(path, "old");
    await writeFileAtomic(path, bytes("new"), { backup: true });
    expect(await readFile(path, "utf8")).toBe("new");
    expect(await readFile(`${path}.bak`, "utf8")).toBe("old");
    expect((await readdir(dir)).sort()).toEqual(["预算.xlsx", "预算.xlsx.bak"]);
  });

  it("does not write a backup unless asked", async () => {
    const path = join(dir, "a.xlsx");
    await writeFile(path, "old");
    await writeFileAtomic(path, bytes("new"));
    expect(await readdir(dir)).toEqual(["a.xlsx"]);
  });

  it("leaves the original intact and no temporary file when a write fails midway", async () => {
    const path = join(dir, "预算.xlsx");
    await writeFile(path, "original content");
    const failing: AtomicFs = {
      ...fsp,
      open: async (p, flags, mode) => {
        const handle = await fsp.open(p, flags, mode);
        let calls = 0;
        return {
          write: (async (data: Uint8Array, offset: number, length: number) => {
            // The first call writes half, the second fails, as a full disk would.
            if (calls++ > 0) throw new Error("ENOSPC: no space left on device");
            return handle.write(data, offset, Math.max(1, Math.floor(length / 2)));
          }) as unknown as fsp.FileHandle["write"],
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(
      writeFileAtomic(path, bytes("a much longer new content"), { fs: failing, backup: true }),
    ).rejects.toThrow(/ENOSPC/);
    expect(await readFile(path, "utf8")).toBe("original content");
    expect(await readdir(dir)).toEqual(["预算.xlsx"]);
  });

  it("leaves the original intact when the rename fails", async () => {
    const path = join(dir, "b.xlsx");
    await writeFile(path, "original");
    const failing: AtomicFs = {
      ...fsp,
      rename: async () => {
        throw new Error("EXDEV: rename failed");
      },
    };
    await expect(writeFileAtomic(path, bytes("new"), { fs: failing })).rejects.toThrow(/EXDEV/);
    expect(await readFile(path, "utf8")).toBe("original");
    expect(await readdir(dir)).toEqual(["b.xlsx"]);
  });
});

describe("withFileLock and locks left by killed runs", () => {
  it("takes over a lock whose process is gone, and one left empty by a run killed while making it", async () => {
    const path = join(dir, "预算.xlsx");
    await writeFile(path, "x");
    // A process number that is not running.
    await writeFile(`${path}.lock`, "999999999\n");
    expect(await withFileLock(path, async () => "dead holder", { waitMs: 500 })).toBe("dead holder");
    await writeFile(`${path}.lock`, "");
    const old = new Date(Date.now() - 10_000);
    await fsp.utimes(`${path}.lock`, old, old);
    expect(await withFileLock(path, async () => "empty lock", { waitMs: 500 })).toBe("empty lock");
    expect((await readdir(dir)).sort()).toEqual(["预算.xlsx"]);
  });

  it("waits for a live holder and then says the file is locked", async () => {
    const path = join(dir, "预算.xlsx");
    await writeFile(path, "x");
    await writeFile(`${path}.lock`, `${process.ppid}\n`);
    await expect(withFileLock(path, async () => "never", { waitMs: 200 })).rejects.toThrow();
    // A fresh empty lock may be a live run that has not written its number yet: it is waited for too.
    await writeFile(`${path}.lock`, "");
    await expect(withFileLock(path, async () => "never", { waitMs: 200 })).rejects.toThrow();
  });
});
