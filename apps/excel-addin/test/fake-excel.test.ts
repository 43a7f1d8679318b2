import { describe, expect, it } from "vitest";
import { FakeExcel, type FakeOfficeError } from "./fake-excel";

describe("fake Excel: load/sync semantics", () => {
  const book = () =>
    new FakeExcel({
      sheets: [
        { name: "T1", rows: [["合计", 5]] },
        { name: "Hidden", rows: [], hidden: true },
      ],
    });

  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const excel = book();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("T1").getRange("A1:B1");
      expect(() => range.values).toThrowError(/not available/);
      range.load("values");
      // Loaded but not synced: still not readable.
      let code: string | undefined;
      try {
        void range.values;
      } catch (e) {
        code = (e as FakeOfficeError).code;
      }
      expect(code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([["合计", 5]]);
      // A property not asked for stays unreadable after the sync.
      expect(() => range.formulas).toThrowError(/formulas/);
    });
  });

  it("counts syncs, including the flush of pending commands at the end of run", async () => {
    const excel = book();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("T1").getRange("C1").values = [["x"]];
      await context.sync();
      context.workbook.worksheets.getItem("T1").getRange("C2").values = [["y"]];
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.text("T1", "C2")).toBe("y");
  });

  it("runs queued commands in order, so a load queued before a write sees the old value", async () => {
    const excel = book();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("T1").getRange("B1");
      range.load("values");
      range.values = [[7]];
      await context.sync();
      expect(range.values).toEqual([[5]]);
    });
    expect(excel.cell("T1", "B1").value).toBe(7);
  });

  it("reports null objects only after a sync", async () => {
    const excel = book();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("nope");
      const used = context.workbook.worksheets.getItem("Hidden").getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrowError();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
  });

  it("rejects the sync for a missing sheet and for mismatched array sizes", async () => {
    const excel = book();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("nope").getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("T1").getRange("A1:B1").values = [["only one"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("reads entered strings as Excel does: numbers, formulas, and apostrophe text", async () => {
    const excel = book();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("T1");
      ws.getRange("A2:C2").values = [["12.50", "=A2*2", "'007"]];
      await context.sync();
    });
    expect(excel.cell("T1", "A2").value).toBe(12.5);
    expect(excel.cell("T1", "B2").formula).toBe("A2*2");
    expect(excel.cell("T1", "C2").value).toBe("007");
  });

  it("refuses to hide the last visible sheet", async () => {
    const excel = book();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("T1").visibility = "Hidden";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
