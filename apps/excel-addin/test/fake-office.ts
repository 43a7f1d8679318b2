/**
 * The fake Office host of the browser test, served in place of Microsoft's office.js. It builds a fake
 * workbook from the description the test puts on `window.__YUSUAN_FAKE_WORKBOOK__` and exposes it as
 * `window.__fakeExcel` so the test can look at selections and cells.
 */
import { fakeExcelFromGrid, type FakeExcel } from "./fake-excel";

interface FakeWindow {
  __YUSUAN_FAKE_WORKBOOK__?: Parameters<typeof fakeExcelFromGrid>[0];
  /** The newest ExcelApi set of the fake Excel (default: all). */
  __YUSUAN_API_VERSION__?: string;
  __YUSUAN_DISPLAY_LANGUAGE__?: string;
  __fakeExcel?: FakeExcel;
  Excel?: unknown;
  Office?: unknown;
}

const w = window as unknown as FakeWindow;
const spec = w.__YUSUAN_FAKE_WORKBOOK__ ?? { sheets: [{ name: "Sheet1", rows: [] }] };
const excel = fakeExcelFromGrid(
  w.__YUSUAN_API_VERSION__ ? { ...spec, apiVersion: w.__YUSUAN_API_VERSION__ } : spec,
);
w.__fakeExcel = excel;
w.Excel = { run: excel.run };
const info = { host: "Excel", platform: "PC" };
w.Office = {
  HostType: { Excel: "Excel" },
  context: {
    displayLanguage: w.__YUSUAN_DISPLAY_LANGUAGE__ ?? "zh-CN",
    requirements: { isSetSupported: (name: string, version?: string) => excel.isSetSupported(name, version) },
  },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    return new Promise((resolve) => {
      const ready = () => {
        callback?.(info);
        resolve(info);
      };
      if (document.readyState === "loading")
        document.addEventListener("DOMContentLoaded", ready, { once: true });
      else setTimeout(ready, 0);
    });
  },
};
