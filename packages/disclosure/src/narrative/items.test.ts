import { describe, expect, it } from "vitest";
import type { NarrativeFigure } from "./model";
import { nameKey, parsePath, resolveItem, t5Index } from "./items";
import { disclosureOf, realText } from "./test-helpers";

const wan = (value: string): NarrativeFigure => ({
  value,
  unit: "万元",
  decimals: value.split(".")[1]?.length ?? 0,
  text: `${value}万元`,
  position: { line: 0, offset: 0 },
});

describe("item names as paths", () => {
  it("reads （类）（款）（项） with or without codes, and mixed brackets", () => {
    expect(parsePath("城乡社区支出（类）城乡社区管理事务（款）行政运行（项）")).toEqual([
      { name: "城乡社区支出", level: "类" },
      { name: "城乡社区管理事务", level: "款" },
      { name: "行政运行", level: "项" },
    ]);
    expect(
      parsePath("城乡社区支出（212类）城乡社区管理事务（01款）行政运行（01项）").map((p) => p.code),
    ).toEqual(["212", "01", "01"]);
    expect(parsePath("卫生健康支出（类）行政事业单位医疗（款)行政单位医疗（项）").map((p) => p.name)).toEqual(
      ["卫生健康支出", "行政事业单位医疗", "行政单位医疗"],
    );
  });
  it("reads 类-款-项 with dashes, keeping brackets inside names", () => {
    expect(parsePath("一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行")).toEqual([
      { name: "一般公共服务支出", level: "类" },
      { name: "政府办公厅（室）及相关机构事务", level: "款" },
      { name: "行政运行", level: "项" },
    ]);
  });
  it("keeps a plain name as one part", () => {
    expect(parsePath("其他一般公共服务支出")).toEqual([{ name: "其他一般公共服务支出" }]);
    expect(nameKey("其它行政事业单位养老支出 ")).toBe(nameKey("其他行政事业单位养老支出"));
  });
});

describe("items in Table 5, by path", () => {
  const index = t5Index(disclosureOf(realText("wanli_2025_bumen")))!;
  it("walks 类 → 款 → 项 by name, or by code", () => {
    const r = resolveItem(
      index,
      parsePath("城乡社区支出（类）城乡社区管理事务（款）行政运行（项）"),
      wan("1788.77"),
    );
    expect(r.ok && r.row.code).toBe("2120101");
    const coded = resolveItem(
      index,
      parsePath("城乡社区支出（212类）城乡社区管理事务（01款）行政运行（01项）"),
      wan("1788.77"),
    );
    expect(coded.ok && coded.row.code).toBe("2120101");
    // 行政运行 exists under several 款: the path decides, not the name.
    expect(index.byName.get(nameKey("一般行政管理事务"))!.length).toBeGreaterThan(1);
    const general = resolveItem(
      index,
      parsePath("一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）"),
    );
    expect(general.ok && general.row.code).toBe("2013302");
  });
  it("finds items at 款 and 类 level", () => {
    const kuan = resolveItem(index, parsePath("城乡社区支出（类）城乡社区管理事务（款）"));
    expect(kuan.ok && kuan.row.code).toBe("21201");
    const lei = resolveItem(index, parsePath("卫生健康支出（类）"));
    expect(lei.ok && lei.row.code).toBe("210");
  });
  it("says where a path breaks: wanli_2025 item 21 names a 款 that 210 does not hold", () => {
    const r = resolveItem(
      index,
      parsePath("卫生健康支出（类）卫生健康支出（款）计划生育事务（项）"),
      wan("20.00"),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.parent?.code).toBe("210");
    expect(r.part).toEqual({ name: "卫生健康支出", level: "款" });
    expect(r.row?.code).toBe("21007");
  });
});
