import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { formerNamesIn } from "./former";
import { getCatalog } from "./registry";

describe("formerNamesIn", () => {
  const functional = getCatalog("functional");

  it("finds an old 类 name in a narrative line of a document after the rename", () => {
    const line = "7. “医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）”科目146.89万元";
    expect(formerNamesIn(line, functional, 2025)).toEqual([
      { code: "210", former: "医疗卫生与计划生育支出", current: "卫生健康支出", until: 2018 },
    ]);
  });

  it("reads the renames of the 2019 catalog from the data, each with its year", () => {
    expect(formerNamesIn("文化体育与传媒支出", functional, 2024).map((h) => h.code)).toEqual(["207"]);
    expect(formerNamesIn("国土海洋气象等支出", functional, 2024).map((h) => h.code)).toEqual(["220"]);
    expect(formerNamesIn("资源勘探信息等支出", functional, 2024).map((h) => h.code)).toEqual(["215"]);
  });

  it("is quiet on the current names, also where a current name contains an old one", () => {
    expect(
      formerNamesIn("“卫生健康支出（类）”科目300.00万元；文化旅游体育与传媒支出20.00万元", functional, 2025),
    ).toEqual([]);
    const c = createCatalog({
      scheme: "functional",
      year: 2025,
      source: "test",
      entries: [
        { code: "201", name: "一般公共服务支出", level: "类" },
        {
          code: "299",
          name: "其他一般公共服务支出",
          level: "类",
          formerNames: [{ name: "一般公共服务支出", until: 2018 }],
        },
      ],
    });
    expect(formerNamesIn("其他一般公共服务支出", c, 2025)).toEqual([]);
  });

  it("is quiet in a document of the year the old name was still current, and ignores width and spaces", () => {
    expect(formerNamesIn("医疗卫生与计划生育支出", functional, 2018)).toEqual([]);
    expect(formerNamesIn("医疗卫生与 计划生育支出", functional, 2019)).toHaveLength(1);
  });

  it("counts only dated renames: an undated second name may be another code's current name", () => {
    const economic = getCatalog("economic-dept");
    // 30202 was printed as 咨询费 by one document with an older list; 咨询费 is 30206's name today.
    expect(formerNamesIn("咨询费、印刷费", economic, 2025)).toEqual([]);
  });
});
