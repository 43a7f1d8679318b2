import type { Amount } from "./amount";

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const;
const PLACES = ["", "拾", "佰", "仟"] as const;
const WAN = 10_000n;
const YI = 100_000_000n;

/** 1 ≤ n ≤ 9999: one 零 for each run of zeros between non-zero digits, none at the end. */
function section(n: bigint): string {
  const s = n.toString();
  let out = "";
  let pendingZero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    if (d === 0) {
      pendingZero = out !== "";
    } else {
      if (pendingZero) out += "零";
      pendingZero = false;
      out += `${DIGITS[d] ?? ""}${PLACES[s.length - 1 - i] ?? ""}`;
    }
  }
  return out;
}

/**
 * n ≥ 1. Above 亿 the high part is itself written with 万 and 亿 ("壹万亿"); a gap before a lower
 * part that does not fill its top place is one 零 ("壹亿零伍佰柒拾陆万…").
 */
function integerWords(n: bigint): string {
  if (n >= YI) {
    const high = n / YI;
    const low = n % YI;
    if (low === 0n) return `${integerWords(high)}亿`;
    return `${integerWords(high)}亿${low < YI / 10n ? "零" : ""}${integerWords(low)}`;
  }
  if (n >= WAN) {
    const high = n / WAN;
    const low = n % WAN;
    if (low === 0n) return `${section(high)}万`;
    return `${section(high)}万${low < WAN / 10n ? "零" : ""}${section(low)}`;
  }
  return section(n);
}

/**
 * 大写金额 (the amount in words, as on cheques and invoices), in 元 rounded half-up to 分.
 *
 * Rules: "壹拾" is written in full; one 零 per run of zeros, none at the end of a section or before
 * 万/亿; a whole amount ends in "元整"; 角 without 分 ends in "角"; 分 without 角 is written
 * "元零…分"; below one 元 there is no "元" ("伍角"); zero is "零元整"; negatives start with "负".
 *
 * @example
 * ```ts
 * toDaxie(Amount.of("105767210.12")); // "壹亿零伍佰柒拾陆万柒仟贰佰壹拾元壹角贰分"
 * toDaxie(Amount.of("1004.05"));      // "壹仟零肆元零伍分"
 * toDaxie(Amount.of("10"));           // "壹拾元整"
 * ```
 */
export function toDaxie(a: Amount): string {
  const fen = BigInt(a.to("元").round(2).times("100").toString());
  if (fen === 0n) return "零元整";
  const sign = fen < 0n ? "负" : "";
  const abs = fen < 0n ? -fen : fen;
  const yuan = abs / 100n;
  const jiao = Number((abs / 10n) % 10n);
  const fenDigit = Number(abs % 10n);

  let out = yuan > 0n ? `${integerWords(yuan)}元` : "";
  if (jiao === 0 && fenDigit === 0) return `${sign}${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao] ?? ""}角`;
  if (fenDigit > 0) out += `${yuan > 0n && jiao === 0 ? "零" : ""}${DIGITS[fenDigit] ?? ""}分`;
  return `${sign}${out}`;
}
