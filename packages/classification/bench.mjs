// Throughput of catalog lookup by code and of parseCode, against a plain Map.get measured in the
// same run. Runs on the built package: `npx tsup && node bench.mjs`.
import { getCatalog, parseCode } from "./dist/index.js";

const N = 500_000;
const ROUNDS = 7;

const catalog = getCatalog("functional");
const codes = [...catalog.entries()].map((e) => e.code);
// One in eight lookups misses, as a code unknown to the catalog would.
const keys = Array.from({ length: N }, (_, i) =>
  i % 8 === 7 ? `2${String(i % 1000).padStart(6, "0")}` : codes[i % codes.length],
);
const plain = new Map([...catalog.entries()].map((e) => [e.code, e]));

// Split forms as printed in table columns, with the 项 digits in the name cell for one in three.
const splitInputs = Array.from({ length: N }, (_, i) => {
  const code = codes[i % codes.length];
  const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
  return i % 3 === 0 && code.length === 7
    ? { parts: parts.slice(0, 2), nameCell: `${parts[2]} ${catalog.get(code).name}` }
    : { parts, nameCell: undefined };
});

let sink = 0;

function time(fn) {
  const samples = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]; // median ms
}

const cases = [
  [
    "Map.get (baseline)",
    () => {
      for (let i = 0; i < N; i++) if (plain.get(keys[i]) !== undefined) sink++;
    },
  ],
  [
    "catalog.get",
    () => {
      for (let i = 0; i < N; i++) if (catalog.get(keys[i]) !== undefined) sink++;
    },
  ],
  [
    'parseCode joined ("2019999")',
    () => {
      for (let i = 0; i < N; i++) if (parseCode(keys[i]).ok) sink++;
    },
  ],
  [
    "parseCode split / name cell",
    () => {
      for (let i = 0; i < N; i++) {
        const s = splitInputs[i];
        const r =
          s.nameCell === undefined ? parseCode(s.parts) : parseCode(s.parts, { nameCell: s.nameCell });
        if (r.ok) sink++;
      }
    },
  ],
  [
    "parseCode + catalog.get",
    () => {
      for (let i = 0; i < N; i++) {
        const r = parseCode(keys[i]);
        if (r.ok && catalog.get(r.code) !== undefined) sink++;
      }
    },
  ],
];

// Warm up every case so that each is measured with optimised code.
for (const [, fn] of cases) fn();

console.log(
  `@yusuan/classification bench: ${N.toLocaleString("en-US")} operations per round, median of ${ROUNDS} rounds, Node ${process.version}`,
);
let baseline = 0;
for (const [name, fn] of cases) {
  const ms = time(fn);
  if (baseline === 0) baseline = ms;
  const opsPerSec = Math.round((N / ms) * 1000);
  console.log(
    `${name.padEnd(30)} ${ms.toFixed(2).padStart(8)} ms  ${opsPerSec.toLocaleString("en-US").padStart(13)} ops/sec  ${(ms / baseline).toFixed(2).padStart(6)}× Map.get time`,
  );
}
if (sink === 0) console.log("(no hits)");
