// Benchmark: recognize + check (analyze) on the sample, and on synthetic documents of the same shape
// with about 10× and 100× the rows. Prints medians and the time ratios, which should stay near the
// row ratios (linear). Run against the built package: `npm run build && node packages/disclosure/bench.mjs`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { analyze, readTextDocument } from "./dist/index.js";

const sample = readFileSync(fileURLToPath(new URL("../../examples/sample.txt", import.meta.url)), "utf8");

/** A document in the sample's text format with classes × kuan × xiang functional rows, all consistent. */
function synthetic(classes, kuan, xiang) {
  const fmt = (cents) => {
    const s = String(cents).padStart(3, "0");
    return `${s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${s.slice(-2)}`;
  };
  const rows = [];
  let total = [0n, 0n, 0n];
  const classTotals = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return BigInt(seed % 100000) * 100n + 100n;
  };
  for (let c = 0; c < classes; c++) {
    const cc = String(201 + c);
    const block = [];
    let ct = [0n, 0n, 0n];
    for (let k = 1; k <= kuan; k++) {
      const kk = String(k).padStart(2, "0");
      let kt = [0n, 0n, 0n];
      const items = [];
      for (let x = 1; x <= xiang; x++) {
        const basic = rand();
        const project = rand();
        items.push([cc, kk, `${String(x).padStart(2, "0")} 测试项目${x}`, basic + project, basic, project]);
        kt = [kt[0] + basic + project, kt[1] + basic, kt[2] + project];
      }
      block.push([cc, kk, `测试款${k}`, ...kt], ...items);
      ct = ct.map((v, i) => v + kt[i]);
    }
    rows.push([cc, "", `测试类${c}`, ...ct], ...block);
    classTotals.push([cc, ct[0]]);
    total = total.map((v, i) => v + ct[i]);
  }
  const line = (r) => `${r[0]}\t${r[1]}\t${r[2]}\t${fmt(r[3])}\t${fmt(r[4])}\t${fmt(r[5])}`;
  const head = (t) => [`2025年部门${t}`, "编制部门：测试部门", "单位：元"];
  const out = ["测试区2025年区级部门预算", "预算主管部门：测试部门"];
  out.push(...head("财务收支预算总表"), "本年收入\t\t本年支出\t", "项目\t预算数\t项目\t预算数");
  out.push(`一、财政拨款收入\t${fmt(total[0])}\t\t`, `1. 一般公共预算资金\t${fmt(total[0])}\t\t`);
  for (const [cc, v] of classTotals) out.push(`\t\t${cc}测试类\t${fmt(v)}`);
  out.push(`收入总计\t${fmt(total[0])}\t支出总计\t${fmt(total[0])}`);
  out.push(
    ...head("收入预算总表"),
    "项目\t\t\t收入预算\t\t\t\t",
    "功能分类科目编码\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入",
    "类\t款\t\t\t\t\t\t",
  );
  for (const r of rows) out.push(`${r[0]}\t${r[1]}\t${r[2]}\t${fmt(r[3])}\t${fmt(r[3])}\t\t\t`);
  out.push(`合计\t\t\t${fmt(total[0])}\t${fmt(total[0])}\t\t\t`);
  for (const t of ["支出预算总表", "一般公共预算支出功能分类预算表"]) {
    out.push(
      ...head(t),
      "项目\t\t\t支出预算\t\t",
      "功能分类科目编码\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
      "类\t款\t\t\t\t",
    );
    for (const r of rows) out.push(line(r));
    out.push(`合计\t\t\t${fmt(total[0])}\t${fmt(total[1])}\t${fmt(total[2])}`);
  }
  out.push(
    ...head("财政拨款收支预算总表"),
    "财政拨款收入\t\t财政拨款支出\t\t\t\t",
    "项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算",
  );
  out.push(`一、一般公共预算资金\t${fmt(total[0])}\t\t\t\t\t`);
  for (const [cc, v] of classTotals) out.push(`\t\t${cc}测试类\t${fmt(v)}\t${fmt(v)}\t\t`);
  out.push(`收入总计\t${fmt(total[0])}\t支出总计\t${fmt(total[0])}\t${fmt(total[0])}\t\t`);
  for (const [t, n] of [
    ["政府性基金预算支出功能分类预算表", "政府性基金"],
    ["国有资本经营预算支出功能分类预算表", "国有资本经营"],
  ]) {
    out.push(
      ...head(t),
      "项目\t\t\t支出\t\t",
      "功能分类科目编码\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
      "类\t款\t项\t\t\t",
      "合计\t\t\t\t\t",
      `注：本部门2025年无${n}预算安排的支出，故本表无数据。`,
    );
  }
  out.push(
    ...head("一般公共预算基本支出部门预算经济分类预算表"),
    "项目\t\t一般公共预算基本支出\t\t",
    "部门预算经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费",
    "类\t款\t\t\t\t",
  );
  out.push(
    `301\t\t工资福利支出\t${fmt(total[1])}\t${fmt(total[1])}\t`,
    `301\t01\t基本工资\t${fmt(total[1])}\t${fmt(total[1])}\t`,
    `合计\t\t\t${fmt(total[1])}\t${fmt(total[1])}\t`,
  );
  out.push(
    "2025年部门“三公”经费和机关运行经费预算表",
    "编制部门：测试部门",
    "单位：万元",
    "2025年“三公”经费预算数\t\t\t\t\t\t2025年机关运行经费预算数",
    "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t",
    "\t\t\t小计\t购置费\t运行费\t",
    "0.80\t\t0.80\t\t\t\t",
  );
  return { text: out.join("\n"), rows: rows.length };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(text, runs) {
  const grid = readTextDocument(text, "bench.txt");
  if (!grid.ok) throw new Error(grid.message);
  for (let i = 0; i < 50; i++) analyze(grid.grid); // warm up: compile the hot paths first
  const times = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    findings = analyze(grid.grid).findings.length;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), findings };
}

const s = measure(sample, 200);
const base = synthetic(2, 2, 3);
const x10 = synthetic(4, 5, 6);
const x100 = synthetic(10, 10, 12);
const b = measure(base.text, 100);
const b10 = measure(x10.text, 30);
const b100 = measure(x100.text, 10);
console.log(
  "| document | functional rows per table | median recognize + check (ms) | rows ratio | time ratio |",
);
console.log("|---|---:|---:|---:|---:|");
console.log(`| sample | 20 | ${s.ms.toFixed(2)} | | |`);
console.log(`| synthetic 1× | ${base.rows} | ${b.ms.toFixed(2)} | 1 | 1 |`);
console.log(
  `| synthetic 10× | ${x10.rows} | ${b10.ms.toFixed(2)} | ${(x10.rows / base.rows).toFixed(1)} | ${(b10.ms / b.ms).toFixed(1)} |`,
);
console.log(
  `| synthetic 100× | ${x100.rows} | ${b100.ms.toFixed(2)} | ${(x100.rows / base.rows).toFixed(1)} | ${(b100.ms / b.ms).toFixed(1)} |`,
);
console.log(`\nsample: ${s.findings} findings; target < 5 ms per document: ${s.ms < 5 ? "met" : "NOT met"}`);
