// Throughput of parseAmount and formatAmount against plain decimal.js, measured in one run.
// Run after a build: `npx tsup && node bench.mjs` (optionally `node bench.mjs 500000` for more strings).
import { Decimal } from "decimal.js";
import { formatAmount, parseAmount } from "./dist/index.js";

const COUNT = Number(process.argv[2] ?? 200_000);
const ROUNDS = 7;

// A fixed-seed generator, so that every run measures the same strings.
let seed = 0x9e3779b9;
function random() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
}
const int = (max) => Math.floor(random() * max);
const digits = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 + int(9) : int(10))).join("");
const grouped = (s) => s.replace(/\B(?=(\d{3})+$)/g, ",");
const fullWidth = (s) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Cells as budget tables, narratives and PDF extractions show them. */
function realistic() {
  const r = random();
  const yuan = digits(1 + int(9));
  const cents = String(int(100)).padStart(2, "0");
  if (r < 0.55) return `${grouped(yuan)}.${cents}`; // table cell "58,121,209.78"
  if (r < 0.65) return `${yuan}.${cents.slice(0, 1 + int(2))}`; // typed "1234.5"
  if (r < 0.75) return ["", "—", "-", "0.00", " ", "–"][int(6)]; // blank cells
  if (r < 0.83) return `${digits(1 + int(4))}.${cents}万元`; // narrative "5812.12万元"
  if (r < 0.88) return `(${grouped(yuan)}.${cents})`; // negative in parentheses
  if (r < 0.94) return fullWidth(`${grouped(yuan)}.${cents}`); // full-width digits
  return `${digits(1 + int(3))}. ${digits(4)}`; // stray space "493. 3642"
}

const inputs = Array.from({ length: COUNT }, realistic);
// The baseline gets the work parseAmount does for free: strings already cleaned to plain decimals.
const parsed = inputs.map((s) => {
  const r = parseAmount(s);
  if (!r.ok) throw new Error(`bench input does not parse: ${JSON.stringify(s)}`);
  return r;
});
const cleaned = parsed.map((r) => (r.blank ? "0" : r.normalized));
const amounts = parsed.map((r) => r.amount);
const decimals = cleaned.map((s) => new Decimal(s));

let sink = 0;
/** Best ops/sec of each function; rounds alternate between the two so that load on the machine hits both alike. */
function measurePair(ours, base) {
  ours();
  base(); // warm-up
  const best = [Infinity, Infinity];
  for (let round = 0; round < ROUNDS; round++) {
    [ours, base].forEach((fn, k) => {
      const start = process.hrtime.bigint();
      fn();
      best[k] = Math.min(best[k], Number(process.hrtime.bigint() - start));
    });
  }
  return best.map((ns) => (COUNT / ns) * 1e9);
}

const [parseOurs, parseBase] = measurePair(
  () => {
    for (const s of inputs) sink += parseAmount(s).ok ? 1 : 0;
  },
  () => {
    for (const s of cleaned) sink += new Decimal(s).e;
  },
);
const [formatOurs, formatBase] = measurePair(
  () => {
    for (const a of amounts) sink += formatAmount(a).length;
  },
  () => {
    for (const d of decimals) sink += d.toFixed(2).length;
  },
);
const results = [
  {
    name: "parse",
    oursLabel: "parseAmount(raw)",
    ours: parseOurs,
    baseLabel: "new Decimal(cleaned)",
    base: parseBase,
  },
  {
    name: "format",
    oursLabel: "formatAmount(a)",
    ours: formatOurs,
    baseLabel: "Decimal#toFixed(2)",
    base: formatBase,
  },
];

const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(
  `@yusuan/money, ${COUNT.toLocaleString("en-US")} realistic strings, best of ${ROUNDS} rounds, Node ${process.version}`,
);
console.log("");
console.log("| operation | @yusuan/money | ops/sec | baseline | ops/sec | time ratio (ours / baseline) |");
console.log("|---|---|---:|---|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.name} | \`${r.oursLabel}\` | ${fmt(r.ours)} | \`${r.baseLabel}\` | ${fmt(r.base)} | ${(r.base / r.ours).toFixed(2)}× |`,
  );
}
if (sink === 42) console.log(""); // keeps the measured work observable
