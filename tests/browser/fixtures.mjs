// Synthetic CSV files for the browser tests, made here so the expected counts come from the test
// and not from the program: made-up names and phones, ID numbers whose check characters this file
// computes (GB 11643-1999), real county codes read from assets/divisions/areas.csv.
import { readFileSync } from 'node:fs';

/** County codes of a province (two digits, e.g. '51' Sichuan) from "code,name,cityCode,provinceCode". */
export function counties(file, province = '51', count = 5) {
  const codes = readFileSync(file, 'utf8').split('\n').slice(1)
    .map((line) => line.split(','))
    .filter((f) => f.length >= 4 && f[3].trim() === province && /^\d{6}$/.test(f[0]))
    .map((f) => f[0]);
  if (codes.length < count) throw new Error(`${file}: fewer than ${count} counties in province ${province}`);
  return codes.slice(0, count);
}

/** GB 11643-1999: weights 2^(17-i) mod 11, check characters 1 0 X 9 8 7 6 5 4 3 2. */
export function idNumber(county, birth, sequence) {
  const first17 = `${county}${birth}${String(sequence).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return first17 + '10X98765432'[sum % 11];
}

const csv = (rows) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

/**
 * `count` households over `countyCodes`, Chinese headers as an office writes them; every third
 * has a second member (same 户编号) and every household but each fourth one coal need of
 * `coalKg`. Returns the CSV text and the counts it implies.
 */
export function householdsCsv(countyCodes, { count = 24, coalKg = 300 } = {}) {
  const surnames = ['王', '李', '张', '刘', '陈', '杨'];
  const given = ['秀兰', '建国', '桂英', '志强', '玉珍', '德华'];
  const rows = [['户编号', '姓名', '身份证号', '所属区划', '类别', '电话', '住址', '需求', '数量']];
  let needs = 0;
  let members = 0;
  for (let h = 0; h < count; h += 1) {
    const county = countyCodes[h % countyCodes.length];
    const key = `H${String(h + 1).padStart(3, '0')}`;
    const people = h % 3 === 0 ? 2 : 1;
    for (let p = 0; p < people; p += 1) {
      members += 1;
      const year = 1940 + ((h * 7 + p * 13) % 50);
      const birth = `${year}${String(1 + (h % 12)).padStart(2, '0')}${String(1 + ((h + p) % 28)).padStart(2, '0')}`;
      const name = surnames[(h + p) % surnames.length] + given[Math.floor(h / surnames.length + p) % given.length];
      const withNeed = p === 0 && h % 4 !== 3;
      if (withNeed) needs += 1;
      rows.push([key, name, idNumber(county, birth, 100 + h * 2 + p), county, '低保对象',
        `1390000${String(1000 + h)}`, `测试街道${h + 1}号`, withNeed ? '煤炭' : '', withNeed ? String(coalKg) : '']);
    }
  }
  return { csv: csv(rows), households: count, needs, members };
}

/** Donors: an enterprise (爱心企业, so no consent to share is needed), based in `division`. */
export function donorsCsv(division) {
  const donors = [['温暖热力有限公司', '爱心企业', division, '13800001111']];
  return { csv: csv([['名称', '类型', '所属区划', '联系电话'], ...donors]), donors: donors.length, names: donors.map((d) => d[0]) };
}

/** `YYYY-MM-DD` of today + `days` (UTC, as the app's clock). */
export function isoDay(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

/**
 * Offers of coal by `donor` covering `coverage` (a province code), with the headers of the offers
 * import (core/io/import_common.cpp: 名称 捐赠方 物资类别 数量 覆盖区划 受助对象 开始日期 结束日期
 * 每户上限, and 单价 in yuan per kg when `unitYuan` gives one per offer). Windows run from 10 days
 * ago to 150 days ahead, around the default need deadline (import day + 60). Capacity `kg` each;
 * titles numbered from `first`.
 */
export function offersCsv(donor, coverage, { count = 2, kg = 1500, unitYuan = null, first = 1 } = {}) {
  const head = ['名称', '捐赠方', '物资类别', '数量', '覆盖区划', '受助对象', '开始日期', '结束日期', '每户上限'];
  const rows = [unitYuan ? [...head, '单价'] : head];
  for (let i = 0; i < count; i += 1) {
    const row = [`冬季取暖煤${first + i}号`, donor, '煤炭', String(kg), coverage, '低保对象', isoDay(-10), isoDay(150), ''];
    rows.push(unitYuan ? [...row, String(unitYuan[i])] : row);
  }
  return { csv: csv(rows), offers: count, kg, unitYuan };
}
