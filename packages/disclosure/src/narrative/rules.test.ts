import { describe, expect, it } from "vitest";
import type { Finding } from "../report";
import { narrativeRules } from "./rules";
import { SAMPLE, edited, findingsOf, lineOf } from "./test-helpers";

const sample = findingsOf(SAMPLE);
const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const fires = (rule: string, text: string) => of(findingsOf(text), rule);

describe("the sample's real findings", () => {
  it("are exactly these", () => {
    const got = sample.map((f) => `${f.severity} ${f.rule} ${f.row ?? ""} ${lineOf(f) ?? ""}`).sort();
    expect(got).toEqual(
      [
        "warning C1.rounding-residue 其他一般公共服务支出 95",
        // "比2024年预算持平" at line 89 and in the 三公 part (lines 309, 311): 持平 takes 与.
        "warning C2.chiping-wording 政府性基金拨款支出预算 89",
        "warning C2.chiping-wording 因公出国(境)费 309",
        "warning E2.indicators 社工 383",
        "error E1.performance-funds 安保经费 422",
        "warning E2.project-period 安保经费 438",
        "warning F1.stale-year 社工 339",
        "warning F1.stale-year 安保经费 422",
        "warning F1.stale-year 安保经费 422",
      ].sort(),
    );
  });

  it("explain 3823.35 as a rounding residue with both sides", () => {
    const f = of(sample, "C1.rounding-residue")[0]!;
    expect(f).toMatchObject({
      table: "N",
      column: "项目支出",
      expected: "3823.36",
      actual: "3823.35",
      difference: "-0.01",
      unit: "万元",
    });
    expect(f.message).toContain("1988.77 + 3823.35 = 5812.12");
    expect(f.message).toContain("38233551.78");
    expect(f.related?.[0]).toMatchObject({ table: "T5", column: "项目支出", location: { line: 210 } });
  });

  it("report the 安保 budget items against 493.3642万元", () => {
    const f = of(sample, "E1.performance-funds")[0]!;
    expect(f).toMatchObject({ table: "P", row: "安保经费", actual: "38394862", expected: "4933642" });
    expect(f.message).toContain("493.3642");
  });

  it("has English messages", () => {
    const en = findingsOf(SAMPLE, undefined, "en");
    expect(en.map((f) => f.fingerprint).sort()).toEqual(sample.map((f) => f.fingerprint).sort());
    expect(of(en, "C1.rounding-residue")[0]?.message).toContain("rounding residue");
  });

  it("every rule has both languages and unique ids", () => {
    expect(new Set(narrativeRules.map((r) => r.id)).size).toBe(narrativeRules.length);
    for (const r of narrativeRules)
      for (const t of [r.title, r.description, r.message])
        expect(t["zh-CN"].length * t.en.length).toBeGreaterThan(0);
  });
});

describe("C1 / C6: figures and items", () => {
  it("a wrong item amount is an error with the expected figure", () => {
    const f = fires("C1.narrative-figure", edited(["科目2476.36万元", "科目2476.46万元"]));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: "error",
      row: "执法办案",
      expected: "2476.36",
      actual: "2476.46",
      suggestion: "2476.36",
    });
  });
  it("a wrong total is an error against its table", () => {
    const f = fires("C1.narrative-figure", edited(["收入预算10576.72万元", "收入预算10576.27万元"]));
    expect(f.map((x) => x.row)).toEqual(["收入预算"]);
  });
  it("the residue turns into an error when the parts no longer add up", () => {
    const text = edited(["科目5812.12万元", "科目5812.13万元"]);
    expect(fires("C1.rounding-residue", text)).toHaveLength(0);
    expect(fires("C1.narrative-figure", text).map((x) => `${x.row}/${x.column}`)).toEqual([
      "其他一般公共服务支出/合计",
      "其他一般公共服务支出/项目支出",
    ]);
  });
  it("the rounded figure itself is quiet", () => {
    expect(
      fires("C1.rounding-residue", edited(["用于项目支出3823.35万元", "用于项目支出3823.36万元"])),
    ).toHaveLength(0);
  });
  it("an item not in T5 is an error; the items must account for the total", () => {
    expect(
      fires("C6.narrative-item", edited(["“执法办案”科目", "“执法办案费”科目"])).map((f) => f.row),
    ).toEqual(["执法办案费"]);
    const dropped = edited([
      "6. “住房公积金”科目90.58万元，主要用于按照国家规定为职工缴纳的住房公积金支出。",
      "",
    ]);
    const f = fires("C6.narrative-items-total", dropped);
    expect(f[0]).toMatchObject({ severity: "warning", actual: "10486.14", expected: "10576.72" });
    expect(of(sample, "C6.narrative-item").length + of(sample, "C6.narrative-items-total").length).toBe(0);
  });
});

describe("C2 / C3: comparisons", () => {
  it("the comparison year must be the year before", () => {
    const f = fires(
      "C2.year-comparison",
      edited(["比2024年预算减少3822.36万元；事业收入", "比2023年预算减少3822.36万元；事业收入"]),
    );
    expect(f.map((x) => [x.expected, x.actual])).toEqual([["2024", "2023"]]);
  });
  it("income and expenditure changes must agree", () => {
    const amount = fires(
      "C2.year-comparison",
      edited([
        "财政拨款支出预算10576.72万元，比2024年预算减少3822.36万元",
        "财政拨款支出预算10576.72万元，比2024年预算减少3822.46万元",
      ]),
    );
    expect(amount.map((x) => [x.row, x.expected, x.actual])).toEqual([
      ["财政拨款支出预算", "3822.36", "3822.46"],
    ]);
    const direction = fires(
      "C2.year-comparison",
      edited([
        "财政拨款支出预算10576.72万元，比2024年预算减少3822.36万元",
        "财政拨款支出预算10576.72万元，比2024年预算增加3822.36万元",
      ]),
    );
    expect(direction.some((x) => x.expected === "减少" && x.actual === "增加")).toBe(true);
  });
  it("the reason sentence must name the same direction", () => {
    const f = fires(
      "C2.year-comparison",
      edited(["财政拨款收入支出减少的主要原因", "财政拨款收入支出增加的主要原因"]),
    );
    expect(f.map((x) => x.column)).toEqual(["reason"]);
  });
  it("the baseline must be the same throughout", () => {
    const f = fires(
      "C2.year-comparison",
      edited(["0.8万元，比2024年预算减少0.12万元。其中", "0.8万元，比2024年预算执行数减少0.12万元。其中"]),
    );
    expect(f.map((x) => x.column)).toEqual(["baseline"]);
  });
  it("percentages: right size is quiet, wrong size or direction is an error", () => {
    const at = (p: string) =>
      fires(
        "C3.percentage",
        edited(["比2024年预算减少3822.36万元；事业收入", `比2024年预算减少3822.36万元，${p}；事业收入`]),
      );
    expect(at("下降26.55%")).toHaveLength(0);
    expect(at("下降30.00%")[0]).toMatchObject({ expected: "26.55", actual: "30.00" });
    expect(at("增长26.55%")).toHaveLength(1);
  });
});

describe("C4 / C5: 三公, 机关运行经费, 政府采购, 绩效目标", () => {
  it("三公 figures must equal T9", () => {
    const f = fires("C4.sangong-narrative", edited(["（三）公务接待费0.8万元", "（三）公务接待费0.9万元"]));
    expect(f[0]).toMatchObject({ row: "公务接待费", expected: "0.8", actual: "0.9" });
    expect(of(sample, "C4.sangong-narrative")).toHaveLength(0);
  });
  it("机关运行经费 in the narrative must equal T9; a body of 事业单位 has none (B7)", () => {
    const text = edited(["2025年本部门无机关运行经费。", "2025年本部门机关运行经费预算为1.5万元。"]);
    const fs = findingsOf(text);
    expect(of(fs, "C4.jiguan-narrative")[0]).toMatchObject({ actual: "1.5", expected: "0" });
    expect(of(fs, "B7.jiguan-yunxing")[0]).toMatchObject({ actual: "1.5", expected: "0" });
    expect(of(sample, "C4.jiguan-narrative").length + of(sample, "B7.jiguan-yunxing").length).toBe(0);
  });
  it("a body of 事业单位 must say it has no 机关运行经费", () => {
    expect(
      fires(
        "B7.jiguan-yunxing",
        edited(["2025年本部门无机关运行经费。", "2025年本部门机关运行经费情况见表9。"]),
      ),
    ).toHaveLength(1);
  });
  it("政府采购 total = 货物 + 工程 + 服务; 小微 ≤ 中小企业", () => {
    expect(
      fires("C4.procurement-total", edited(["政府采购服务预算9万元", "政府采购服务预算7万元"]))[0],
    ).toMatchObject({ actual: "9", expected: "7" });
    expect(
      fires(
        "C4.procurement-total",
        edited(["企业的政府采购项目预算为0万元", "企业的政府采购项目预算为11万元"]),
      )[0],
    ).toMatchObject({ column: "小型和微型企业" });
    expect(of(sample, "C4.procurement-total")).toHaveLength(0);
  });
  it("绩效目标 amount: more than T3 is an error, less a note; the count must be positive", () => {
    expect(fires("C5.performance-amount", edited(["资金7778.53万元", "资金7800.00万元"]))[0]).toMatchObject({
      severity: "error",
      expected: "7778.53",
    });
    expect(
      fires("C5.performance-amount-note", edited(["资金7778.53万元", "资金7700.00万元"]))[0]?.severity,
    ).toBe("info");
    expect(fires("C5.performance-count", edited(["项目37个", "项目0个"]))).toHaveLength(1);
    expect(sample.filter((f) => f.rule.startsWith("C5"))).toHaveLength(0);
  });
});

describe("D5 / B7: completeness and structure", () => {
  it("a missing part is an error", () => {
    const text = edited(["五、国有资产占用情况\n", ""]);
    const f = fires("D5.narrative-part", text);
    expect(f.map((x) => x.row)).toContain("国有资产占用");
    expect(f[0]?.table).toBe("D");
  });
  it("each 三公 item needs its reason", () => {
    const f = fires(
      "D5.narrative-part",
      edited(["减少0.12万元，主要原因是按实际需要调整。", "减少0.12万元。"]),
    );
    expect(f.map((x) => `${x.row}/${x.column}`)).toEqual(["公务接待费/sangongReason"]);
    expect(of(sample, "D5.narrative-part")).toHaveLength(0);
  });
  it("机构设置 counts must agree with the entries", () => {
    const f = fires("D5.structure-count", edited(["下属4家预算单位", "下属5家预算单位"]));
    expect(f.map((x) => [x.expected, x.actual])).toEqual([
      ["6", "5"],
      ["6", "5"],
    ]);
    expect(of(sample, "D5.structure-count")).toHaveLength(0);
  });
});

describe("E: project sections", () => {
  it("年度预算安排 items must add up to the stated total", () => {
    const f = fires("E1.project-breakdown", edited(["电信费165000元", "电信费165100元"]));
    expect(f[0]).toMatchObject({ row: "社工", actual: "27247657", expected: "27247757", difference: "-100" });
    expect(of(sample, "E1.project-breakdown")).toHaveLength(0);
  });
  it("项目资金总额 = 财政资金 + 其他资金; 社工 and 视频 agree with their tables", () => {
    const f = fires("E1.performance-funds", edited(["其中：财政资金\t2,724.77", "其中：财政资金\t2,700.00"]));
    expect(f.map((x) => [x.row, x.column])).toContainEqual(["社工", "项目资金总额"]);
    expect(of(sample, "E1.performance-funds").map((x) => x.row)).toEqual(["安保经费"]);
  });
  it("dates outside the budget year are reported", () => {
    const f = fires("E2.project-period", edited(["计划完成日期\t2025/12/31", "计划完成日期\t2026/12/31"]));
    expect(f.map((x) => `${x.row}/${x.column}`)).toContain("社工/计划完成日期");
    expect(of(sample, "E2.project-period").map((x) => x.row)).toEqual(["安保经费"]);
  });
  it("indicators must cover 产出/效益/满意度 with values", () => {
    const f = fires("E2.indicators", edited(["\t时效指标\t视频图像监控系统故障处置及时性\t24小时内\n", ""]));
    expect(f.map((x) => `${x.row}/${x.column}`)).toContain("视频图像监控系统租赁经费/coverage");
    expect(of(sample, "E2.indicators").map((x) => `${x.row}/${x.column}`)).toEqual(["社工/value"]);
  });
});

describe("F: text hygiene", () => {
  it("stale years in purpose statements, not in document numbers, titles or history", () => {
    const lines = of(sample, "F1.stale-year").map(lineOf);
    expect(lines).toEqual([339, 422, 422]);
    expect(fires("F1.stale-year", edited(["2021年7月起", "2021年7月"])).map(lineOf)).toContain(351);
  });
  it("placeholders", () => {
    expect(fires("F2.placeholder", edited(["其他收入0万元。", "其他收入XX万元。"]))).toHaveLength(1);
    expect(of(sample, "F2.placeholder")).toHaveLength(0);
  });
  it("truncated sentences", () => {
    expect(
      fires("F2.truncated", edited(["主要原因是按实际需要调整预算。", "主要原因是。"]))[0],
    ).toMatchObject({ severity: "error" });
    expect(of(sample, "F2.truncated")).toHaveLength(0);
  });
  it("doubled or missing punctuation, but not headings, list items or the stray period line", () => {
    expect(
      fires("F2.punctuation", edited(["主要原因是按实际需要调整预算。", "主要原因是按实际需要调整预算。。"])),
    ).toHaveLength(1);
    expect(
      fires("F2.punctuation", edited(["缴纳基本医疗保险费的支出。", "缴纳基本医疗保险费的支出"])),
    ).toHaveLength(1);
    expect(of(sample, "F2.punctuation")).toHaveLength(0);
  });
  it("unbalanced quotes", () => {
    expect(fires("F2.quotes", edited(["“执法办案”科目", "“执法办案科目"]))).toHaveLength(1);
    expect(of(sample, "F2.quotes")).toHaveLength(0);
  });
  it("市级 in a town document; 区级 is allowed", () => {
    expect(fires("F3.level-word", edited(["是区级预算主管部门", "是市级预算主管部门"]))).toHaveLength(1);
    expect(of(sample, "F3.level-word")).toHaveLength(0);
  });
  it("部门 wording in a 单位 document", () => {
    const f = findingsOf(SAMPLE, (d) => ({ ...d, document: { ...d.document, kind: "单位预算" } }));
    expect(of(f, "F3.kind-word").length).toBeGreaterThan(0);
    expect(of(f, "F3.kind-word")[0]?.message).toContain("本部门");
    expect(of(sample, "F3.kind-word")).toHaveLength(0);
  });
});

describe("speed", () => {
  it("parses and checks the sample in a few milliseconds", () => {
    for (let i = 0; i < 10; i++) findingsOf(SAMPLE);
    const start = performance.now();
    for (let i = 0; i < 20; i++) findingsOf(SAMPLE);
    // Includes reading and recognising the text; generous to stay stable on a busy machine.
    expect((performance.now() - start) / 20).toBeLessThan(50);
  });
});
