// Shared by the CLI's benchmark scripts: run a command and sample its peak memory and CPU from /proc.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Runs a command, sampling its peak resident memory (VmHWM) and CPU time (all threads, user + system)
 * from /proc; returns wall seconds, CPU seconds and MB.
 */
export function measure(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
    let peak = 0;
    let cpu = 0;
    let mainCpu = 0;
    const ticks = (statFile) => {
      const stat = readFileSync(statFile, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(f[11]) + Number(f[12])) / 100;
    };
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
        cpu = ticks(`/proc/${child.pid}/stat`);
        mainCpu = ticks(`/proc/${child.pid}/task/${child.pid}/stat`);
      } catch {}
    };
    const timer = setInterval(sample, 10);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu, mainCpu, peakMB: peak, code });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
