import { describe, expect, it } from "vitest";
import { parseNarrative } from "./model";
import { NarrativeSchema } from "./model";
import { SAMPLE, disclosureOf, edited } from "./test-helpers";

const n = parseNarrative(disclosureOf(SAMPLE));

describe("parseNarrative on the sample", () => {
  it("splits the chapters after the table of contents, with the parts of 其他相关情况说明", () => {
    const kinds = n.chapters.map((c) => c.kind);
    expect(kinds).toEqual([
      "封面",
      "目录",
      "职能",
      "机构设置",
      "名词解释",
      "编制说明",
      "其他说明",
      "三公",
      "机关运行经费",
      "政府采购",
      "绩效目标",
      "国有资产占用",
      "项目",
      "项目",
      "项目",
    ]);
    expect(n.chapters.find((c) => c.kind === "三公")?.parent).toBe("其他说明");
    expect(n.chapters.find((c) => c.kind === "编制说明")?.location).toEqual({ line: 85 });
  });

  it("gives each figure of 编制说明 its subject", () => {
    const subject = (text: string, i = 0) => n.figures.filter((f) => f.text === text)[i]?.subject;
    expect(subject("10576.72万元", 0)).toBe("收入预算");
    expect(subject("10576.72万元", 1)).toBe("财政拨款收入");
    expect(subject("10576.72万元", 2)).toBe("支出预算");
    expect(subject("10576.72万元", 3)).toBe("财政拨款支出预算");
    expect(subject("10576.72万元", 4)).toBe("一般公共预算拨款支出预算");
    expect(n.figures.filter((f) => f.subject === "事业收入").map((f) => f.value)).toEqual(["0"]);
    expect(n.figures.find((f) => f.subject === "绩效目标金额")?.value).toBe("7778.53");
    expect(n.figures.find((f) => f.subject === "绩效目标项目数")?.value).toBe("37");
    expect(n.figures.find((f) => f.subject === "政府采购服务")?.value).toBe("9");
    expect(n.figures.find((f) => f.subject === "小型和微型企业预留")?.value).toBe("0");
  });

  it("reads the items with their 基本支出 / 项目支出 split and positions", () => {
    expect(n.items.map((i) => [i.name, i.amount.value])).toEqual([
      ["其他一般公共服务支出", "5812.12"],
      ["执法办案", "2476.36"],
      ["社会保障和就业支出", "595.78"],
      ["事业单位医疗", "123.06"],
      ["其他城乡社区管理事务支出", "1478.82"],
      ["住房公积金", "90.58"],
    ]);
    const first = n.items[0]!;
    expect(first.basic?.value).toBe("1988.77");
    expect(first.project?.value).toBe("3823.35");
    expect(first.project?.position.location).toEqual({ line: 95 });
    expect(SAMPLE.split("\n")[94]!.slice(first.project!.position.offset).startsWith("3823.35万元")).toBe(
      true,
    );
  });

  it("reads the year-on-year statements with their subjects", () => {
    const c = n.changes.map((x) => [x.subject, x.year, x.direction, x.amount?.value ?? null]);
    expect(c.slice(0, 4)).toEqual([
      ["财政拨款收入", 2024, "减少", "3822.36"],
      ["财政拨款支出预算", 2024, "减少", "3822.36"],
      ["一般公共预算拨款支出预算", 2024, "减少", "3822.36"],
      ["政府性基金拨款支出预算", 2024, "持平", null],
    ]);
    expect(n.reasonDirections.map((r) => r.direction)).toEqual(["减少"]);
  });

  it("reads 机构设置, 三公 statements and 无机关运行经费", () => {
    expect(n.structure?.subordinates).toBe(4);
    expect(n.structure?.counts).toEqual({ 事业单位: 5 });
    expect(n.structure?.entries.map((e) => e.name)).toEqual([
      "上海市闵行区浦江镇社区党群服务中心本部",
      "平安办",
      "信访办",
      "人才办",
      "司法所",
    ]);
    const reception = n.sangong.find((s) => s.item === "公务接待费");
    expect(reception?.amount?.value).toBe("0.8");
    expect(reception?.change?.amount?.value).toBe("0.12");
    expect(reception?.reason).toBe("按实际需要调整");
    expect(n.jiguanNone?.location).toEqual({ line: 317 });
  });

  it("classifies year references by context", () => {
    const at = (line: number) =>
      n.years
        .filter(
          (y) => y.position.location && "line" in y.position.location && y.position.location.line === line,
        )
        .map((y) => `${y.year}:${y.context}`);
    expect(at(339)).toEqual([
      "2019:document-number",
      "2022:title",
      "2021:document-number",
      "2022:title",
      "2022:plain",
    ]);
    expect(at(339)).toContain("2022:plain");
    expect(at(339)).toContain("2022:title");
    expect(at(339)).toContain("2021:document-number");
    expect(at(351)).toEqual(["2021:history"]);
    expect(at(398)).toEqual(["2017:document-number"]);
    expect(at(458)).toEqual(["2020:history"]);
    expect(n.years.some((y) => y.year === 1988)).toBe(false);
  });

  it("reads the project sections and their performance tables", () => {
    expect(n.projects.map((p) => p.name)).toEqual(["社工", "安保经费", "视频图像监控系统租赁经费"]);
    const [sg, ab, sp] = n.projects;
    expect(sg?.budget?.total?.value).toBe("27247657");
    expect(sg?.budget?.items.map((i) => i.label)).toEqual([
      "人员经费",
      "公用经费",
      "子女幼托费",
      "工会费",
      "福利费",
      "水费",
      "电费",
      "电信费",
    ]);
    expect(sg?.table?.funds.项目资金总额?.value).toBe("2724.77");
    expect(sg?.table?.category).toEqual({ 专项资金: false, 经常性项目: true, 一次性项目: false });
    expect(sg?.table?.start?.date).toBe("2025-01-01");
    expect(sg?.period?.text).toBe("2025年全年");
    expect(ab?.budget?.total).toBeUndefined();
    expect(ab?.budget?.items.map((i) => i.amount.value)).toEqual([
      "36731592",
      "20000",
      "10000",
      "1256270",
      "280000",
      "97000",
    ]);
    expect(ab?.table?.funds.项目资金总额).toMatchObject({
      value: "493.3642",
      decimals: 4,
      text: "493. 3642",
    });
    expect(ab?.table?.goalPeriod).toMatchObject({ text: "(2025年-2022025年)", from: "2025", to: "2022025" });
    expect(ab?.table?.end?.date).toBe("2025-12-31");
    expect(sp?.budget?.total).toMatchObject({ value: "2412.8615", unit: "万元" });
    expect(sp?.table?.funds.年度资金申请总额?.value).toBe("2412.8615");
    expect(sp?.table?.indicators.map((i) => [i.level1, i.level3, i.value])).toEqual([
      ["产出指标", "视频图像监控系统使用率", "100%"],
      ["产出指标", "视频图像监控系统合格率", "100%"],
      ["产出指标", "视频图像监控系统故障处置及时性", "24小时内"],
      ["效益指标", "区域内治安状况", "改善"],
      ["满意度指标", "居民群众满意度", "≥90%"],
    ]);
  });

  it("produces data that satisfies its own schema", () => {
    expect(NarrativeSchema.safeParse(n).success).toBe(true);
  });

  it("reads a percentage after a change amount", () => {
    const m = parseNarrative(
      disclosureOf(
        edited([
          "比2024年预算减少3822.36万元；事业收入",
          "比2024年预算减少3822.36万元，下降26.55%；事业收入",
        ]),
      ),
    );
    const c = m.changes[0];
    expect(c?.percent?.value).toBe("26.55");
    expect(c?.percentDirection).toBe("减少");
  });
});
