import { describe, expect, it } from "vitest";
import { langFromEnv, translateParserError } from "./locale";
import { chooseLang } from "./cli";

describe("language", () => {
  it("follows an explicit locale, and stays Chinese for C, POSIX and an unset one", () => {
    expect(langFromEnv({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "de_DE.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(langFromEnv({ LANG: "zh_TW.UTF-8" })).toBe("zh-CN");
    expect(langFromEnv({ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(langFromEnv({ LC_ALL: "", LANG: "en_GB.UTF-8" })).toBe("en");
    for (const LANG of ["C", "C.UTF-8", "POSIX", ""]) expect(langFromEnv({ LANG })).toBeUndefined();
    expect(langFromEnv({})).toBeUndefined();
  });

  it("is --lang first, then the config file, then the locale, then zh-CN", () => {
    const config = { path: "/x/yusuan.config.json", dir: "/x", config: { lang: "en" as const } };
    expect(chooseLang(["check", "a.txt", "--lang", "zh"], config, { LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(chooseLang(["check", "a.txt"], config, { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(chooseLang(["check", "a.txt"], undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(chooseLang(["check", "a.txt", "--lang=en"], undefined, {})).toBe("en");
    expect(chooseLang(["check", "a.txt"], undefined, {})).toBe("zh-CN");
  });

  it("says commander's parser errors in Chinese", () => {
    expect(translateParserError("error: unknown option '--bogus'\n")).toBe("错误：未知选项“--bogus”\n");
    expect(translateParserError("error: unknown command 'chek'\n(Did you mean check?)\n")).toBe(
      "错误：未知命令“chek”\n（是否想用 check？）\n",
    );
    expect(translateParserError("error: missing required argument 'inputs'")).toBe(
      "错误：缺少必需的参数 <inputs>",
    );
    expect(translateParserError("error: option '--lang <lang>' argument missing")).toBe(
      "错误：选项 --lang <lang> 缺少值",
    );
    expect(translateParserError("error: required option '--reason <text>' not specified")).toBe(
      "错误：缺少必需的选项 --reason <text>",
    );
    expect(
      translateParserError(
        "error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are text, json.",
      ),
    ).toBe("错误：选项 --format <format> 的值“pdf”无效，可选：text、json");
    expect(translateParserError("error: too many arguments for 'fill'. Expected 1 argument but got 2.")).toBe(
      "错误：命令 fill 的参数过多：应为 1 个，实际 2 个",
    );
    expect(translateParserError("error: something new")).toBe("错误：something new");
  });
});
