import { describe, expect, it } from "vitest";
import { t } from "../src/taskpane/i18n";
import { CHAPTER_NAMES, groupDigits, groupFindings, noTablesFound } from "../src/taskpane/view-model";
import type { Finding } from "@yusuan/disclosure";

describe("labels", () => {
  it("English counts take the singular for 1 and the plural otherwise", () => {
    expect(t("en", "marked", { n: 1 })).toBe("Marked 1 cell.");
    expect(t("en", "marked", { n: 2 })).toBe("Marked 2 cells.");
    expect(t("en", "marked", { n: 0 })).toBe("Marked 0 cells.");
    expect(t("en", "checked", { errors: 1, warnings: 0, infos: 3 })).toBe(
      "Checked: 1 error, 0 warnings, 3 notes.",
    );
    expect(t("en", "conflicts", { n: 1 })).toBe("1 cell differs from the derived value; left alone.");
  });

  it("Chinese keeps the number as it is", () => {
    expect(t("zh-CN", "marked", { n: 1 })).toBe("已标记 1 个单元格。");
    expect(t("zh-CN", "checked", { errors: 1, warnings: 2, infos: 0 })).toBe(
      "检查完成：1 个错误，2 个警告，0 个提示。",
    );
  });

  it("a missing parameter stays visible rather than becoming 'undefined'", () => {
    expect(t("en", "marked")).toBe("Marked {n:cell|cells}.");
  });
});

describe("view model", () => {
  it("groups digits by thousands without changing them", () => {
    expect(groupDigits("38233551.78")).toBe("38,233,551.78");
    expect(groupDigits("-0.09")).toBe("-0.09");
    expect(groupDigits("1000")).toBe("1,000");
    expect(groupDigits("999.9999")).toBe("999.9999");
    expect(groupDigits("n/a")).toBe("n/a");
  });

  it("sorts errors before warnings before notes within a table, keeping the engine's order otherwise", () => {
    const f = (fingerprint: string, severity: Finding["severity"]) =>
      ({ fingerprint, severity, table: "T1", rule: "x", message: fingerprint }) as unknown as Finding;
    const [group] = groupFindings(
      [f("a", "info"), f("b", "warning"), f("c", "error"), f("d", "warning"), f("e", "error")],
      [],
    );
    expect(group!.findings.map((x) => x.fingerprint)).toEqual(["c", "e", "b", "d", "a"]);
  });

  it("knows a workbook without any recognised table", () => {
    expect(noTablesFound([{ found: false }, { found: false }])).toBe(true);
    expect(noTablesFound([{ found: false }, { found: true }])).toBe(false);
    expect(noTablesFound([])).toBe(false);
    expect(CHAPTER_NAMES["zh-CN"].P).toBe("项目情况与绩效目标");
  });
});
