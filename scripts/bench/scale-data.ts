// Why one file (2,654 lines): a benchmark fixture whose statements insert one year of every record
// type in dependency order; it is read top to bottom, once, and is not application code.
//
// A realistic year of one organisation's records, written with set-based SQL so that the dossier
// generator and the job engine can be measured at scale (scripts/bench/dossier-scale.ts) and tested
// small (tests/integration/scale-data.test.ts). The same statements run on PostgreSQL and PGlite:
// every list travels as ONE text[] parameter (`unnest(${texts(ids)}::uuid[])`), never one bind
// parameter per row, and pseudo-random choices come from hashint8() of a row index, so the same
// options give the same data on both.
//
// What is made through the app's own functions (so it is exactly what the app writes, audit events
// included): the organisation and its owner (signUp, updateOrganizationProfile), the sites
// (createSite), the members (inviteMember + acceptInvitation, through the invitation email in the
// outbox), the seal model with its ISO 17712 certificate (createSealModel), the criteria every record
// type feeds (resolveCriterionRefs, as every write path resolves them) and the large photos of
// `photoInspections` inspections (checkPhoto + storeFile, as the inspection photo upload does).
//
// Everything else is bulk rows: the columns the domain functions fill, the per-organisation running
// numbers in the order the app would have given them, the evidence_links each write path adds.
// BULK ROWS CARRY NO AUDIT EVENTS. The audit trail is a hash chain per organisation
// (app/lib/audit/audit.server.ts): each event hashes the previous one and the organisation row holds
// the head. Events made up for bulk rows would have to be computed in the chain's order with "now"
// timestamps for records dated months ago, or would break the chain; so the chain holds only what
// the domain functions above wrote, stays valid (`npm run audit:verify`), and says nothing about
// the bulk records. A dossier never reads the audit trail.
//
// Where the app's rules require something the options do not mention, the rows follow the app:
// a failed point whose template asks for a photo carries one, and so does every seal application
// (applySeal refuses one without); those photos are small distinct JPEGs (a few KB, one of a pool
// of images with a comment segment that makes the bytes unique), stored in the same content store.
// The large 1600×1200 photos are only those of `photoInspections`.
//
// Speed: one transaction per domain, temp tables, no JIT. The two largest inserts (3.3 million
// inspection answers, 2.3 million inspection evidence links at full size) run with
// session_replication_role = replica when the role is a superuser, which skips the per-row
// foreign-key triggers and halves their time; verifyBulkReferences then checks the same references
// set-based. Without superuser rights they run with their triggers, only slower.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import type { Database, Executor } from "../../db/client";
import { outboxEmails, questionnaires, users, type ChecklistTemplate } from "../../db/schema";
import { verifyOrganizationChain } from "../../app/lib/audit/audit.server";
import { acceptInvitation, inviteMember } from "../../app/lib/organizations/members.server";
import { signUp } from "../../app/lib/auth/accounts.server";
import { evidenceRecordTypes, type CriterionRef } from "../../app/lib/evidence/evidence-registry";
import { rebuildEvidenceCoverage } from "../../app/lib/evidence/evidence.server";
import { checkPhoto, checkUpload, storeFile, storeGeneratedBytes } from "../../app/lib/evidence/file-store.server";
import { createI18n } from "../../app/lib/i18n/translations.server";
import { startOfDayInZone, todayInZone } from "../../app/lib/i18n/format";
import { containerCheckDigit } from "../../app/lib/inspections/container-number";
import { maskIdNumber, residentIdCheckCharacter } from "../../app/lib/inspections/identity-document";
import { allItems } from "../../app/lib/inspections/template-definition";
import { getCurrentTemplate, resolveCriterionRefs } from "../../app/lib/inspections/templates.server";
import { OrganizationProfileSchema, SiteSchema } from "../../app/lib/organizations/organization-schema";
import { createSite, updateOrganizationProfile } from "../../app/lib/organizations/organizations.server";
import { usccCheckCharacter } from "../../app/lib/organizations/uscc";
import { DEFAULT_TIER_POLICY, nextEvaluationOn, scoreEvaluation, type RiskTier } from "../../app/lib/partners/partner-scoring";
import { partnerReference } from "../../app/lib/partners/partner-references";
import { refreshSupervisionDue } from "../../app/lib/partners/supervision-due.server";
import { encryptIdNumber, idNumberDigest } from "../../app/lib/personnel/personal-data-crypto.server";
import { nextBackgroundCheckOn, offboardingDeadline, offboardingItemKinds } from "../../app/lib/personnel/personnel-rules";
import { SealModelSchema } from "../../app/lib/seals/seal-schema";
import { createSealModel } from "../../app/lib/seals/seal-stock.server";

export interface ScaleOptions {
  sites: number;
  /** Days of records, ending yesterday in the organisation's time zone (Asia/Shanghai). */
  days: number;
  /** Submitted inspections over the period. */
  inspections: number;
  /** About 1 in N inspections has a failed point (and its corrective actions). */
  failureEvery: number;
  /** Inspections that carry 1–3 large JPEG photos (1600×1200, 200–400 KB each). */
  photoInspections: number;
  /** Seal events (received, issued, applied, verified, reported, resolved, voided), exactly. */
  sealEvents: number;
  visitors: number;
  employees: number;
  partners: number;
  /** Where the large photos are generated once and kept, by index (default: <tmp>/tradeguard-scale-photos). */
  photoDir?: string;
  /** No progress lines on stderr (tests). */
  quiet?: boolean;
}

export interface ScaleResult {
  organizationId: string;
  ownerEmail: string;
  ownerPassword: string;
  /** Rows of the organisation per table, and a few derived figures. */
  counts: Record<string, number>;
  /** The period seeded, inclusive local dates (what a dossier of "the year" asks for). */
  periodFrom: string;
  periodTo: string;
}

/** Every seeded account has this password. */
export const SCALE_PASSWORD = "tradeguard-scale";
/** The English legal name of every seeded organisation starts with this (the benchmark finds it by it). */
export const SCALE_ORGANIZATION_PREFIX = "Scale Test Trading Co., Ltd.";
export const SCALE_TIME_ZONE = "Asia/Shanghai";

/** The full-size year of scripts/bench/dossier-scale.ts. */
export const FULL_SCALE: ScaleOptions = {
  sites: 50,
  days: 365,
  inspections: 365_000,
  failureEvery: 50,
  photoInspections: 500,
  sealEvents: 100_000,
  visitors: 50_000,
  employees: 2_000,
  partners: 1_000,
};

// ---------------------------------------------------------------------------------------------
// Helpers

let started = performance.now();
let quiet = false;
function log(message: string): void {
  if (!quiet) process.stderr.write(`[scale ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  log(`${label} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

/** Rows of a raw statement: PGlite answers { rows }, postgres.js an array-like RowList. */
async function rowsOf<T extends Record<string, unknown>>(db: Executor, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  if (Array.isArray(result)) return [...result] as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

async function run(db: Executor, statement: SQL): Promise<void> {
  await db.execute(statement);
}

/**
 * Settings of a bulk transaction: no JIT (PostgreSQL spends seconds compiling the expressions of
 * one-off statements over generate_series), room for the sorts of the running numbers.
 */
/** Whether this role may switch off triggers for a statement (session_replication_role). */
async function isSuperuser(db: Executor): Promise<boolean> {
  const [row] = await rowsOf<{ su: boolean | string }>(db, sql`select current_setting('is_superuser') = 'on' as su`);
  return row?.su === true || row?.su === "t" || row?.su === "true";
}

/**
 * The foreign keys of the rows written without their triggers (inspection answers and links),
 * checked set-based: every answer's inspection, every link's criterion and user exist. The
 * organisation is the seeded one by construction.
 */
async function verifyBulkReferences(db: Executor, orgId: string): Promise<void> {
  const [row] = await rowsOf<{ answers: number; criteria: number; users: number }>(
    db,
    sql`select
          (select count(*) from inspection_answers a where a.organization_id = ${orgId}::uuid
            and not exists (select 1 from inspections i where i.id = a.inspection_id))::int as answers,
          (select count(*) from (select distinct criterion_id from evidence_links where organization_id = ${orgId}::uuid) l
            where not exists (select 1 from criteria c where c.id = l.criterion_id))::int as criteria,
          (select count(*) from (select distinct linked_by_user_id from evidence_links where organization_id = ${orgId}::uuid) l
            where l.linked_by_user_id is not null and not exists (select 1 from users u where u.id = l.linked_by_user_id))::int as users`,
  );
  if (row && (row.answers || row.criteria || row.users)) throw new Error(`scale seed: dangling references ${JSON.stringify(row)}`);
}

async function bulkSettings(tx: Executor): Promise<void> {
  await run(tx, sql`set local jit = off`);
  await run(tx, sql`set local work_mem = '128MB'`);
}

/**
 * One list as ONE bind parameter, always as text[] (cast it on in the SQL: `${texts(ids)}::uuid[]`).
 * postgres.js serialises text[] but has no serializer for uuid[], date[] or timestamptz[] parameters;
 * PGlite takes any of them. A text[] cast to the column's array type works the same on both.
 */
function texts(values: readonly (string | null)[]): SQL {
  return sql`${sql.param([...values])}::text[]`;
}
function ints(values: readonly number[]): SQL {
  return sql`${sql.param(values.map(String))}::text[]`;
}

/**
 * A uniform number in [0, 1) from an integer SQL expression and a salt: hashint8 gives the same value
 * on PostgreSQL and PGlite, so the data does not depend on the database or on a session's seed.
 */
function rnd(expr: string, salt: number): string {
  return `((hashint8(((${expr})::bigint * 1000003 + ${salt})::int8)::float8 + 2147483648.0) / 4294967296.0)`;
}
function R(expr: string, salt: number): SQL {
  return sql.raw(rnd(expr, salt));
}

/** A JS pseudo-random generator (mulberry32), seeded: the JS-made lists are the same every run. */
class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(a: number, b: number): number {
    return a + this.int(b - a + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error("pick: empty list");
    return item;
  }
}

function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A local wall-clock time of a day in the organisation's zone (Asia/Shanghai has no daylight saving). */
function localTime(day: string, minutes: number): Date {
  return new Date(startOfDayInZone(day, SCALE_TIME_ZONE).getTime() + minutes * 60_000);
}

/** What the personnel and partner write paths use as a calendar day's evidence time. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

function iso(date: Date): string {
  return date.toISOString();
}

/** A phone camera's file name for a photo taken at `at` (local time). */
function cameraName(at: Date, k = 0): string {
  const local = new Date(at.getTime() + 8 * 3_600_000 + k * 1000).toISOString();
  return `IMG_${local.slice(0, 10).replace(/-/g, "")}_${local.slice(11, 19).replace(/:/g, "")}.jpg`;
}

async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(workers);
}

// ---------------------------------------------------------------------------------------------
// Word lists

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split(
    "",
  );
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华飞鹏玲丹辉波宁文斌浩婷雪琳宇欣凯佳俊峰颖倩晨阳鑫帅杨慧红梅建国志强海燕晓东晓红春梅秀兰桂英玉兰德华永刚子涵梓轩一鸣思远嘉怡雨桐".split(
    "",
  );
const FOREIGN_NAMES = [
  "John Smith",
  "Michael Brown",
  "Anna Müller",
  "Kenji Tanaka",
  "Park Ji-ho",
  "Nguyen Van An",
  "Somchai Preecha",
  "Maria Garcia",
  "David Wilson",
  "Lars Nielsen",
  "Sophie Martin",
  "Rahul Sharma",
];

function chineseName(rand: Rand): string {
  const given = rand.chance(0.35) ? rand.pick(GIVEN) : rand.pick(GIVEN) + rand.pick(GIVEN);
  return rand.pick(SURNAMES) + given.slice(0, 2);
}

const CITIES: readonly [string, string, string][] = [
  ["深圳龙岗", "Shenzhen Longgang", "440307"],
  ["深圳盐田", "Shenzhen Yantian", "440308"],
  ["深圳宝安", "Shenzhen Bao'an", "440306"],
  ["东莞", "Dongguan", "441900"],
  ["广州南沙", "Guangzhou Nansha", "440115"],
  ["佛山", "Foshan", "440604"],
  ["惠州", "Huizhou", "441302"],
  ["上海外高桥", "Shanghai Waigaoqiao", "310115"],
  ["上海洋山", "Shanghai Yangshan", "310120"],
  ["苏州工业园", "Suzhou Industrial Park", "320505"],
  ["昆山", "Kunshan", "320583"],
  ["宁波北仑", "Ningbo Beilun", "330206"],
  ["杭州萧山", "Hangzhou Xiaoshan", "330109"],
  ["厦门海沧", "Xiamen Haicang", "350205"],
  ["青岛黄岛", "Qingdao Huangdao", "370211"],
  ["天津港", "Tianjin Port", "120116"],
  ["大连", "Dalian", "210204"],
  ["重庆两江", "Chongqing Liangjiang", "500112"],
  ["成都青白江", "Chengdu Qingbaijiang", "510113"],
  ["武汉东西湖", "Wuhan Dongxihu", "420112"],
];

const SITE_KINDS: readonly ["factory" | "warehouse" | "yard" | "port_facility" | "office", string, string][] = [
  ["factory", "工厂", "Factory"],
  ["warehouse", "保税仓库", "Bonded Warehouse"],
  ["warehouse", "物流中心", "Logistics Centre"],
  ["yard", "集装箱堆场", "Container Yard"],
  ["factory", "装配厂", "Assembly Plant"],
  ["port_facility", "码头监管库", "Port Facility"],
];

const TRADE_WORDS: readonly [string, string][] = [
  ["恒达", "Hengda"],
  ["顺通", "Shuntong"],
  ["华联", "Hualian"],
  ["远航", "Yuanhang"],
  ["鑫源", "Xinyuan"],
  ["长盛", "Changsheng"],
  ["宏图", "Hongtu"],
  ["嘉信", "Jiaxin"],
  ["海联", "Hailian"],
  ["安泰", "Antai"],
  ["瑞丰", "Ruifeng"],
  ["通达", "Tongda"],
  ["中航", "Zhonghang"],
  ["金桥", "Jinqiao"],
  ["广汇", "Guanghui"],
  ["润发", "Runfa"],
  ["捷运", "Jieyun"],
  ["立信", "Lixin"],
  ["永泰", "Yongtai"],
  ["德邦", "Debang"],
  ["华宇", "Huayu"],
  ["天成", "Tiancheng"],
  ["盛世", "Shengshi"],
  ["新海", "Xinhai"],
];

const ROLE_WORDS: Record<string, [string, string]> = {
  manufacturer_supplier: ["电子科技", "Electronics"],
  carrier: ["物流运输", "Logistics & Transport"],
  customs_broker: ["报关", "Customs Brokerage"],
  freight_forwarder: ["国际货运代理", "International Freight Forwarding"],
  warehouse: ["仓储", "Warehousing"],
  third_party_logistics: ["供应链管理", "Supply Chain Management"],
  other: ["包装材料", "Packaging Materials"],
};

const FOREIGN_PARTNERS: readonly [string, string, string][] = [
  ["US", "Pacific Freight", "Inc."],
  ["DE", "Nordhafen Spedition", "GmbH"],
  ["JP", "Tokai Shipping", "Co., Ltd."],
  ["SG", "Straits Logistics", "Pte. Ltd."],
  ["GB", "Thames Cargo", "Ltd."],
  ["KR", "Hanbit Transport", "Co., Ltd."],
  ["NL", "Maasvlakte Warehousing", "B.V."],
  ["VN", "Saigon Supply", "JSC"],
  ["TH", "Chao Phraya Components", "Co., Ltd."],
  ["MY", "Klang Forwarding", "Sdn. Bhd."],
  ["FR", "Rhône Emballage", "SAS"],
  ["IT", "Adriatica Trasporti", "S.r.l."],
];

const PROVINCE_PLATES = ["粤B", "粤S", "粤A", "粤E", "粤L", "沪A", "沪D", "苏E", "浙B", "闽D", "鲁B", "津A", "渝A", "川A", "鄂A"];
const PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
const CONTAINER_OWNERS = [
  "MSCU",
  "MAEU",
  "CMAU",
  "COSU",
  "OOLU",
  "HLXU",
  "EGLU",
  "TGHU",
  "TCLU",
  "SEGU",
  "CAIU",
  "FCIU",
  "TEMU",
  "GESU",
  "BMOU",
  "YMLU",
  "ONEU",
  "EITU",
];

const GATE_AREAS = ["1号装货月台", "2号装货月台", "3号装货月台", "东门装卸区", "西门装卸区", "出口查验区", "冷链月台"];
const PATROL_AREAS = ["周界围栏东段", "周界围栏西段", "成品仓库", "原料仓库", "停车场", "大门岗亭", "监管区", "办公楼", "装卸区"];
const BUILDING_AREAS = ["成品仓库", "原料仓库", "办公楼", "监管仓库", "门卫室", "设备间"];
const CAMERAS = ["CAM-01–CAM-16（大门、装卸区）", "CAM-01–CAM-08（周界）", "CAM-09–CAM-24（仓库内部）", "全部 32 路摄像头"];

const FAIL_NOTES: Record<string, readonly string[]> = {
  container: [
    "敲击声音发闷，疑似夹层，已要求更换集装箱",
    "发现新焊缝及补漆痕迹，已拍照并暂停装货",
    "门封条破损，门锁杆松动",
    "地板有一块松动，高度与门槛不齐",
    "箱体有孔洞，透光检查不合格",
    "箱内残留异物，已清理并重新检查",
  ],
  conveyance: [
    "油箱外侧有新焊接痕迹，已报告安保主管",
    "驾驶室卧铺下方发现不明包裹，已移交处理",
    "备胎固定架有改装痕迹",
    "挂车底盘发现异常隔层",
    "车门密封条损坏，无法完全关闭",
    "电瓶箱未上锁，内部有杂物",
  ],
  driver: ["证件已过期，已联系承运人更换司机", "司机与证件照片不符，拒绝入场", "车牌与预约信息不一致，已核实后登记"],
  premises: [
    "东段围栏有破损缺口，已报修",
    "2号门无人值守约 10 分钟",
    "仓库侧门未上锁",
    "监控画面 CAM-07 无信号",
    "报警器测试未响应",
    "停车区有外来车辆未登记",
  ],
  lighting: ["装卸区 3 盏灯不亮，已报修", "围栏照明东段有 2 盏灯损坏", "停车场照明不足"],
  cctv: ["部分时段录像缺失", "CAM-12 画面模糊，覆盖不足", "发现夜间有人员翻越围栏的可疑画面，已报告"],
  building: ["屋面渗水，已通知工程部", "北侧窗户锁扣损坏", "仓库卷帘门无法锁闭", "围墙出现裂缝"],
};

const CLOSING_NOTES = [
  "已更换集装箱并重新完成七点检查，合格。",
  "已维修完毕并复查合格，照片已存档。",
  "已通知承运人整改，复检合格。",
  "已完成维修，安保主管复核确认。",
  "已对相关人员进行再培训并复查。",
  "问题已消除，见复查记录。",
];

const OVERRIDE_REASONS = [
  "客户加急出运，已由安保主管现场复核箱体，确认问题不影响货物安全，放行后补充整改。",
  "不合格项为外观轻微划痕，经主管复查不影响箱体完整性，先行放行。",
  "船期截止，已更换门封条并施加高保封志，整改记录待关闭。",
];

// ---------------------------------------------------------------------------------------------
// Photos

/** JPEG with a comment segment after the JFIF header: the same image, bytes unique to `key`. */
function withComment(jpeg: Buffer, key: string): Buffer {
  const text = Buffer.from(`tradeguard-scale ${key}`, "utf8");
  let at = 2;
  // After SOI, keep the APP0 (JFIF) segment first, as decoders expect.
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0) at = 4 + (((jpeg[4] ?? 0) << 8) | (jpeg[5] ?? 0));
  const header = Buffer.from([0xff, 0xfe, ((text.length + 2) >> 8) & 0xff, (text.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, at), header, text, jpeg.subarray(at)]);
}

/** A noisy gradient, encoded by sharp: `amplitude` and `quality` set the size. */
async function noisyJpeg(width: number, height: number, amplitude: number, quality: number, tint: number): Promise<Buffer> {
  const noise = randomBytes(width * height);
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const n = ((noise[i] ?? 0) % amplitude) - amplitude / 2;
      raw[i * 3] = 70 + tint + (x * 80) / width + n;
      raw[i * 3 + 1] = 100 + (y * 60) / height + n;
      raw[i * 3 + 2] = 150 - tint / 2 + n;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/** The small photos the rules require (a failed point's, a seal's): a pool of images, unique bytes per use. */
class RulePhotos {
  private pool: Buffer[] = [];
  constructor(private readonly salt: string) {}
  async init(): Promise<void> {
    if (this.pool.length) return;
    for (let i = 0; i < 16; i++) this.pool.push(await noisyJpeg(480, 360, 14, 60, i * 4));
  }
  bytes(kind: string, index: number): Buffer {
    const base = this.pool[index % this.pool.length];
    if (!base) throw new Error("RulePhotos: init() first");
    return withComment(base, `${this.salt} ${kind} ${index}`);
  }
}

/** Large photo number `index` (1600×1200, 200–400 KB), generated once into `dir` and read back after. */
async function largePhoto(dir: string, index: number): Promise<Buffer> {
  const file = path.join(dir, `scale-photo-${String(index).padStart(5, "0")}.jpg`);
  if (existsSync(file)) return readFile(file);
  // Amplitude 18–34 and quality 80–86 give about 200–400 KB; the noise makes every file distinct.
  const bytes = await noisyJpeg(1600, 1200, 18 + (index % 17), 80 + (index % 7), index % 40);
  await writeFile(file, bytes);
  return bytes;
}

interface StoredBytes {
  sha256: string;
  sizeBytes: number;
}

/** Writes bytes into the app's content store (FILES_DIR/<2 hex>/<sha256>), several at a time. */
async function storeMany(make: (index: number) => Buffer, count: number): Promise<StoredBytes[]> {
  const out: StoredBytes[] = new Array(count);
  await inPool(
    Array.from({ length: count }, (_, i) => i),
    16,
    async (i) => {
      out[i] = await storeGeneratedBytes(make(i));
    },
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// The organisation, its members and sites: through the app's own functions

interface Person {
  id: string;
  name: string;
  email: string;
}

interface Context {
  orgId: string;
  owner: Person;
  lead: Person;
  compliance: Person;
  procurement: Person;
  hr: Person;
  guards: Person[];
  siteIds: string[];
  siteCities: string[];
  modelId: string;
  /** First and last day seeded (local dates, inclusive), today, and the instants around them. */
  firstDay: string;
  lastDay: string;
  today: string;
  periodStart: Date;
  periodEnd: Date;
  now: Date;
  rules: RulePhotos;
  /** Criterion ids each record type feeds, as its write path resolves them. */
  feeds: Record<string, string[]>;
}

async function criterionIds(db: Executor, refs: readonly CriterionRef[]): Promise<string[]> {
  const resolved = await resolveCriterionRefs(db, refs);
  return [...new Set(resolved.values())];
}

async function addMember(
  db: Database,
  orgId: string,
  owner: Person,
  role: "security_lead" | "security" | "compliance" | "procurement" | "hr",
  name: string,
  email: string,
): Promise<Person> {
  const invited = await inviteMember(
    db,
    { organizationId: orgId, userId: owner.id, role: "owner", name: owner.name },
    { email, role, locale: "zh-CN", baseUrl: "http://scale-seed.invalid" },
  );
  if (!invited.ok) throw new Error(`scale seed: inviting ${email} refused: ${invited.error}`);
  const [mail] = await db
    .select({ text: outboxEmails.text })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.organizationId, orgId), eq(outboxEmails.to, email), eq(outboxEmails.kind, "invitation")))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  const token = mail ? /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] : undefined;
  if (!token) throw new Error(`scale seed: no invitation link for ${email}`);
  const request = new Request("http://scale-seed.invalid/invite", { method: "POST", headers: { "User-Agent": "tradeguard-scale-seed" } });
  const accepted = await acceptInvitation(db, request, { token, name, password: SCALE_PASSWORD, locale: "zh-CN", address: null });
  if (!accepted.ok) throw new Error(`scale seed: accepting the invitation of ${email} refused: ${accepted.error}`);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`scale seed: ${email} has no account`);
  return { id: user.id, name, email };
}

/** A small PDF standing for the seal model's ISO 17712 test certificate. */
async function certificatePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date("2024-05-06T00:00:00Z"));
  doc.setModificationDate(new Date("2024-05-06T00:00:00Z"));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const lines = [
    "ISO 17712:2013 Test Certificate",
    "Seal: BS-12 bolt seal, classification H (high security)",
    "Manufacturer: Demo Seals Co. (scale test data)",
    "Tested: 2024-05-06, accredited laboratory report TR-2024-0506",
  ];
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 22, size: i === 0 ? 16 : 11, font }));
  return doc.save();
}

async function setUp(db: Database, options: ScaleOptions): Promise<Context> {
  const suffix = randomBytes(3).toString("hex");
  const ownerEmail = `owner-${suffix}@scale.tradeguard.test`;
  const ownerName = "王建国 Wang Jianguo";
  const created = await signUp(db, {
    organizationNameZh: `规模测试进出口有限公司（${suffix}）`,
    organizationNameEn: `${SCALE_ORGANIZATION_PREFIX} (${suffix})`,
    name: ownerName,
    email: ownerEmail,
    password: SCALE_PASSWORD,
    locale: "zh-CN",
  });
  if (!created.ok) throw new Error(`scale seed: ${ownerEmail} is taken`);
  const orgId = created.organizationId;
  const owner: Person = { id: created.userId, name: ownerName, email: ownerEmail };
  const actor = { organizationId: orgId, userId: owner.id };
  const usccBase = `91440300MA5G${suffix.toUpperCase().slice(0, 5)}`;
  await updateOrganizationProfile(
    db,
    actor,
    OrganizationProfileSchema.parse({
      legalNameZh: `规模测试进出口有限公司（${suffix}）`,
      legalNameEn: `${SCALE_ORGANIZATION_PREFIX} (${suffix})`,
      customsCode: "4403960SCL",
      unifiedSocialCreditCode: usccBase + usccCheckCharacter(usccBase),
      enterpriseTypes: ["consignor_consignee", "manufacturer"],
      aeoStatus: "advanced",
      aeoCertificateNumber: "AEOCN4403960SCL",
      aeoCertifiedOn: "2023-09-01",
      aeoNextRecertificationOn: "2028-08-31",
      timeZone: SCALE_TIME_ZONE,
    }),
  );

  const siteIds: string[] = [];
  const siteCities: string[] = [];
  for (let s = 0; s < options.sites; s++) {
    const [cityZh, cityEn] = CITIES[s % CITIES.length] as [string, string, string];
    const [kind, kindZh, kindEn] = SITE_KINDS[s % SITE_KINDS.length] as [(typeof SITE_KINDS)[number][0], string, string];
    const n = s + 1;
    const site = await createSite(
      db,
      actor,
      SiteSchema.parse({
        nameZh: `${cityZh}${kindZh}（${n}号）`,
        nameEn: `${cityEn} ${kindEn} No. ${n}`,
        address: `${cityZh}示例产业园 ${n} 号 (scale test address)`,
        kind,
        securityContactName: `安保值班室 ${n}`,
        securityContactPhone: `+86 755 0000 ${String(1000 + n)}`,
      }),
    );
    siteIds.push(site.id);
    siteCities.push(cityZh);
  }

  const rand = new Rand(7);
  const member = (role: Parameters<typeof addMember>[3], label: string, i = 0) =>
    addMember(
      db,
      orgId,
      owner,
      role,
      `${chineseName(rand)} ${label}${i ? ` ${i}` : ""}`,
      `${label.toLowerCase()}${i ? `-${i}` : ""}-${suffix}@scale.tradeguard.test`,
    );
  const lead = await member("security_lead", "SecurityLead");
  const compliance = await member("compliance", "Compliance");
  const procurement = await member("procurement", "Procurement");
  const hr = await member("hr", "HR");
  // Two guards per site (up to 100): the site's inspections, seals and visitors are theirs.
  const guardCount = Math.max(2, Math.min(100, options.sites * 2));
  const guards: Person[] = [];
  for (let g = 0; g < guardCount; g++) guards.push(await member("security", "Guard", g + 1));

  const certificate = await checkUpload(
    new File([new Uint8Array(await certificatePdf())], "BS-12 ISO 17712 certificate.pdf", { type: "application/pdf" }),
    {
      required: true,
    },
  );
  if (!certificate.ok || !certificate.file) throw new Error("scale seed: the certificate PDF was refused");
  const model = await createSealModel(
    db,
    { ...actor, timeZone: SCALE_TIME_ZONE },
    SealModelSchema.parse({
      manufacturer: "示例封志制造有限公司 Demo Seals Co.",
      modelName: "BS-12 螺栓封",
      type: "bolt",
      isoClass: "H",
      certificateDate: "2024-05-06",
    }),
    certificate.file,
  );
  if (!model.ok) throw new Error(`scale seed: seal model refused: ${JSON.stringify(model)}`);

  const now = new Date();
  const today = todayInZone(SCALE_TIME_ZONE, now);
  const firstDay = addDays(today, -options.days);
  const lastDay = addDays(today, -1);
  const feeds: Record<string, string[]> = {};
  for (const [type, entry] of Object.entries(evidenceRecordTypes)) feeds[type] = await criterionIds(db, entry.feeds);
  // The write paths that add criteria of their own (evaluation-decisions.server.ts, supervision.server.ts).
  feeds.partner_evaluation_aeo = await criterionIds(db, [
    ...evidenceRecordTypes.partner_evaluation.feeds,
    { framework: "ctpat-msc", key: "3.5" },
    { framework: "ctpat-msc", key: "3.4" },
  ]);
  feeds.partner_evaluation = await criterionIds(db, [
    ...evidenceRecordTypes.partner_evaluation.feeds,
    { framework: "ctpat-msc", key: "3.5" },
  ]);
  feeds.supervision_site_visit = await criterionIds(db, [
    ...evidenceRecordTypes.supervision_check.feeds,
    { framework: "ctpat-msc", key: "3.5" },
  ]);
  feeds.partner_action = await criterionIds(db, [{ framework: "cn-2022-advanced", key: "55" }]);
  feeds.supervision_action = await criterionIds(db, [{ framework: "cn-2022-advanced", key: "57" }]);

  const rules = new RulePhotos(`${orgId}`);
  await rules.init();
  return {
    orgId,
    owner,
    lead,
    compliance,
    procurement,
    hr,
    guards,
    siteIds,
    siteCities,
    modelId: model.id,
    firstDay,
    lastDay,
    today,
    periodStart: startOfDayInZone(firstDay, SCALE_TIME_ZONE),
    periodEnd: startOfDayInZone(today, SCALE_TIME_ZONE),
    now,
    rules,
    feeds,
  };
}

/** Evidence links of many records of one type to the same criteria: one statement. */
async function linkAll(
  db: Executor,
  ctx: Context,
  recordType: string,
  criteria: readonly string[],
  records: { ids: string[]; at: string[]; by: string[]; created: string[] },
): Promise<void> {
  if (!records.ids.length || !criteria.length) return;
  await run(
    db,
    sql`insert into evidence_links (organization_id, criterion_id, record_type, record_id, occurred_at, linked_by_user_id, created_at)
        select ${ctx.orgId}::uuid, c.id, ${recordType}, r.id, r.at, r.by, r.created
        from unnest(${texts(records.ids)}::uuid[], ${texts(records.at)}::timestamptz[], ${texts(records.by)}::uuid[], ${texts(records.created)}::timestamptz[]) as r(id, at, by, created)
        cross join unnest(${texts(criteria)}::uuid[]) as c(id)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Personnel: the employee list, pre-hire and background checks, acknowledgements, exits

interface Employee {
  id: string;
  name: string;
  siteId: string | null;
  hireDate: string;
  leaveDate: string | null;
  userId: string | null;
}

const SITE_POSTS: readonly [string, string, boolean][] = [
  ["门岗安保员", "安保部", true],
  ["安保巡逻员", "安保部", true],
  ["仓库管理员", "仓储部", true],
  ["叉车司机", "仓储部", true],
  ["装卸工", "仓储部", false],
  ["生产操作工", "生产部", false],
  ["生产操作工", "生产部", false],
  ["质检员", "质量部", false],
  ["设备维修工", "工程部", false],
  ["物流调度员", "物流部", true],
];
const OFFICE_POSTS: readonly [string, string, boolean][] = [
  ["报关员", "关务部", true],
  ["单证员", "关务部", false],
  ["采购专员", "采购部", false],
  ["财务专员", "财务部", false],
  ["人事专员", "人事部", false],
  ["IT 工程师", "信息部", true],
  ["销售经理", "销售部", false],
  ["行政助理", "行政部", false],
];
const POLICE = [
  "福田分局福保派出所",
  "南山分局蛇口派出所",
  "龙岗分局坂田派出所",
  "宝安分局新安派出所",
  "盐田分局沙头角派出所",
  "东莞市公安局长安分局",
  "浦东分局外高桥派出所",
  "苏州工业园区公安局娄葑派出所",
];
const FORMER_EMPLOYERS = [
  "深圳市华联电子有限公司",
  "东莞长盛物流有限公司",
  "广州顺通仓储有限公司",
  "上海远航国际货运代理有限公司",
  "宁波鑫源包装有限公司",
  "苏州嘉信精密制造有限公司",
];

function residentId(rand: Rand, region: string, birth: string, used: Set<string>): string {
  for (;;) {
    const first17 = `${region}${birth.replace(/-/g, "")}${String(rand.int(1000)).padStart(3, "0")}`;
    const id = first17 + residentIdCheckCharacter(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

async function seedPersonnel(db: Database, ctx: Context, options: ScaleOptions): Promise<Employee[]> {
  const rand = new Rand(11);
  // The first employees are the members (the owner as legal representative, the guards at their sites).
  const count = options.employees;
  const usedIds = new Set<string>();
  const onboarding = addDays(ctx.firstDay, -14);
  type Row = Employee & {
    number: number;
    dob: string;
    idType: string;
    idNumber: string;
    position: string;
    department: string;
    sensitive: boolean;
    /** The key roles, comma-separated ("" for none): one text per row for unnest. */
    keyRoles: string;
    createdAt: Date;
  };
  const people: Row[] = [];
  const fixed: { post: [string, string, boolean]; keyRoles: string[]; person: Person | null; siteIndex: number | null }[] = [
    { post: ["总经理（法定代表人、主要负责人）", "总经办", false], keyRoles: ["legal_representative", "principal_person"], person: ctx.owner, siteIndex: null },
    { post: ["关务经理（高级认证负责人）", "关务部", true], keyRoles: ["senior_customs_manager"], person: ctx.compliance, siteIndex: null },
    { post: ["关务主管", "关务部", true], keyRoles: ["customs_head"], person: null, siteIndex: null },
    { post: ["安保经理", "安保部", true], keyRoles: ["trade_security_manager"], person: ctx.lead, siteIndex: 0 },
    { post: ["采购主管", "采购部", false], keyRoles: [], person: ctx.procurement, siteIndex: null },
    { post: ["人事主管", "人事部", false], keyRoles: [], person: ctx.hr, siteIndex: null },
    ...ctx.guards.map((g, i) => ({
      post: ["门岗安保员", "安保部", true] as [string, string, boolean],
      keyRoles: [],
      person: g,
      siteIndex: i % ctx.siteIds.length,
    })),
  ];
  for (let i = 0; i < count; i++) {
    const f = fixed[i];
    const siteIndex = f ? f.siteIndex : rand.chance(0.75) ? rand.int(ctx.siteIds.length) : null;
    const post = f ? f.post : siteIndex === null ? rand.pick(OFFICE_POSTS) : rand.pick(SITE_POSTS);
    const foreign = !f && rand.chance(0.02);
    const name = f?.person ? (f.person.name.split(" ")[0] ?? f.person.name) : foreign ? rand.pick(FOREIGN_NAMES) : chineseName(rand);
    // A tenth hired during the year, the others up to twelve years before it.
    const hireDate = f
      ? addDays(ctx.firstDay, -rand.between(900, 4000))
      : rand.chance(0.12)
        ? addDays(ctx.firstDay, rand.int(options.days))
        : addDays(ctx.firstDay, -rand.between(1, 4400));
    const age = rand.between(21, 57);
    const dob = addDays(`${Number(ctx.today.slice(0, 4)) - age}-01-01`, rand.int(365));
    const region = (rand.pick(CITIES) as [string, string, string])[2];
    const idType = foreign ? "passport" : "resident_id";
    const idNumber = foreign ? `E${String(10_000_000 + i * 7919).slice(0, 8)}` : residentId(rand, region, dob, usedIds);
    const leaveDate =
      !f && rand.chance(0.06)
        ? addDays(ctx.firstDay, Math.max(daysBetween(ctx.firstDay, hireDate) + 30, rand.int(options.days + 10)))
        : null;
    const createdAt =
      hireDate >= onboarding ? localTime(hireDate, 9 * 60 + rand.int(120)) : localTime(onboarding, 10 * 60 + Math.floor(i / 20));
    people.push({
      id: randomUUID(),
      number: 0,
      name,
      siteId: siteIndex === null ? null : (ctx.siteIds[siteIndex] ?? null),
      hireDate,
      leaveDate: leaveDate && leaveDate > hireDate ? leaveDate : null,
      userId: f?.person?.id ?? null,
      dob,
      idType,
      idNumber,
      position: post[0],
      department: post[1],
      sensitive: post[2],
      keyRoles: (f?.keyRoles ?? []).join(","),
      createdAt,
    });
  }
  people.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.hireDate.localeCompare(b.hireDate));
  people.forEach((p, i) => (p.number = i + 1));

  // Checks, in the order they were recorded.
  type Check = { id: string; employee: Row; on: string; createdAt: Date; number: number };
  const prehire: (Check & { kind: string; source: string; result: string; note: string })[] = [];
  const background: (Check & { provider: string; result: string; note: string; next: string })[] = [];
  const acks: { id: string; employee: Row; on: string; createdAt: Date }[] = [];
  const recorded = (on: string, employee: Row) =>
    new Date(Math.max(localTime(on, 15 * 60).getTime(), employee.createdAt.getTime() + 60_000));
  const codeDate = addDays(ctx.firstDay, -45);
  for (const p of people) {
    const checkOn = addDays(p.hireDate, -rand.between(2, 25));
    const result = () => (rand.chance(0.93) ? "verified" : rand.chance(0.6) ? "discrepancy" : "unreachable");
    const kinds = rand.chance(0.7)
      ? ["identity", rand.pick(["employment_history", "employment_history", "reference", "education"])]
      : ["identity"];
    for (const kind of kinds) {
      const r = result();
      prehire.push({
        id: randomUUID(),
        employee: p,
        on: checkOn,
        createdAt: recorded(checkOn, p),
        number: 0,
        kind,
        source:
          kind === "identity"
            ? "公安部公民身份信息核查"
            : kind === "employment_history"
              ? `原雇主：${rand.pick(FORMER_EMPLOYERS)}`
              : kind === "reference"
                ? `证明人：${chineseName(rand)}（前主管）`
                : "学信网学历查询",
        result: r,
        note: r === "discrepancy" ? "在职时间与原单位证明不一致，已由本人书面说明" : r === "unreachable" ? "原单位已注销，无法联系" : "",
      });
    }
    // Background checks: re-checked every 12 months on sensitive posts, 36 otherwise; a few overdue or missing.
    if (!rand.chance(0.03)) {
      const months = p.sensitive ? 12 : 36;
      const overdue = rand.chance(p.sensitive ? 0.08 : 0.05);
      let latest = addDays(ctx.today, -(overdue ? rand.between(months * 30 + 10, months * 30 + 120) : rand.between(5, months * 30 - 5)));
      if (latest < addDays(p.hireDate, -30)) latest = addDays(p.hireDate, -rand.between(3, 30));
      if (latest > ctx.lastDay) latest = ctx.lastDay;
      const dates = [latest];
      const previous = addDays(latest, -365);
      if (p.sensitive && previous >= addDays(p.hireDate, -30)) dates.unshift(previous);
      for (const on of dates) {
        const r = rand.chance(0.95) ? "clear" : rand.chance(0.8) ? "concern" : "failed";
        background.push({
          id: randomUUID(),
          employee: p,
          on,
          createdAt: recorded(on, p),
          number: 0,
          provider: `${rand.pick(CITIES)[0]}公安局${rand.pick(POLICE)}`,
          result: r,
          note: r === "concern" ? "有交通违法记录，与岗位无关，已评估" : r === "failed" ? "存在违法记录，已调离敏感岗位并报安保经理" : "",
          next: nextBackgroundCheckOn(on, p.sensitive),
        });
      }
    }
    if (rand.chance(0.92)) {
      const on = [p.hireDate, codeDate].sort().at(-1) as string;
      const later = addDays(on, rand.int(10));
      const ackOn = later > ctx.lastDay ? ctx.lastDay : later;
      acks.push({ id: randomUUID(), employee: p, on: ackOn, createdAt: recorded(ackOn, p) });
    }
  }
  prehire.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  prehire.forEach((c, i) => (c.number = i + 1));
  background.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  background.forEach((c, i) => (c.number = i + 1));
  const nextCheck = new Map<string, string>();
  for (const c of background) if ((nextCheck.get(c.employee.id) ?? "") < c.next) nextCheck.set(c.employee.id, c.next);

  await db.transaction(async (tx) => {
    await bulkSettings(tx);
    await run(
      tx,
      sql`insert into employees (id, organization_id, number, name, site_id, date_of_birth, id_document_type, id_number_ciphertext, id_number_masked,
            id_number_digest, position, department, security_sensitive, key_roles, hire_date, leave_date, next_background_check_on, user_id,
            created_by_user_id, created_at, updated_at)
          select e.id, ${ctx.orgId}::uuid, e.number, e.name, e.site_id, e.dob, e.id_type, e.cipher, e.masked, e.digest, e.position, e.department,
            e.sensitive::boolean, coalesce(string_to_array(nullif(e.key_roles, ''), ','), '{}'::text[]), e.hire_date, e.leave_date, e.next_check, e.user_id, ${ctx.hr.id}::uuid, e.created_at, e.created_at
          from unnest(${texts(people.map((p) => p.id))}::uuid[], ${ints(people.map((p) => p.number))}::int[], ${texts(people.map((p) => p.name))}::text[],
            ${texts(people.map((p) => p.siteId))}::uuid[], ${texts(people.map((p) => p.dob))}::date[], ${texts(people.map((p) => p.idType))}::text[],
            ${texts(people.map((p) => encryptIdNumber(p.idNumber)))}::text[], ${texts(people.map((p) => maskIdNumber(p.idNumber)))}::text[],
            ${texts(people.map((p) => idNumberDigest(p.idType, p.idNumber)))}::text[], ${texts(people.map((p) => p.position))}::text[],
            ${texts(people.map((p) => p.department))}::text[], ${texts(people.map((p) => String(p.sensitive)))}::text[],
            ${texts(people.map((p) => p.keyRoles))}::text[], ${texts(people.map((p) => p.hireDate))}::date[], ${texts(people.map((p) => p.leaveDate))}::date[],
            ${texts(people.map((p) => nextCheck.get(p.id) ?? null))}::date[], ${texts(people.map((p) => p.userId))}::uuid[],
            ${texts(people.map((p) => iso(p.createdAt)))}::timestamptz[])
            as e(id, number, name, site_id, dob, id_type, cipher, masked, digest, position, department, sensitive, key_roles, hire_date, leave_date,
                 next_check, user_id, created_at)`,
    );
    await linkAll(tx, ctx, "employee", ctx.feeds.employee ?? [], {
      ids: people.map((p) => p.id),
      at: people.map((p) => iso(noon(p.hireDate))),
      by: people.map(() => ctx.hr.id),
      created: people.map((p) => iso(p.createdAt)),
    });
    await run(
      tx,
      sql`insert into prehire_checks (id, organization_id, number, employee_id, kind, source, checked_on, result, note, checked_by_user_id, created_at)
          select c.id, ${ctx.orgId}::uuid, c.number, c.employee_id, c.kind, c.source, c.checked_on, c.result, c.note, ${ctx.hr.id}::uuid, c.created_at
          from unnest(${texts(prehire.map((c) => c.id))}::uuid[], ${ints(prehire.map((c) => c.number))}::int[], ${texts(prehire.map((c) => c.employee.id))}::uuid[],
            ${texts(prehire.map((c) => c.kind))}::text[], ${texts(prehire.map((c) => c.source))}::text[], ${texts(prehire.map((c) => c.on))}::date[],
            ${texts(prehire.map((c) => c.result))}::text[], ${texts(prehire.map((c) => c.note))}::text[], ${texts(prehire.map((c) => iso(c.createdAt)))}::timestamptz[])
            as c(id, number, employee_id, kind, source, checked_on, result, note, created_at)`,
    );
    await linkAll(tx, ctx, "prehire_check", ctx.feeds.prehire_check ?? [], {
      ids: prehire.map((c) => c.id),
      at: prehire.map((c) => iso(noon(c.on))),
      by: prehire.map(() => ctx.hr.id),
      created: prehire.map((c) => iso(c.createdAt)),
    });
    await run(
      tx,
      sql`insert into background_checks (id, organization_id, number, employee_id, type, provider, checked_on, result, next_check_on, note, recorded_by_user_id, created_at)
          select c.id, ${ctx.orgId}::uuid, c.number, c.employee_id, 'criminal_record', c.provider, c.checked_on, c.result, c.next_check_on, c.note, ${ctx.hr.id}::uuid, c.created_at
          from unnest(${texts(background.map((c) => c.id))}::uuid[], ${ints(background.map((c) => c.number))}::int[], ${texts(background.map((c) => c.employee.id))}::uuid[],
            ${texts(background.map((c) => c.provider))}::text[], ${texts(background.map((c) => c.on))}::date[], ${texts(background.map((c) => c.result))}::text[],
            ${texts(background.map((c) => c.next))}::date[], ${texts(background.map((c) => c.note))}::text[], ${texts(background.map((c) => iso(c.createdAt)))}::timestamptz[])
            as c(id, number, employee_id, provider, checked_on, result, next_check_on, note, created_at)`,
    );
    await linkAll(tx, ctx, "background_check", ctx.feeds.background_check ?? [], {
      ids: background.map((c) => c.id),
      at: background.map((c) => iso(noon(c.on))),
      by: background.map(() => ctx.hr.id),
      created: background.map((c) => iso(c.createdAt)),
    });
    await run(
      tx,
      sql`insert into conduct_acknowledgements (id, organization_id, employee_id, code_version, acknowledged_on, recorded_by_user_id, created_at)
          select a.id, ${ctx.orgId}::uuid, a.employee_id, '员工行为准则 V3.1（2024 年修订）', a.acknowledged_on, ${ctx.hr.id}::uuid, a.created_at
          from unnest(${texts(acks.map((a) => a.id))}::uuid[], ${texts(acks.map((a) => a.employee.id))}::uuid[], ${texts(acks.map((a) => a.on))}::date[],
            ${texts(acks.map((a) => iso(a.createdAt)))}::timestamptz[]) as a(id, employee_id, acknowledged_on, created_at)`,
    );
    await linkAll(tx, ctx, "conduct_acknowledgement", ctx.feeds.conduct_acknowledgement ?? [], {
      ids: acks.map((a) => a.id),
      at: acks.map((a) => iso(noon(a.on))),
      by: acks.map(() => ctx.hr.id),
      created: acks.map((a) => iso(a.createdAt)),
    });

    // Exits: opened when the leave date was set, the four items done by HR on the last day; a few still open.
    const leavers = people.filter((p) => p.leaveDate).sort((a, b) => (a.leaveDate as string).localeCompare(b.leaveDate as string));
    const exits = leavers.map((p, i) => {
      const leave = p.leaveDate as string;
      const done = leave <= addDays(ctx.lastDay, -3) && rand.chance(0.88);
      const openedAt = new Date(
        Math.max(localTime(addDays(leave, -rand.between(3, 20)), 10 * 60).getTime(), p.createdAt.getTime() + 3_600_000),
      );
      const items = offboardingItemKinds.map((item, k) => {
        const ticked = done || (leave <= ctx.lastDay && rand.chance(0.4));
        return { item, doneAt: ticked ? localTime(leave, 10 * 60 + k * 47 + rand.int(40)) : null };
      });
      const doneAt = done ? new Date(Math.max(...items.map((it) => it.doneAt?.getTime() ?? 0))) : null;
      return {
        id: randomUUID(),
        number: i + 1,
        employee: p,
        leave,
        openedAt: openedAt < ctx.now ? openedAt : ctx.now,
        done,
        doneAt,
        items,
      };
    });
    if (exits.length) {
      await run(
        tx,
        sql`insert into offboardings (id, organization_id, number, employee_id, leave_date, deadline, status, done_at, opened_by_user_id, opened_at)
            select o.id, ${ctx.orgId}::uuid, o.number, o.employee_id, o.leave_date, o.deadline, o.status, o.done_at, ${ctx.hr.id}::uuid, o.opened_at
            from unnest(${texts(exits.map((o) => o.id))}::uuid[], ${ints(exits.map((o) => o.number))}::int[], ${texts(exits.map((o) => o.employee.id))}::uuid[],
              ${texts(exits.map((o) => o.leave))}::date[], ${texts(exits.map((o) => offboardingDeadline(o.leave)))}::date[],
              ${texts(exits.map((o) => (o.done ? "done" : "open")))}::text[], ${texts(exits.map((o) => (o.doneAt ? iso(o.doneAt) : null)))}::timestamptz[],
              ${texts(exits.map((o) => iso(o.openedAt)))}::timestamptz[]) as o(id, number, employee_id, leave_date, deadline, status, done_at, opened_at)`,
      );
      const items = exits.flatMap((o) => o.items.map((it) => ({ exit: o.id, ...it })));
      await run(
        tx,
        sql`insert into offboarding_items (organization_id, offboarding_id, item, done_by_user_id, done_at, note)
            select ${ctx.orgId}::uuid, i.exit, i.item, case when i.done_at is null then null else ${ctx.hr.id}::uuid end, i.done_at, ''
            from unnest(${texts(items.map((i) => i.exit))}::uuid[], ${texts(items.map((i) => i.item))}::text[],
              ${texts(items.map((i) => (i.doneAt ? iso(i.doneAt) : null)))}::timestamptz[]) as i(exit, item, done_at)`,
      );
      const done = exits.filter((o) => o.done);
      await linkAll(tx, ctx, "offboarding", ctx.feeds.offboarding ?? [], {
        ids: done.map((o) => o.id),
        at: done.map((o) => iso(noon(o.leave))),
        by: done.map(() => ctx.hr.id),
        created: done.map((o) => iso(o.doneAt as Date)),
      });
    }
  });
  log(
    `seeded ${people.length} employees, ${prehire.length} pre-hire and ${background.length} background checks, ${acks.length} acknowledgements`,
  );
  return people;
}

// ---------------------------------------------------------------------------------------------
// Partners: the register, evaluations decided by a second person, supervision checks

/** A corrective action raised outside inspections, numbered with the inspections' ones later. */
interface StagedAction {
  id: string;
  sourceType: "partner_evaluation" | "supervision_check";
  sourceId: string;
  criterionId: string | null;
  title: string;
  description: string;
  ownerUserId: string;
  dueOn: string;
  status: "open" | "in_progress" | "done" | "cancelled";
  closingNote: string | null;
  closedAt: Date | null;
  closedByUserId: string | null;
  createdByUserId: string;
  createdAt: Date;
}

const CONDITION_TITLES = [
  "提供有效的封志管理程序文件",
  "完成全部司机背景审查并提交记录",
  "签署供应链安全协议并回传盖章件",
  "为承运车辆安装 GPS 定位并提供轨迹记录",
  "提供仓库监控录像保存 90 天的证明",
  "补充提交最近一次内部安全审核报告",
];
const SUPERVISION_SUMMARIES: Record<string, readonly [string, string]> = {
  document_review: ["审阅年度安全自评表、营业执照及资质文件，均在有效期内。", "审阅资质文件，发现道路运输许可证即将到期，要求更新。"],
  performance_review: ["季度绩效回顾：准时率 98%，无货损及安全事件。", "季度回顾发现两次封志号与单证不符，要求整改。"],
  site_visit: ["现场走访仓库及装货区，门禁、监控、封志管理符合协议要求。", "现场走访发现周界围栏破损、访客登记不完整，要求限期整改。"],
};

/** What became of an action by now: most closed in time, some late, a few cancelled or still open. */
function actionOutcome(rand: Rand, ctx: Context, createdAt: Date, dueOn: string, owner: string, manager: string) {
  const dueEnd = startOfDayInZone(addDays(dueOn, 1), SCALE_TIME_ZONE);
  const u = rand.next();
  const open = {
    status: (rand.chance(0.4) ? "in_progress" : "open") as StagedAction["status"],
    closingNote: null,
    closedAt: null,
    closedByUserId: null,
  };
  const closeBetween = (from: number, to: number) =>
    new Date(Math.min(from + (to - from) * (0.1 + 0.9 * rand.next()), ctx.now.getTime() - 3_600_000));
  if (dueOn >= ctx.today) {
    if (u < 0.3)
      return {
        status: "done" as const,
        closingNote: rand.pick(CLOSING_NOTES),
        closedAt: closeBetween(createdAt.getTime(), ctx.now.getTime()),
        closedByUserId: owner,
      };
    return open;
  }
  if (u < 0.75)
    return {
      status: "done" as const,
      closingNote: rand.pick(CLOSING_NOTES),
      closedAt: closeBetween(createdAt.getTime(), dueEnd.getTime()),
      closedByUserId: owner,
    };
  if (u < 0.87) {
    const late = dueEnd.getTime() + rand.between(1, 20) * 86_400_000;
    return {
      status: "done" as const,
      closingNote: rand.pick(CLOSING_NOTES),
      closedAt: closeBetween(dueEnd.getTime(), late),
      closedByUserId: owner,
    };
  }
  if (u < 0.9)
    return {
      status: "cancelled" as const,
      closingNote: "经复核不再需要整改，取消。",
      closedAt: closeBetween(createdAt.getTime(), dueEnd.getTime()),
      closedByUserId: manager,
    };
  return open;
}

function usccFor(region: string, index: number): string {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let code = "";
  let n = index + 31 ** 4;
  for (let i = 0; i < 7; i++) {
    code = (charset[n % 31] ?? "0") + code;
    n = Math.floor(n / 31);
  }
  const first17 = `91${region}MA${code}`;
  return first17 + usccCheckCharacter(first17);
}

interface PartnerRow {
  id: string;
  number: number;
  nameZh: string;
  nameEn: string;
  country: string;
  uscc: string | null;
  foreignReg: string | null;
  roles: string[];
  credit: string;
  aeo: string;
  aeoName: string | null;
  aeoNumber: string | null;
  aeoUntil: string | null;
  volume: number;
  status: string;
  tier: string | null;
  last: string | null;
  next: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface EvaluationRow {
  id: string;
  partner: PartnerRow;
  number: number;
  role: string;
  questionnaireId: string;
  answers: Record<string, { option: string }>;
  score: number | null;
  tier: RiskTier | null;
  reasons: unknown[];
  createdAt: Date;
  preparedAt: Date;
  decision: "approved" | "approved_with_conditions" | "rejected" | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  decidedOn: string | null;
}

type Quality = "good" | "fair" | "weak" | "critical";

async function seedPartners(db: Database, ctx: Context, options: ScaleOptions): Promise<StagedAction[]> {
  const rand = new Rand(13);
  const catalog = await db.select().from(questionnaires);
  const questionnaireFor = (role: string) => catalog.filter((q) => q.roles.includes(role)).sort((a, b) => b.version - a.version)[0] ?? null;
  const roleWeights: [string, number][] = [
    ["manufacturer_supplier", 0.35],
    ["carrier", 0.2],
    ["customs_broker", 0.08],
    ["freight_forwarder", 0.15],
    ["warehouse", 0.08],
    ["third_party_logistics", 0.08],
    ["other", 0.06],
  ];
  const pickRole = () => {
    let u = rand.next();
    for (const [role, w] of roleWeights) if ((u -= w) < 0) return role;
    return "other";
  };
  const onboarding = addDays(ctx.firstDay, -30);
  const policy = DEFAULT_TIER_POLICY;
  const partners: PartnerRow[] = [];
  const evaluations: EvaluationRow[] = [];

  /** Answers of a partner of this quality, scored as the app scores them; decided on `decideOn` unless null. */
  const evaluate = (partner: PartnerRow, role: string, quality: Quality, startOn: string, decideOn: string | null): EvaluationRow => {
    const questionnaire = questionnaireFor(role);
    if (!questionnaire) throw new Error(`scale seed: no questionnaire for ${role}`);
    const answers: Record<string, { option: string }> = {};
    const criticalAt = quality === "critical" ? rand.int(questionnaire.questions.length) : -1;
    questionnaire.questions.forEach((question, q) => {
      const scored = [...question.options].filter((o) => o.score !== null && !o.critical).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
      const na = question.options.find((o) => o.score === null);
      const critical = question.options.find((o) => o.critical);
      const u = rand.next();
      const [best, second = best, worst = second] = [scored[0], scored[1], scored.at(-1)];
      const option =
        q === criticalAt && critical
          ? critical
          : na && u < 0.06
            ? na
            : quality === "good"
              ? u < 0.88
                ? best
                : second
              : quality === "fair" || quality === "critical"
                ? u < 0.5
                  ? best
                  : u < 0.85
                    ? second
                    : worst
                : u < 0.25
                  ? best
                  : u < 0.55
                    ? second
                    : worst;
      if (option) answers[question.key] = { option: option.key };
    });
    const score = scoreEvaluation(questionnaire.questions, answers, policy);
    const createdAt = localTime(startOn, 9 * 60 + rand.int(480));
    const preparedOn = decideOn ? addDays(decideOn, -rand.between(0, 3)) : addDays(startOn, rand.between(1, 3));
    const preparedAt = new Date(
      Math.min(
        Math.max(createdAt.getTime() + 3_600_000, localTime(preparedOn < startOn ? startOn : preparedOn, 14 * 60).getTime()),
        ctx.now.getTime() - 60_000,
      ),
    );
    let decidedAt = decideOn
      ? new Date(Math.max(preparedAt.getTime() + 3_600_000, localTime(decideOn, 10 * 60 + rand.int(420)).getTime()))
      : null;
    if (decidedAt && decidedAt >= ctx.now) decidedAt = null;
    let decision: EvaluationRow["decision"] = null;
    let decisionNote: string | null = null;
    if (decidedAt) {
      const tier = score.tier ?? "high";
      if (quality === "critical") decision = "rejected";
      else if (tier === "low") decision = "approved";
      else if (tier === "medium") decision = rand.chance(0.6) ? "approved" : "approved_with_conditions";
      else decision = rand.chance(0.5) ? "approved_with_conditions" : "rejected";
      // A rejection needs its reason (DecisionSchema); conditions are explained by their actions.
      decisionNote =
        decision === "rejected"
          ? "关键风险项不符合我司供应链安全要求，不予准入。"
          : decision === "approved_with_conditions"
            ? "有条件准入：整改项须在期限内完成。"
            : rand.chance(0.3)
              ? "资料齐全，评估通过。"
              : null;
    }
    const evaluation: EvaluationRow = {
      id: randomUUID(),
      partner,
      number: 0,
      role,
      questionnaireId: questionnaire.id,
      answers,
      score: score.score,
      tier: score.tier,
      reasons: score.reasons,
      createdAt,
      preparedAt,
      decision,
      decisionNote,
      decidedAt,
      decidedOn: decidedAt ? todayInZone(SCALE_TIME_ZONE, decidedAt) : null,
    };
    evaluations.push(evaluation);
    return evaluation;
  };

  for (let p = 0; p < options.partners; p++) {
    const foreign = rand.chance(0.25);
    const role = pickRole();
    const roles = rand.chance(0.2) ? [...new Set([role, role === "carrier" ? "freight_forwarder" : "carrier"])] : [role];
    const [word, wordEn] = rand.pick(TRADE_WORDS);
    const [roleZh, roleEn] = ROLE_WORDS[role] ?? ["贸易", "Trading"];
    const city = rand.pick(CITIES);
    const f = rand.pick(FOREIGN_PARTNERS);
    const credit = foreign
      ? "unknown"
      : rand.chance(0.15)
        ? "advanced"
        : rand.chance(0.82)
          ? "general"
          : rand.chance(0.85)
            ? "unknown"
            : "dishonest";
    const aeo = foreign
      ? f[0] === "US" && rand.chance(0.5)
        ? "ctpat"
        : ["DE", "NL", "FR", "IT", "GB"].includes(f[0]) && rand.chance(0.4)
          ? "eu_aeo"
          : f[0] === "SG" || f[0] === "KR"
            ? "other_mra"
            : "none"
      : credit === "advanced"
        ? "cn_advanced"
        : "none";
    const pending = rand.chance(0.05);
    // Registered at the start (imported) or during the year; evaluated soon after.
    const registeredOn = pending
      ? addDays(ctx.lastDay, -rand.between(3, 60))
      : rand.chance(0.4)
        ? onboarding
        : addDays(ctx.firstDay, rand.int(Math.max(1, options.days - 20)));
    const quality: Quality =
      credit === "dishonest" ? "critical" : rand.chance(0.6) ? "good" : rand.chance(0.55) ? "fair" : rand.chance(0.9) ? "weak" : "critical";
    const createdAt = localTime(registeredOn, 9 * 60 + rand.int(480));
    const partner: PartnerRow = {
      id: randomUUID(),
      number: 0,
      nameZh: foreign ? "" : `${city[0]}${word}${roleZh}有限公司`,
      nameEn: foreign ? `${f[1]} ${wordEn} ${f[2]}` : `${city[1]} ${wordEn} ${roleEn} Co., Ltd.`,
      country: foreign ? f[0] : "CN",
      uscc: foreign ? null : usccFor(city[2], p),
      foreignReg: foreign ? `REG-${f[0]}-${String(100000 + p)}` : null,
      roles,
      credit,
      aeo,
      aeoName: aeo === "other_mra" ? (f[0] === "SG" ? "Singapore STP-Plus" : "Korea AEO") : null,
      aeoNumber:
        aeo === "none" ? null : `${aeo === "cn_advanced" ? "AEOCN" : aeo.toUpperCase().replace("_", "")}${String(4_400_000_000 + p * 37)}`,
      aeoUntil: aeo === "none" ? null : addDays(ctx.today, rand.between(60, 1500)),
      volume: rand.between(5, 5000) * 10_000,
      status: "pending",
      tier: null,
      last: null,
      next: null,
      createdAt,
      updatedAt: createdAt,
    };
    partners.push(partner);
    if (pending) {
      // Prepared and waiting for the second person's decision.
      evaluate(partner, role, quality, addDays(registeredOn, 1) > ctx.lastDay ? ctx.lastDay : addDays(registeredOn, 1), null);
      continue;
    }
    // First decision: soon after registration, or up to 18 months before the year for those imported at the start.
    let firstOn = registeredOn === onboarding ? addDays(ctx.firstDay, -rand.between(0, 540)) : addDays(registeredOn, rand.between(8, 30));
    if (firstOn > ctx.lastDay) firstOn = ctx.lastDay;
    let startOn = addDays(firstOn, -rand.between(4, 12));
    if (registeredOn !== onboarding && startOn < registeredOn) startOn = registeredOn;
    if (registeredOn === onboarding && startOn < registeredOn)
      partner.createdAt = localTime(addDays(startOn, -rand.between(1, 20)), 10 * 60 + rand.int(300));
    const first = evaluate(partner, role, quality, startOn, firstOn);
    let latest = first;
    if (first.decision && first.decision !== "rejected" && first.decidedOn) {
      const due = nextEvaluationOn(first.decidedOn, first.tier ?? "high", policy, null);
      if (due <= ctx.lastDay && rand.chance(0.85)) {
        let againOn = addDays(due, -rand.between(0, 14));
        if (againOn < addDays(first.decidedOn, 30)) againOn = addDays(first.decidedOn, 30);
        if (againOn <= ctx.lastDay) {
          const again = evaluate(partner, role, quality === "critical" ? "weak" : quality, addDays(againOn, -rand.between(4, 12)), againOn);
          if (again.decision) latest = again;
        }
      }
    }
    if (latest.decision && latest.decidedOn && latest.decidedAt) {
      partner.status =
        latest.decision === "approved" ? "approved" : latest.decision === "approved_with_conditions" ? "conditional" : "rejected";
      partner.tier = latest.tier ?? "high";
      partner.last = latest.decidedOn;
      partner.next = latest.decision === "rejected" ? null : nextEvaluationOn(latest.decidedOn, latest.tier ?? "high", policy, null);
      partner.updatedAt = latest.decidedAt;
    }
  }
  partners.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  partners.forEach((p, i) => (p.number = i + 1));
  evaluations.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  evaluations.forEach((e, i) => (e.number = i + 1));
  const nameOf = (p: PartnerRow) => p.nameZh || p.nameEn;

  // Conditions of conditional approvals and findings of supervision checks become actions.
  const actions: StagedAction[] = [];
  const decided = evaluations.filter((e) => e.decision && e.decidedAt && e.decidedOn);
  for (const e of decided) {
    if (e.decision !== "approved_with_conditions") continue;
    const titles = [...CONDITION_TITLES].sort(() => rand.next() - 0.5).slice(0, rand.chance(0.3) ? 2 : 1);
    for (const title of titles) {
      const dueOn = addDays(e.decidedOn as string, rand.between(30, 90));
      const outcome = actionOutcome(rand, ctx, e.decidedAt as Date, dueOn, ctx.procurement.id, ctx.compliance.id);
      actions.push({
        id: randomUUID(),
        sourceType: "partner_evaluation",
        sourceId: e.id,
        criterionId: ctx.feeds.partner_action?.[0] ?? null,
        title,
        description: `${partnerReference(e.partner.number)} ${nameOf(e.partner)}`,
        ownerUserId: ctx.procurement.id,
        dueOn,
        createdByUserId: ctx.compliance.id,
        createdAt: e.decidedAt as Date,
        ...outcome,
      });
    }
  }
  const supervision: { id: string; partner: PartnerRow; kind: string; on: string; result: string; summary: string; createdAt: Date }[] = [];
  const firstDecision = new Map<string, string>();
  for (const e of decided)
    if (e.decision !== "rejected" && !firstDecision.has(e.partner.id)) firstDecision.set(e.partner.id, e.decidedOn as string);
  for (const partner of partners) {
    const from = firstDecision.get(partner.id);
    if (!from || partner.status === "rejected") continue;
    const earliest = addDays(from, 14) > ctx.firstDay ? addDays(from, 14) : ctx.firstDay;
    if (earliest > ctx.lastDay) continue;
    const n = rand.chance(0.1) ? 0 : rand.chance(0.78) ? 1 : 2;
    for (let k = 0; k < n; k++) {
      const on = addDays(earliest, rand.int(daysBetween(earliest, ctx.lastDay) + 1));
      const kind = rand.chance(0.5) ? "document_review" : rand.chance(0.6) ? "performance_review" : "site_visit";
      const findings = rand.chance(0.1);
      const summaries = SUPERVISION_SUMMARIES[kind] as readonly [string, string];
      const check = {
        id: randomUUID(),
        partner,
        kind,
        on,
        result: findings ? "findings" : "satisfactory",
        summary: findings ? summaries[1] : summaries[0],
        createdAt: localTime(on, 16 * 60 + rand.int(120)),
      };
      supervision.push(check);
      if (findings) {
        const dueOn = addDays(on, 30);
        actions.push({
          id: randomUUID(),
          sourceType: "supervision_check",
          sourceId: check.id,
          criterionId: ctx.feeds.supervision_action?.[0] ?? null,
          title: "按检查发现限期整改并提交整改报告",
          description: `${partnerReference(partner.number)} ${nameOf(partner)}: ${check.summary}`,
          ownerUserId: ctx.procurement.id,
          dueOn,
          createdByUserId: ctx.procurement.id,
          createdAt: check.createdAt,
          ...actionOutcome(rand, ctx, check.createdAt, dueOn, ctx.procurement.id, ctx.compliance.id),
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    await bulkSettings(tx);
    const P = partners;
    await run(
      tx,
      sql`insert into partners (id, organization_id, number, legal_name_zh, legal_name_en, country_code, uscc, foreign_registration_number, roles,
            customs_credit, aeo_programme, aeo_programme_name, aeo_certificate_number, aeo_valid_until, annual_volume_cny, status, risk_tier, exempt,
            last_evaluated_on, next_evaluation_on, notes, created_by_user_id, created_at, updated_at)
          select p.id, ${ctx.orgId}::uuid, p.number, p.name_zh, p.name_en, p.country, p.uscc, p.foreign_reg, string_to_array(p.roles, ','), p.credit,
            p.aeo, p.aeo_name, p.aeo_number, p.aeo_until, p.volume, p.status, p.tier, false, p.last, p.next, '', ${ctx.procurement.id}::uuid,
            p.created_at, p.updated_at
          from unnest(${texts(P.map((p) => p.id))}::uuid[], ${ints(P.map((p) => p.number))}::int[], ${texts(P.map((p) => p.nameZh))}::text[],
            ${texts(P.map((p) => p.nameEn))}::text[], ${texts(P.map((p) => p.country))}::text[], ${texts(P.map((p) => p.uscc))}::text[],
            ${texts(P.map((p) => p.foreignReg))}::text[], ${texts(P.map((p) => p.roles.join(",")))}::text[], ${texts(P.map((p) => p.credit))}::text[],
            ${texts(P.map((p) => p.aeo))}::text[], ${texts(P.map((p) => p.aeoName))}::text[], ${texts(P.map((p) => p.aeoNumber))}::text[],
            ${texts(P.map((p) => p.aeoUntil))}::date[], ${texts(P.map((p) => String(p.volume)))}::bigint[], ${texts(P.map((p) => p.status))}::text[],
            ${texts(P.map((p) => p.tier))}::text[], ${texts(P.map((p) => p.last))}::date[], ${texts(P.map((p) => p.next))}::date[],
            ${texts(P.map((p) => iso(p.createdAt)))}::timestamptz[], ${texts(P.map((p) => iso(p.updatedAt)))}::timestamptz[])
            as p(id, number, name_zh, name_en, country, uscc, foreign_reg, roles, credit, aeo, aeo_name, aeo_number, aeo_until, volume, status, tier,
                 last, next, created_at, updated_at)`,
    );
    const E = evaluations;
    await run(
      tx,
      sql`insert into partner_evaluations (id, organization_id, partner_id, number, kind, questionnaire_id, role, status, answers, score, tier, reasons,
            prepared_by_user_id, prepared_at, answered_by_user_ids, decision, decision_note, decided_by_user_id, decided_at, created_by_user_id,
            created_at, updated_at)
          select e.id, ${ctx.orgId}::uuid, e.partner_id, e.number, 'questionnaire', e.questionnaire_id, e.role,
            case when e.decision is null then 'prepared' else 'decided' end, e.answers::jsonb, e.score, e.tier, e.reasons::jsonb,
            ${ctx.procurement.id}::uuid, e.prepared_at, array[${ctx.procurement.id}::uuid], e.decision, e.decision_note,
            case when e.decision is null then null else ${ctx.compliance.id}::uuid end, e.decided_at, ${ctx.procurement.id}::uuid, e.created_at,
            coalesce(e.decided_at, e.prepared_at)
          from unnest(${texts(E.map((e) => e.id))}::uuid[], ${texts(E.map((e) => e.partner.id))}::uuid[], ${ints(E.map((e) => e.number))}::int[],
            ${texts(E.map((e) => e.questionnaireId))}::uuid[], ${texts(E.map((e) => e.role))}::text[], ${texts(E.map((e) => JSON.stringify(e.answers)))}::text[],
            ${texts(E.map((e) => (e.score === null ? null : String(e.score))))}::real[], ${texts(E.map((e) => e.tier))}::text[],
            ${texts(E.map((e) => JSON.stringify(e.reasons)))}::text[], ${texts(E.map((e) => iso(e.preparedAt)))}::timestamptz[],
            ${texts(E.map((e) => e.decision))}::text[], ${texts(E.map((e) => e.decisionNote))}::text[],
            ${texts(E.map((e) => (e.decidedAt ? iso(e.decidedAt) : null)))}::timestamptz[], ${texts(E.map((e) => iso(e.createdAt)))}::timestamptz[])
            as e(id, partner_id, number, questionnaire_id, role, answers, score, tier, reasons, prepared_at, decision, decision_note, decided_at, created_at)`,
    );
    for (const aeo of [true, false]) {
      const rows = decided.filter((e) => (e.partner.aeo !== "none") === aeo);
      await linkAll(tx, ctx, "partner_evaluation", (aeo ? ctx.feeds.partner_evaluation_aeo : ctx.feeds.partner_evaluation) ?? [], {
        ids: rows.map((e) => e.id),
        at: rows.map((e) => iso(e.decidedAt as Date)),
        by: rows.map(() => ctx.compliance.id),
        created: rows.map((e) => iso(e.decidedAt as Date)),
      });
    }
    const S = supervision;
    if (S.length) {
      await run(
        tx,
        sql`insert into supervision_checks (id, organization_id, partner_id, kind, performed_on, result, summary, performed_by_user_id, created_at)
            select s.id, ${ctx.orgId}::uuid, s.partner_id, s.kind, s.performed_on, s.result, s.summary, ${ctx.procurement.id}::uuid, s.created_at
            from unnest(${texts(S.map((s) => s.id))}::uuid[], ${texts(S.map((s) => s.partner.id))}::uuid[], ${texts(S.map((s) => s.kind))}::text[],
              ${texts(S.map((s) => s.on))}::date[], ${texts(S.map((s) => s.result))}::text[], ${texts(S.map((s) => s.summary))}::text[],
              ${texts(S.map((s) => iso(s.createdAt)))}::timestamptz[]) as s(id, partner_id, kind, performed_on, result, summary, created_at)`,
      );
    }
    // Each partner's next supervision date, as the app keeps it: one set-based statement.
    await refreshSupervisionDue(tx, ctx.orgId);
    for (const visit of [true, false]) {
      const rows = S.filter((s) => (s.kind === "site_visit") === visit);
      await linkAll(tx, ctx, "supervision_check", (visit ? ctx.feeds.supervision_site_visit : ctx.feeds.supervision_check) ?? [], {
        ids: rows.map((s) => s.id),
        at: rows.map((s) => iso(noon(s.on))),
        by: rows.map(() => ctx.procurement.id),
        created: rows.map((s) => iso(s.createdAt)),
      });
    }
  });
  log(
    `seeded ${partners.length} partners, ${evaluations.length} evaluations (${decided.filter((e) => e.decision === "rejected").length} rejected, ${decided.filter((e) => e.decision === "approved_with_conditions").length} conditional), ${supervision.length} supervision checks`,
  );
  return actions;
}

// ---------------------------------------------------------------------------------------------
// Inspections: records, answers, evidence links, photos, corrective actions, releases

/** How the year's inspections divide between the built-in templates, and when in the day each is done. */
const TEMPLATE_MIX: readonly { code: string; weight: number; minutes: [number, number]; signed: number }[] = [
  { code: "container-7-point", weight: 0.58, minutes: [360, 1320], signed: 0.15 },
  { code: "conveyance-17-point", weight: 0.22, minutes: [360, 1320], signed: 0.1 },
  { code: "driver-identity-check", weight: 0.08, minutes: [330, 1290], signed: 0 },
  { code: "premises-patrol", weight: 0.07, minutes: [0, 1439], signed: 0 },
  { code: "lighting-check", weight: 0.025, minutes: [1140, 1380], signed: 0 },
  { code: "cctv-footage-review", weight: 0.015, minutes: [480, 1080], signed: 0.97 },
  { code: "building-inspection", weight: 0.01, minutes: [540, 1020], signed: 0.4 },
];

const TEXT_ANSWERS: Record<string, [string, string]> = {
  "findings-summary": ["回放期间未发现异常。", "发现异常情况，已截取录像并报告安保主管。"],
  "other-observations": ["", "详见不合格项说明。"],
  "repairs-ordered": ["", "已通知工程部维修，维修单已开具。"],
  "repairs-completed": ["", "维修待完成，完成后复查。"],
};

interface TemplateTables {
  templates: ChecklistTemplate[];
  tpl: {
    id: string[];
    code: string[];
    kind: string[];
    lo: number[];
    hi: number[];
    minLo: number[];
    minHi: number[];
    gate: string[];
    signoff: string[];
    signed: number[];
    dueDays: number[];
    failOrds: string[];
    notes: string[];
  };
  pts: {
    tpl: string[];
    ord: number[];
    key: string[];
    answer: string[];
    pass: string[];
    fail: string[];
    photo: string[];
    reefer: string[];
    mode: string[];
    crit: (string | null)[];
    title: string[];
  };
  crit: { tpl: string[]; crit: string[]; cond: string[] };
}

async function templateTables(db: Executor, ctx: Context): Promise<TemplateTables> {
  const out: TemplateTables = {
    templates: [],
    tpl: {
      id: [],
      code: [],
      kind: [],
      lo: [],
      hi: [],
      minLo: [],
      minHi: [],
      gate: [],
      signoff: [],
      signed: [],
      dueDays: [],
      failOrds: [],
      notes: [],
    },
    pts: { tpl: [], ord: [], key: [], answer: [], pass: [], fail: [], photo: [], reefer: [], mode: [], crit: [], title: [] },
    crit: { tpl: [], crit: [], cond: [] },
  };
  let cumulative = 0;
  for (const [index, mix] of TEMPLATE_MIX.entries()) {
    const template = await getCurrentTemplate(db, ctx.orgId, mix.code);
    if (!template) throw new Error(`scale seed: no template ${mix.code}`);
    out.templates.push(template);
    const definition = template.definition;
    const failOrds: number[] = [];
    const criteriaByCond = new Map<string, CriterionRef[]>();
    allItems(definition).forEach((item, i) => {
      const ord = i + 1;
      if (item.answer === "photo") return;
      const reeferOnly = item.onlyWhen === "reefer";
      // Required points are always answered; an optional text remark only when the inspection failed,
      // another optional point (the driver check's seal) when the header names a seal (the "opt" share).
      const mode = item.required ? "always" : item.answer === "text" ? "failed" : "optional";
      let pass = "pass";
      let fail = "fail";
      if (item.answer === "yes_no") {
        fail = item.failOn ?? "no";
        pass = fail === "no" ? "yes" : "no";
      } else if (item.answer === "number") {
        pass =
          item.failBelow !== undefined
            ? String(item.failBelow + 10)
            : item.failAbove !== undefined
              ? String(Math.min(0, item.failAbove))
              : "0";
        fail = item.failAbove !== undefined ? String(item.failAbove + 2) : item.failBelow !== undefined ? String(item.failBelow - 5) : pass;
      } else if (item.answer === "text") {
        [pass, fail] = TEXT_ANSWERS[item.key] ?? ["已记录。", "已记录，待跟进。"];
      }
      const failable =
        mode === "always" &&
        !reeferOnly &&
        (item.answer === "pass_fail_na" || item.answer === "yes_no" || (item.answer === "number" && fail !== pass));
      if (failable) failOrds.push(ord);
      const cond = reeferOnly ? "reefer" : mode;
      criteriaByCond.set(cond, [...(criteriaByCond.get(cond) ?? []), ...item.criteria]);
      out.pts.tpl.push(template.id);
      out.pts.ord.push(ord);
      out.pts.key.push(item.key);
      out.pts.answer.push(item.answer);
      out.pts.pass.push(pass);
      out.pts.fail.push(fail);
      out.pts.photo.push(String(failable && item.failRequiresPhoto));
      out.pts.reefer.push(String(reeferOnly));
      out.pts.mode.push(mode);
      out.pts.title.push(`${item.number}. ${item.promptZh} / ${item.promptEn}`);
      out.pts.crit.push(null);
    });
    // The action of a failed point belongs to the current Chinese standard's criterion (recordInspection).
    const resolved = await resolveCriterionRefs(
      db,
      allItems(definition).flatMap((i) => i.criteria),
    );
    allItems(definition).forEach((item, i) => {
      const at = out.pts.tpl.findIndex((t, k) => t === template.id && out.pts.ord[k] === i + 1);
      if (at < 0) return;
      const ref = item.criteria.find((c) => c.framework === "cn-2022-advanced") ?? item.criteria[0];
      out.pts.crit[at] = ref ? (resolved.get(`${ref.framework}/${ref.key}`) ?? null) : null;
    });
    // Links: the criteria of the answered points (not "na"), as recordInspection sets them.
    const always = new Set(await criterionIds(db, criteriaByCond.get("always") ?? []));
    for (const id of always) {
      out.crit.tpl.push(template.id);
      out.crit.crit.push(id);
      out.crit.cond.push("always");
    }
    for (const cond of ["reefer", "optional", "failed"]) {
      for (const id of await criterionIds(db, criteriaByCond.get(cond) ?? [])) {
        if (always.has(id)) continue;
        out.crit.tpl.push(template.id);
        out.crit.crit.push(id);
        out.crit.cond.push(cond);
      }
    }
    out.tpl.id.push(template.id);
    out.tpl.code.push(template.code);
    out.tpl.kind.push(template.kind);
    out.tpl.lo.push(cumulative);
    cumulative = index === TEMPLATE_MIX.length - 1 ? 1.000001 : cumulative + mix.weight;
    out.tpl.hi.push(cumulative);
    out.tpl.minLo.push(mix.minutes[0]);
    out.tpl.minHi.push(mix.minutes[1]);
    out.tpl.gate.push(String(definition.releaseGate));
    out.tpl.signoff.push(definition.supervisorSignoff);
    out.tpl.signed.push(definition.supervisorSignoff === "none" ? 0 : mix.signed);
    out.tpl.dueDays.push(definition.actionDueDays);
    out.tpl.failOrds.push(failOrds.join(","));
    out.tpl.notes.push((FAIL_NOTES[template.kind] ?? ["不合格，已报告"]).join("|"));
  }
  return out;
}

/** ISO 6346 letter values (A=10 upwards, skipping multiples of 11), for the owner codes' part of the check digit. */
function ownerCodeSum(owner: string): number {
  const values: Record<string, number> = {};
  let value = 10;
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (value % 11 === 0) value += 1;
    values[letter] = value++;
  }
  return [...owner].reduce((sum, c, i) => sum + (values[c] ?? 0) * 2 ** i, 0);
}

/**
 * SQL for the values the gate sees, computed per row (a pool of thousands of strings read by
 * subscript would be walked element by element for every row): container numbers with their
 * ISO 6346 check digit, plates, trailers, names, masked ID numbers. `row` is the row's integer.
 */
function gateValues(row: string) {
  const r = (salt: number) => R(row, salt);
  const pick = (values: readonly string[], salt: number) =>
    sql`(${texts(values)}::text[])[1 + floor(${r(salt)} * ${sql.raw(String(values.length))})::int]`;
  const owners = CONTAINER_OWNERS;
  const sums = owners.map(ownerCodeSum);
  // Checked against the app's own check digit once, so the SQL cannot drift from it.
  for (const [k, owner] of owners.entries()) {
    const serial = 123456 + k;
    const digits = String(serial)
      .split("")
      .reduce((sum, d, i) => sum + Number(d) * 2 ** (4 + i), 0);
    if (String((((sums[k] ?? 0) + digits) % 11) % 10) !== containerCheckDigit(`${owner}${serial}`))
      throw new Error("scale seed: container check digit");
  }
  const o = sql`(1 + floor(${r(9)} * ${sql.raw(String(owners.length))})::int)`;
  const serial = sql`floor(${r(29)} * 1000000)::int`;
  const container = sql`((${texts(owners)}::text[])[${o}] || lpad(${serial}::text, 6, '0') || ((((${ints(sums)}::int[])[${o}]
      + (${serial} / 100000 % 10) * 16 + (${serial} / 10000 % 10) * 32 + (${serial} / 1000 % 10) * 64 + (${serial} / 100 % 10) * 128
      + (${serial} / 10 % 10) * 256 + (${serial} % 10) * 512) % 11) % 10)::text)`;
  const chars = sql.raw(`'${PLATE_CHARS}'`);
  const ch = (salt: number) => sql`substr(${chars}, 1 + floor(${r(salt)} * ${sql.raw(String(PLATE_CHARS.length))})::int, 1)`;
  const plate = sql`(${pick(PROVINCE_PLATES, 11)} || ${ch(41)} || ${ch(42)} || ${ch(43)} || ${ch(44)} || ${ch(45)})`;
  const trailer = sql`(${pick(PROVINCE_PLATES, 24)} || lpad(floor(${r(46)} * 10000)::int::text, 4, '0') || '挂')`;
  const name = sql`(${pick(SURNAMES, 16)} || left(${pick(GIVEN, 47)} || case when ${r(48)} < 0.65 then ${pick(GIVEN, 49)} else '' end, 2))`;
  const regions = CITIES.map((c) => c[2].slice(0, 4));
  const residentMasked = sql`(${pick(regions, 50)} || '**********' || lpad(floor(${r(51)} * 1000)::int::text, 3, '0')
      || substr('0123456789X', 1 + floor(${r(52)} * 11)::int, 1))`;
  const driverId = sql`(case when ${r(25)} < 0.95 then 'cn_resident_id|' || ${residentMasked}
      else 'hk_macau_permit|H****' || lpad(floor(${r(53)} * 10000)::int::text, 4, '0') end)`;
  const employers = TRADE_WORDS.flatMap(([w]) => ["深圳", "东莞", "广州", "上海"].map((c) => `${c}${w}物流有限公司`));
  const employer = pick(employers, 26);
  return { container, plate, trailer, name, residentMasked, driverId, employer, pick };
}

async function seedInspections(db: Database, ctx: Context, options: ScaleOptions, staged: StagedAction[]): Promise<void> {
  const N = options.inspections;
  const tables = await templateTables(db, ctx);
  const gate = gateValues("x.i");
  const nsites = ctx.siteIds.length;
  const ng = ctx.guards.length;
  const tz = SCALE_TIME_ZONE;
  const now = iso(ctx.now);
  const superuser = await isSuperuser(db);
  await db.transaction(async (tx) => {
    await bulkSettings(tx);
    const t0 = performance.now();
    const T = tables.tpl;
    await run(
      tx,
      sql`create temp table s_tpl on commit drop as
          select * from unnest(${texts(T.id)}::uuid[], ${texts(T.code)}::text[], ${texts(T.kind)}::text[], ${texts(T.lo.map(String))}::float8[],
            ${texts(T.hi.map(String))}::float8[], ${ints(T.minLo)}::int[], ${ints(T.minHi)}::int[], ${texts(T.gate)}::boolean[], ${texts(T.signoff)}::text[],
            ${texts(T.signed.map(String))}::float8[], ${ints(T.dueDays)}::int[], ${texts(T.failOrds)}::text[], ${texts(T.notes)}::text[])
            as t(tpl, code, kind, lo, hi, min_lo, min_hi, gate, signoff, signed_share, due_days, fail_ords_text, notes_text)`,
    );
    const P = tables.pts;
    await run(
      tx,
      sql`create temp table s_pts on commit drop as
          select * from unnest(${texts(P.tpl)}::uuid[], ${ints(P.ord)}::int[], ${texts(P.key)}::text[], ${texts(P.answer)}::text[], ${texts(P.pass)}::text[],
            ${texts(P.fail)}::text[], ${texts(P.photo)}::boolean[], ${texts(P.reefer)}::boolean[], ${texts(P.mode)}::text[], ${texts(P.crit)}::uuid[],
            ${texts(P.title)}::text[]) as p(tpl, ord, key, answer, pass_value, fail_value, photo, reefer_only, mode, crit, title)`,
    );
    const C = tables.crit;
    await run(
      tx,
      sql`create temp table s_crit on commit drop as
          select * from unnest(${texts(C.tpl)}::uuid[], ${texts(C.crit)}::uuid[], ${texts(C.cond)}::text[]) as c(tpl, crit, cond)`,
    );
    await run(
      tx,
      sql`create temp table s_ins on commit drop as
          with g as (
            select gs.i, floor((gs.i - 1)::float8 * ${sql.raw(String(options.days))} / ${sql.raw(String(N))})::int as d,
              floor(${R("gs.i", 1)} * ${sql.raw(String(nsites))})::int as s, ${R("gs.i", 2)} as rt
            from generate_series(1, ${sql.raw(String(N))}) as gs(i)
          ), x as (
            select g.i, g.d, g.s, tp.tpl, tp.code, tp.kind, tp.gate, tp.signoff, tp.signed_share, tp.notes_text,
              string_to_array(tp.fail_ords_text, ',')::int[] as fail_ords,
              ${ctx.periodStart.toISOString()}::timestamptz
                + make_interval(days => g.d, mins => tp.min_lo + floor(${R("g.i", 4)} * (tp.min_hi - tp.min_lo))::int) as occurred_at
            from g join s_tpl tp on g.rt >= tp.lo and g.rt < tp.hi
          ), y as (
            select x.*, cardinality(x.fail_ords) as nfo,
              (x.kind = 'container' and ${R("x.i", 13)} < 0.1) as reefer,
              ${R("x.i", 14)} < 0.3 as opt,
              (${texts(ctx.siteIds)}::uuid[])[x.s + 1] as site_id,
              (${texts(ctx.guards.map((g) => g.id))}::uuid[])[1 + ((x.s + ${sql.raw(String(nsites))} * (${R("x.i", 3)} < 0.5)::int) % ${sql.raw(String(ng))})] as inspector,
              ${gate.container} as container, ${gate.plate} as plate, ${gate.trailer} as trailer,
              ${gate.name} as driver, ${gate.driverId} as driver_id, ${gate.employer} as employer,
              ${gate.pick(GATE_AREAS, 10)} as gate_area, ${gate.pick(PATROL_AREAS, 10)} as patrol_area, ${gate.pick(BUILDING_AREAS, 10)} as building_area,
              ${gate.pick(CAMERAS, 27)} as camera,
              'SO' || to_char(x.occurred_at at time zone ${tz}, 'YYMMDD') || lpad((x.i % 100000)::text, 5, '0') as ship
            from x
          ), z as (
            select y.*,
              case when y.nfo > 0 and ${R("y.i", 5)} < ${sql.raw(String(1 / options.failureEvery))}
                then case when y.nfo > 1 and ${R("y.i", 6)} < 0.15 then 2 else 1 end else 0 end as nfail,
              floor(${R("y.i", 7)} * greatest(y.nfo, 1))::int as fi1,
              floor(${R("y.i", 8)} * greatest(y.nfo - 1, 1))::int as fi2
            from y
          )
          select row_number() over (order by z.occurred_at, z.i) as n, gen_random_uuid() as id, z.i, z.tpl, z.code, z.kind, z.gate, z.site_id,
            z.inspector, z.occurred_at, z.reefer, z.opt, z.nfail, z.notes_text,
            case when z.nfail > 0 then z.fail_ords[1 + z.fi1] end as f1,
            case when z.nfail > 1 then z.fail_ords[1 + ((z.fi1 + 1 + z.fi2) % z.nfo)] end as f2,
            jsonb_strip_nulls(case z.kind
              when 'container' then jsonb_build_object('containerNumber', z.container, 'reefer', z.reefer,
                'shipmentRef', case when ${R("z.i", 12)} < 0.8 then z.ship end, 'truckPlate', case when ${R("z.i", 11)} < 0.9 then z.plate end,
                'area', case when ${R("z.i", 15)} < 0.3 then z.gate_area end)
              when 'conveyance' then jsonb_build_object('truckPlate', z.plate, 'trailerNumber', z.trailer,
                'containerNumber', case when ${R("z.i", 15)} < 0.5 then z.container end, 'shipmentRef', case when ${R("z.i", 12)} < 0.6 then z.ship end,
                'driverName', case when ${R("z.i", 17)} < 0.7 then z.driver end, 'area', case when ${R("z.i", 18)} < 0.2 then z.gate_area end)
              when 'driver' then jsonb_build_object('driverName', z.driver, 'driverIdType', split_part(z.driver_id, '|', 1),
                'driverIdNumberMasked', split_part(z.driver_id, '|', 2), 'driverEmployer', z.employer, 'truckPlate', z.plate,
                'trailerNumber', case when ${R("z.i", 15)} < 0.6 then z.trailer end,
                'arrivalTime', to_char(z.occurred_at at time zone ${tz}, 'HH24:MI'),
                'departureTime', case when ${R("z.i", 17)} < 0.8
                  then to_char((z.occurred_at + make_interval(mins => 20 + floor(${R("z.i", 18)} * 90)::int)) at time zone ${tz}, 'HH24:MI') end,
                'sealAtDeparture', case when z.opt then 'CNS' || lpad((z.i % 10000000)::text, 8, '0') end,
                'shipmentRef', case when ${R("z.i", 12)} < 0.5 then z.ship end)
              when 'premises' then jsonb_build_object('area', case when ${R("z.i", 15)} < 0.7 then z.patrol_area end)
              when 'lighting' then jsonb_build_object('area', case when ${R("z.i", 15)} < 0.5 then z.patrol_area end)
              when 'cctv' then jsonb_build_object(
                'reviewFrom', to_char((z.occurred_at at time zone ${tz})::date - 1, 'YYYY-MM-DD') || 'T00:00',
                'reviewTo', to_char((z.occurred_at at time zone ${tz})::date - 1, 'YYYY-MM-DD') || 'T23:59',
                'camerasReviewed', z.camera, 'area', case when ${R("z.i", 15)} < 0.3 then z.patrol_area end)
              when 'building' then jsonb_build_object('area', z.building_area)
              else '{}'::jsonb end) as header,
            z.occurred_at + make_interval(secs => 60 + floor(${R("z.i", 19)} * 540)::int) as submitted_at,
            z.signoff, z.signed_share, ${R("z.i", 20)} as r_sign, ${R("z.i", 21)} as r_sign_at, ${R("z.i", 22)} as r_note, ${R("z.i", 23)} as r_release
          from z`,
    );
    await run(tx, sql`create index on s_ins (id)`);
    await run(tx, sql`analyze s_ins`);
    log(`generated ${N} inspections in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const t1 = performance.now();
    await run(
      tx,
      sql`insert into inspections (id, organization_id, draft_key, number, template_id, status, inspector_user_id, site_id, occurred_at, area,
            container_number, header, draft_values, result, failed_points, submitted_at, signed_off_by_user_id, signed_off_at, signoff_note,
            released_at, released_by_user_id, release_override_reason, release_gate, signoff_required, created_at, updated_at)
          select s.id, ${ctx.orgId}::uuid, gen_random_uuid(), s.n, s.tpl, 'submitted', s.inspector, s.site_id, s.occurred_at, s.header->>'area',
            s.header->>'containerNumber', s.header, '{}'::jsonb, case when s.nfail > 0 then 'fail' else 'pass' end, s.nfail, s.submitted_at,
            case when sg.signed_at is not null then ${ctx.lead.id}::uuid end, sg.signed_at,
            case when sg.signed_at is not null and s.r_note < 0.3 then '已复核，记录完整。' end,
            rl.released_at, case when rl.released_at is not null then s.inspector end, null, s.gate, s.signoff = 'required',
            s.occurred_at - interval '1 minute', greatest(s.submitted_at, sg.signed_at, rl.released_at)
          from s_ins s
          cross join lateral (
            select case when s.signoff <> 'none' and s.r_sign < s.signed_share
                    and s.occurred_at + make_interval(mins => 60 + floor(s.r_sign_at * 1000)::int) < ${now}::timestamptz
              then s.occurred_at + make_interval(mins => 60 + floor(s.r_sign_at * 1000)::int) end as signed_at) sg
          cross join lateral (
            select case when s.gate and s.nfail = 0 and s.submitted_at + make_interval(mins => 5 + floor(s.r_release * 50)::int) < ${now}::timestamptz
              then s.submitted_at + make_interval(mins => 5 + floor(s.r_release * 50)::int) end as released_at) rl`,
    );
    log(`seeded ${N} inspections in ${((performance.now() - t1) / 1000).toFixed(1)} s`);

    // The two largest inserts skip the per-row foreign-key triggers when the role may (a superuser,
    // as the benchmark's is): they halve the time, and verifyBulkReferences checks the same
    // references set-based right after.
    if (superuser) await run(tx, sql`set local session_replication_role = replica`);
    const answers = await timed("inspection answers", async () => {
      const [row] = await rowsOf<{ n: number }>(
        tx,
        sql`with ins as (
              insert into inspection_answers (organization_id, inspection_id, item_key, value, failed, note)
              select ${ctx.orgId}::uuid, s.id, p.key,
                case when p.ord = s.f1 or p.ord = s.f2 then p.fail_value when p.answer = 'text' and s.nfail > 0 then p.fail_value else p.pass_value end,
                coalesce(p.ord = s.f1 or p.ord = s.f2, false),
                case when p.ord = s.f1 or p.ord = s.f2 then
                  (string_to_array(s.notes_text, '|'))[1 + floor(${R("s.i * 64 + p.ord", 28)} * cardinality(string_to_array(s.notes_text, '|')))::int] end
              from s_ins s join s_pts p on p.tpl = s.tpl
              where (not p.reefer_only or s.reefer)
                and (p.mode = 'always' or (p.mode = 'optional' and s.opt) or (p.mode = 'failed' and s.nfail > 0))
              -- By inspection: the (organization, inspection, point) index fills in order.
              order by s.id, p.ord
              returning 1)
            select count(*)::int as n from ins`,
      );
      return Number(row?.n ?? 0);
    });
    log(`  ${answers} answers`);

    await timed("inspection evidence links", async () => {
      await run(
        tx,
        sql`insert into evidence_links (organization_id, criterion_id, record_type, record_id, occurred_at, linked_by_user_id, created_at)
            select ${ctx.orgId}::uuid, c.crit, 'inspection', s.id, s.occurred_at, s.inspector, s.submitted_at
            from s_ins s join s_crit c on c.tpl = s.tpl and c.cond = 'always'`,
      );
      await run(
        tx,
        sql`insert into evidence_links (organization_id, criterion_id, record_type, record_id, occurred_at, linked_by_user_id, created_at)
            select ${ctx.orgId}::uuid, c.crit, 'inspection', s.id, s.occurred_at, s.inspector, s.submitted_at
            from s_ins s join s_crit c on c.tpl = s.tpl
            where (c.cond = 'reefer' and s.reefer) or (c.cond = 'optional' and s.opt) or (c.cond = 'failed' and s.nfail > 0)
            on conflict do nothing`,
      );
    });
    if (superuser) {
      await run(tx, sql`set local session_replication_role = origin`);
      await verifyBulkReferences(tx, ctx.orgId);
    }

    // A failed point that asks for a photo has one (checkInspection refuses the submit otherwise).
    await timed("photos of failed points", async () => {
      const failed = await rowsOf<{ id: string; key: string; inspector: string; occurred_at: string | Date }>(
        tx,
        sql`select s.id, p.key, s.inspector, s.occurred_at from s_ins s join s_pts p on p.tpl = s.tpl and (p.ord = s.f1 or p.ord = s.f2)
            where s.nfail > 0 and p.photo order by s.n, p.ord`,
      );
      const stored = await storeMany((i) => ctx.rules.bytes("failed-point", i), failed.length);
      const fileIds = failed.map(() => randomUUID());
      const at = failed.map((f) => new Date(new Date(f.occurred_at).getTime() - 3 * 60_000));
      await insertFiles(tx, ctx, {
        ids: fileIds,
        stored,
        names: at.map((d, i) => cameraName(d, i % 7)),
        by: failed.map((f) => f.inspector),
        at: at.map(iso),
      });
      await run(
        tx,
        sql`insert into inspection_photos (organization_id, inspection_id, item_key, file_id, uploaded_by_user_id, created_at)
            select ${ctx.orgId}::uuid, f.inspection_id, f.item_key, f.file_id, f.by, f.at
            from unnest(${texts(failed.map((f) => f.id))}::uuid[], ${texts(failed.map((f) => f.key))}::text[], ${texts(fileIds)}::uuid[],
              ${texts(failed.map((f) => f.inspector))}::uuid[], ${texts(at.map(iso))}::timestamptz[]) as f(inspection_id, item_key, file_id, by, at)`,
      );
      log(`  ${failed.length} photos of failed points`);
    });

    // Corrective actions of every source, numbered CA-1… in the order they were raised.
    await timed("corrective actions", async () => {
      const A = staged;
      const u = R("s.n * 64 + p.ord", 31);
      const u2 = R("s.n * 64 + p.ord", 32);
      await run(
        tx,
        sql`insert into corrective_actions (id, organization_id, number, source_type, source_id, source_item_key, criterion_id, title, description,
              owner_user_id, due_on, status, closing_note, closed_at, closed_by_user_id, created_by_user_id, created_at, updated_at)
            select a.id, ${ctx.orgId}::uuid, row_number() over (order by a.created_at, a.seq), a.source_type, a.source_id, a.item_key, a.criterion_id,
              a.title, a.description, a.owner, a.due_on, a.status, a.closing_note, a.closed_at, a.closed_by, a.created_by, a.created_at,
              coalesce(a.closed_at, a.created_at)
            from (
              select gen_random_uuid() as id, 'inspection' as source_type, s.id as source_id, p.key as item_key, p.crit as criterion_id, p.title,
                coalesce(an.note, '') as description, s.inspector as owner, d.due_on, st.status,
                case st.status when 'done' then (${texts(CLOSING_NOTES)}::text[])[1 + floor(${u2} * ${sql.raw(String(CLOSING_NOTES.length))})::int]
                  when 'cancelled' then '复查确认为误判，取消整改。' end as closing_note,
                st.closed_at, case st.status when 'done' then s.inspector when 'cancelled' then ${ctx.owner.id}::uuid end as closed_by,
                s.inspector as created_by, s.submitted_at as created_at, s.n * 64 + p.ord as seq
              from s_ins s
              join s_pts p on p.tpl = s.tpl and (p.ord = s.f1 or p.ord = s.f2)
              join s_tpl tp on tp.tpl = s.tpl
              join inspection_answers an on an.organization_id = ${ctx.orgId}::uuid and an.inspection_id = s.id and an.item_key = p.key
              cross join lateral (select (s.occurred_at at time zone ${tz})::date + tp.due_days as due_on) d
              cross join lateral (select ((d.due_on + 1)::timestamp at time zone ${tz}) as due_end) e
              cross join lateral (
                select case
                  when d.due_on >= ${ctx.today}::date then case when ${u} < 0.5 then 'done' when ${u} < 0.8 then 'open' else 'in_progress' end
                  when ${u} < 0.9 then 'done' when ${u} < 0.93 then 'cancelled' when ${u} < 0.97 then 'open' else 'in_progress' end as status,
                  case
                    when d.due_on >= ${ctx.today}::date then case when ${u} < 0.5
                      then s.submitted_at + (${now}::timestamptz - s.submitted_at) * (0.1 + 0.8 * ${u2}) end
                    when ${u} < 0.78 then s.submitted_at + (e.due_end - s.submitted_at) * (0.05 + 0.9 * ${u2})
                    when ${u} < 0.9 then least(e.due_end + make_interval(hours => 2 + floor(${u2} * 460)::int), ${now}::timestamptz - interval '1 hour')
                    when ${u} < 0.93 then s.submitted_at + (e.due_end - s.submitted_at) * ${u2}
                  end as closed_at) st
              where s.nfail > 0
              union all
              select a.id, a.source_type, a.source_id, null, a.criterion_id, a.title, a.description, a.owner, a.due_on, a.status, a.closing_note,
                a.closed_at, a.closed_by, a.created_by, a.created_at, 0
              from unnest(${texts(A.map((a) => a.id))}::uuid[], ${texts(A.map((a) => a.sourceType))}::text[], ${texts(A.map((a) => a.sourceId))}::uuid[],
                ${texts(A.map((a) => a.criterionId))}::uuid[], ${texts(A.map((a) => a.title))}::text[], ${texts(A.map((a) => a.description))}::text[],
                ${texts(A.map((a) => a.ownerUserId))}::uuid[], ${texts(A.map((a) => a.dueOn))}::date[], ${texts(A.map((a) => a.status))}::text[],
                ${texts(A.map((a) => a.closingNote))}::text[], ${texts(A.map((a) => (a.closedAt ? iso(a.closedAt) : null)))}::timestamptz[],
                ${texts(A.map((a) => a.closedByUserId))}::uuid[], ${texts(A.map((a) => a.createdByUserId))}::uuid[],
                ${texts(A.map((a) => iso(a.createdAt)))}::timestamptz[])
                as a(id, source_type, source_id, criterion_id, title, description, owner, due_on, status, closing_note, closed_at, closed_by, created_by, created_at)
            ) a`,
      );
    });

    // A failed container or truck is released once its actions are closed; a few were released by a
    // supervisor with a written reason while actions were still open; the others are still blocked.
    await timed("releases of failed inspections", async () => {
      await run(
        tx,
        sql`with st as (
              select s.id, s.n, s.submitted_at, s.inspector, bool_and(a.status in ('done', 'cancelled')) as all_closed, max(a.closed_at) as last_closed,
                min(coalesce(a.closed_at, 'infinity'::timestamptz)) as first_closed
              from s_ins s join corrective_actions a
                on a.organization_id = ${ctx.orgId}::uuid and a.source_type = 'inspection' and a.source_id = s.id
              where s.gate and s.nfail > 0
              group by s.id, s.n, s.submitted_at, s.inspector
            ), ranked as (
              select st.*, st.first_closed > st.submitted_at + interval '2 hours' as eligible,
                row_number() over (partition by st.first_closed > st.submitted_at + interval '2 hours' order by st.n) as rk
              from st
            ), decided as (
              select r.*, r.eligible and (${R("r.n", 53)} < 0.02 or r.rk = 1) as override,
                r.submitted_at + make_interval(mins => 30 + floor(${R("r.n", 51)} * 90)::int) as override_at,
                r.last_closed + make_interval(mins => 10 + floor(${R("r.n", 52)} * 30)::int) as closed_release_at
              from ranked r
            )
            update inspections t set
              released_at = case when d.override then d.override_at else d.closed_release_at end,
              released_by_user_id = case when d.override then ${ctx.lead.id}::uuid else d.inspector end,
              release_override_reason = case when d.override
                then (${texts(OVERRIDE_REASONS)}::text[])[1 + floor(${R("d.n", 54)} * ${sql.raw(String(OVERRIDE_REASONS.length))})::int] end,
              updated_at = greatest(t.updated_at, case when d.override then d.override_at else d.closed_release_at end)
            from decided d
            where t.id = d.id and t.organization_id = ${ctx.orgId}::uuid
              and ((d.override and d.override_at < ${now}::timestamptz) or (not d.override and d.all_closed and d.closed_release_at < ${now}::timestamptz))`,
      );
    });
  });
}

async function insertFiles(
  tx: Executor,
  ctx: Context,
  files: { ids: string[]; stored: StoredBytes[]; names: string[]; by: string[]; at: string[] },
): Promise<void> {
  if (!files.ids.length) return;
  await run(
    tx,
    sql`insert into evidence_files (id, organization_id, sha256, size_bytes, media_type, original_name, uploaded_by_user_id, uploaded_at)
        select f.id, ${ctx.orgId}::uuid, f.sha256, f.size, 'image/jpeg', f.name, f.by, f.at
        from unnest(${texts(files.ids)}::uuid[], ${texts(files.stored.map((s) => s.sha256))}::text[], ${ints(files.stored.map((s) => s.sizeBytes))}::bigint[],
          ${texts(files.names)}::text[], ${texts(files.by)}::uuid[], ${texts(files.at)}::timestamptz[]) as f(id, sha256, size, name, by, at)`,
  );
}

/** The large photos: through checkPhoto and storeFile, as the inspection photo upload stores them. */
async function seedLargePhotos(db: Database, ctx: Context, options: ScaleOptions): Promise<number> {
  if (options.photoInspections <= 0) return 0;
  const dir = options.photoDir ?? path.join(tmpdir(), "tradeguard-scale-photos");
  mkdirSync(dir, { recursive: true });
  const K = options.photoInspections;
  const chosen = await rowsOf<{
    id: string;
    inspector: string;
    occurred_at: string | Date;
    definition: ChecklistTemplate["definition"];
    header: { reefer?: boolean };
  }>(
    db,
    sql`select x.id, x.inspector_user_id as inspector, x.occurred_at, x.definition, x.header from (
          select i.id, i.inspector_user_id, i.occurred_at, t.definition, i.header,
            row_number() over (order by i.number) as rn, count(*) over () as c
          from inspections i join checklist_templates t on t.id = i.template_id
          where i.organization_id = ${ctx.orgId}::uuid and t.kind in ('container', 'conveyance')) x
        where (x.rn * ${sql.raw(String(K))}) / x.c > ((x.rn - 1) * ${sql.raw(String(K))}) / x.c`,
  );
  const failedRows = await rowsOf<{ inspection_id: string; item_key: string }>(
    db,
    sql`select inspection_id, item_key from inspection_answers
        where organization_id = ${ctx.orgId}::uuid and failed and inspection_id = any(${texts(chosen.map((c) => c.id))}::uuid[])`,
  );
  const failedOf = new Map<string, string[]>();
  for (const f of failedRows) failedOf.set(f.inspection_id, [...(failedOf.get(f.inspection_id) ?? []), f.item_key]);
  const rand = new Rand(19);
  let photo = 0;
  const rows: { inspection: string; key: string; file: string; by: string; at: string }[] = [];
  await db.transaction(async (tx) => {
    await bulkSettings(tx);
    for (const inspection of chosen) {
      const visible = allItems(inspection.definition).filter((i) => i.onlyWhen !== "reefer" || inspection.header.reefer === true);
      const keys = [...(failedOf.get(inspection.id) ?? [])];
      const count = 1 + rand.int(3);
      while (keys.length < count) {
        const key = rand.pick(visible).key;
        if (!keys.includes(key)) keys.push(key);
      }
      const occurred = new Date(inspection.occurred_at);
      for (const [k, key] of keys.slice(0, count).entries()) {
        const bytes = await largePhoto(dir, photo++);
        const takenAt = new Date(occurred.getTime() - (count - k) * 60_000);
        const checked = await checkPhoto(new File([new Uint8Array(bytes)], cameraName(takenAt), { type: "image/jpeg" }));
        if (!checked || !checked.ok) throw new Error("scale seed: a generated photo was refused");
        const file = await storeFile(tx, { organizationId: ctx.orgId, userId: inspection.inspector }, checked.file);
        rows.push({ inspection: inspection.id, key, file: file.id, by: inspection.inspector, at: iso(takenAt) });
      }
    }
    await run(
      tx,
      sql`insert into inspection_photos (organization_id, inspection_id, item_key, file_id, uploaded_by_user_id, created_at)
          select ${ctx.orgId}::uuid, r.inspection, r.key, r.file, r.by, r.at
          from unnest(${texts(rows.map((r) => r.inspection))}::uuid[], ${texts(rows.map((r) => r.key))}::text[], ${texts(rows.map((r) => r.file))}::uuid[],
            ${texts(rows.map((r) => r.by))}::uuid[], ${texts(rows.map((r) => r.at))}::timestamptz[]) as r(inspection, key, file, by, at)
          on conflict do nothing`,
    );
  });
  log(`stored ${rows.length} large photos of ${chosen.length} inspections (cache ${dir})`);
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Seals: received by the box, issued to the guard at the start of a shift, applied after the
// container's 7-point inspection (with its photo), verified (VVTT) at departure and, for transfers
// between the organisation's sites, at arrival; a few failed verifications and broken-seal reports,
// most of them resolved; the rest of the last boxes in stock, issued or voided.

const SEALS_PER_BOX = 250;

async function seedSeals(db: Database, ctx: Context, options: ScaleOptions): Promise<void> {
  const T = options.sealEvents;
  if (T <= 0) return;
  const nsites = ctx.siteIds.length;
  const ng = ctx.guards.length;
  const tz = SCALE_TIME_ZONE;
  const now = iso(ctx.now);
  const { t } = createI18n("zh-CN");
  const stage = t("seals.stage.departure");
  const autoReport = (checks: ("view" | "verify" | "tug" | "twist")[]) =>
    t("seals.verify.autoReport", { stage, checks: checks.map((c) => t(`seals.vvtt.${c}.short`)).join(t("common.listSeparator")) });
  const mismatch = t("seals.verify.autoMismatch", { number: "{N}", document: "{D}" });
  const notified = JSON.stringify([`${ctx.lead.name} <${ctx.lead.email}>`]);
  const lastReceive = localTime(ctx.lastDay, 10 * 60);

  await db.transaction(async (tx) => {
    await bulkSettings(tx);
    let U = Math.floor(T / 4.45);
    let usedEvents: number;
    for (let attempt = 0; ; attempt++) {
      await run(tx, sql`drop table if exists s_app`);
      await run(
        tx,
        sql`create temp table s_app on commit drop as
            with c as (
              select i.id as inspection_id, i.number, i.site_id, i.inspector_user_id as guard, i.occurred_at, i.released_at,
                i.container_number as container, i.header->>'shipmentRef' as ship,
                row_number() over (order by i.occurred_at, i.number) as rn, count(*) over () as cnt
              from inspections i join checklist_templates t on t.id = i.template_id
              where i.organization_id = ${ctx.orgId}::uuid and t.kind = 'container' and i.result = 'pass' and i.released_at is not null
                and i.container_number is not null and i.occurred_at < ${now}::timestamptz - interval '6 hours'
            ), p as (
              select c.*, date_trunc('minute', c.released_at + make_interval(mins => 15 + floor(${R("c.number", 71)} * 60)::int)) as applied_at
              from c where (c.rn * ${sql.raw(String(U))}) / c.cnt > ((c.rn - 1) * ${sql.raw(String(U))}) / c.cnt
            ), q as (
              select row_number() over (order by p.applied_at, p.number) as j, p.*,
                array_position(${texts(ctx.siteIds)}::uuid[], p.site_id) - 1 as sidx
              from p
            )
            select q.*, gen_random_uuid() as seal_id, gen_random_uuid() as ev_app, gen_random_uuid() as ev_dep, gen_random_uuid() as ev_rep,
              (row_number() over (partition by q.sidx order by q.applied_at, q.j) - 1)::int as k,
              (${texts(ctx.guards.map((g) => g.id))}::uuid[])[1 + ((q.sidx + ${sql.raw(String(nsites))} * (${R("q.j", 91)} < 0.5)::int) % ${sql.raw(String(ng))})] as guard2,
              (${texts(ctx.guards.map((g) => g.id))}::uuid[])[1 + ((q.sidx + 1) % ${sql.raw(String(nsites))})] as guard3,
              q.applied_at + make_interval(mins => 20 + floor(${R("q.j", 83)} * 70)::int) as dep_at,
              (${R("q.j", 81)} < 0.004 or q.j = greatest(1, (count(*) over ()) / 3)) as fail_v,
              floor(${R("q.j", 89)} * 10)::int as variant,
              (${R("q.j", 82)} < 0.002 or q.j = greatest(2, 2 * (count(*) over ()) / 3)) as broken_raw,
              ${R("q.j", 84)} < 0.3 as arrival_raw,
              q.applied_at + make_interval(hours => 6 + floor(${R("q.j", 85)} * 42)::int) as arr_at
            from q`,
      );
      await run(
        tx,
        sql`alter table s_app add column broken boolean, add column arrival boolean, add column report_at timestamptz,
              add column resolved boolean, add column resolved_at timestamptz`,
      );
      await run(
        tx,
        sql`update s_app set broken = broken_raw and not fail_v,
              arrival = arrival_raw and not fail_v and not broken_raw and arr_at < ${now}::timestamptz - interval '10 minutes',
              report_at = case when fail_v then dep_at
                when broken_raw then least(dep_at + make_interval(mins => 60 + floor(${R("j", 86)} * 480)::int), ${now}::timestamptz - interval '1 minute') end`,
      );
      await run(
        tx,
        sql`update s_app set resolved = (fail_v or broken) and report_at < ${now}::timestamptz - interval '5 days' and ${R("j", 87)} < 0.8,
              resolved_at = report_at + make_interval(hours => 24 + floor(${R("j", 88)} * 72)::int)`,
      );
      const [counts] = await rowsOf<{ used: number; events: number }>(
        tx,
        sql`select count(*)::int as used,
              (4 * count(*) + count(*) filter (where arrival) + count(*) filter (where fail_v or broken) + count(*) filter (where resolved))::int as events
            from s_app`,
      );
      usedEvents = Number(counts?.events ?? 0);
      const used = Number(counts?.used ?? 0);
      if (usedEvents <= T || used === 0 || attempt > 5) break;
      U = Math.max(0, used - Math.ceil((usedEvents - T) / 4) - 1);
    }
    // The rest of the budget: seals still in the last boxes (received), in a guard's custody, or voided.
    const rest = Math.max(0, T - usedEvents);
    const voided = Math.floor((rest * 0.02) / 2);
    const issued = Math.floor((rest * 0.08) / 2);
    const stock = rest - 2 * voided - 2 * issued;
    const leftover = voided + issued + stock;
    await run(
      tx,
      sql`create temp table s_seal on commit drop as
          select a.seal_id, a.site_id, a.sidx, a.k, 'used'::text as role from s_app a
          union all
          select gen_random_uuid(), (${texts(ctx.siteIds)}::uuid[])[o.sidx + 1], o.sidx, coalesce(u.c, 0) + o.q,
            case when o.pos < ${sql.raw(String(voided))} then 'voided' when o.pos < ${sql.raw(String(voided + issued))} then 'issued' else 'stock' end
          from (
            select l.*, row_number() over (order by l.r, l.m) - 1 as pos
            from (select m, (m % ${sql.raw(String(nsites))})::int as sidx, (m / ${sql.raw(String(nsites))})::int as q, ${R("m", 92)} as r
                  from generate_series(0, ${sql.raw(String(leftover - 1))}) as m) l
          ) o
          left join (select sidx, count(*)::int as c from s_app group by sidx) u on u.sidx = o.sidx`,
    );
    await run(
      tx,
      sql`create temp table s_box on commit drop as
          select b.*, row_number() over (order by (b.first_use is null), b.first_use, b.sidx, b.box) as rank, null::timestamptz as received_at
          from (select s.sidx, s.k / ${sql.raw(String(SEALS_PER_BOX))} as box, min(a.applied_at) as first_use
                from s_seal s left join s_app a on a.seal_id = s.seal_id group by s.sidx, s.k / ${sql.raw(String(SEALS_PER_BOX))}) b`,
    );
    await run(
      tx,
      sql`update s_box set received_at = (((first_use at time zone ${tz})::date - (1 + floor(${R("rank", 93)} * 3))::int) + time '10:00') at time zone ${tz}
          where first_use is not null`,
    );
    await run(
      tx,
      sql`update s_box b set received_at = least(
            coalesce((select max(b2.received_at) from s_box b2 where b2.sidx = b.sidx and b2.first_use is not null),
              ${ctx.periodStart.toISOString()}::timestamptz + interval '7 days 10 hours') + interval '14 days',
            ${iso(lastReceive)}::timestamptz)
          where first_use is null`,
    );
    await run(
      tx,
      sql`alter table s_seal add column number text, add column received_at timestamptz, add column custodian uuid, add column issued_at timestamptz,
            add column voided_at timestamptz`,
    );
    await run(
      tx,
      sql`update s_seal s set number = 'HS' || lpad(((b.rank - 1) * ${sql.raw(String(SEALS_PER_BOX))} + s.k % ${sql.raw(String(SEALS_PER_BOX))} + 1)::text, 8, '0'),
            received_at = b.received_at
          from s_box b where b.sidx = s.sidx and b.box = s.k / ${sql.raw(String(SEALS_PER_BOX))}`,
    );
    await run(
      tx,
      sql`update s_seal s set custodian = a.guard,
            issued_at = greatest(s.received_at + interval '2 hours', a.applied_at - make_interval(mins => 60 + floor(${R("a.j", 94)} * 180)::int))
          from s_app a where a.seal_id = s.seal_id`,
    );
    await run(
      tx,
      sql`update s_seal s set
            custodian = case when s.role = 'issued' then (${texts(ctx.guards.map((g) => g.id))}::uuid[])[1 + (s.sidx % ${sql.raw(String(ng))})] end,
            issued_at = case when s.role = 'issued' then greatest(s.received_at + interval '1 hour',
              least(s.received_at + make_interval(days => 1 + floor(${R("s.k * 64 + s.sidx", 95)} * 20)::int), ${now}::timestamptz - interval '1 hour')) end,
            voided_at = case when s.role = 'voided' then greatest(s.received_at + interval '1 hour',
              least(s.received_at + make_interval(days => 1 + floor(${R("s.k * 64 + s.sidx", 96)} * 30)::int), ${now}::timestamptz - interval '1 hour')) end
          where s.role <> 'used'`,
    );

    const lead = sql`${ctx.lead.id}::uuid`;
    await run(
      tx,
      sql`create temp table s_ev on commit drop as
          select gen_random_uuid() as id, s.seal_id, 'received'::text as kind, 1 as kord, s.received_at as occurred_at, ${lead} as recorded_by,
            null::uuid as custodian, null::text as target_kind, null::text as target, null::text as shipment_ref, null::uuid as inspection_id,
            null::text as stage, null::boolean as view_ok, null::boolean as verify_ok, null::boolean as tug_ok, null::boolean as twist_ok,
            null::text as document_number, null::boolean as passed, null::text as report_kind, ''::text as note, '[]'::jsonb as notified,
            null::uuid as related
          from s_seal s
          union all
          select gen_random_uuid(), s.seal_id, 'issued', 2, s.issued_at, ${lead}, s.custodian, null, null, null, null, null, null, null, null, null,
            null, null, null, '', '[]'::jsonb, null
          from s_seal s where s.role in ('used', 'issued')
          union all
          select gen_random_uuid(), s.seal_id, 'voided', 7, s.voided_at, ${lead}, null, null, null, null, null, null, null, null, null, null,
            null, null, null, case when ${R("s.k", 97)} < 0.5 then '运输途中损坏，无法使用。' else '封志编号印刷不清，作废处理。' end, '[]'::jsonb, null
          from s_seal s where s.role = 'voided'
          union all
          select a.ev_app, a.seal_id, 'applied', 3, a.applied_at, a.guard, null, 'container', a.container, a.ship, a.inspection_id, null, null, null,
            null, null, null, null, null, '', '[]'::jsonb, null
          from s_app a
          union all
          select a.ev_dep, a.seal_id, 'verified', 4, a.dep_at, a.guard2, null, 'container', a.container, null, null, 'departure',
            not (a.fail_v and a.variant >= 7), not (a.fail_v and a.variant < 7), not (a.fail_v and a.variant >= 7), true,
            case when a.fail_v and a.variant < 4 then left(ss.number, -1) || ((right(ss.number, 1)::int + 3) % 10)::text else ss.number end,
            not a.fail_v, null, '', '[]'::jsonb, null
          from s_app a join s_seal ss on ss.seal_id = a.seal_id
          union all
          select a.ev_rep, a.seal_id, 'reported', 5, a.report_at, a.guard2, null, 'container', a.container, a.ship, null, null, null, null, null, null,
            null, null,
            case when a.fail_v then case when a.variant < 4 then 'number_mismatch' when a.variant < 7 then 'discrepancy' else 'broken' end
              when ${R("a.j", 90)} < 0.7 then 'broken' else 'discrepancy' end,
            case when a.fail_v then case
                when a.variant < 4 then ${autoReport(["verify"])} || ' ' ||
                  replace(replace(${mismatch}, '{N}', ss.number), '{D}', left(ss.number, -1) || ((right(ss.number, 1)::int + 3) % 10)::text)
                when a.variant < 7 then ${autoReport(["verify"])}
                else ${autoReport(["view", "tug"])} end
              when ${R("a.j", 90)} < 0.7 then '封志螺栓被剪断后重新粘合，箱门锁杆有撬痕，已隔离集装箱并报告安保主管。'
              else '封志外观有异常划痕，与施封照片不一致，已拍照并报告安保主管。' end,
            ${notified}::jsonb, case when a.fail_v then a.ev_dep end
          from s_app a join s_seal ss on ss.seal_id = a.seal_id where a.fail_v or a.broken
          union all
          select gen_random_uuid(), a.seal_id, 'verified', 4, a.arr_at, a.guard3, null, 'container', a.container, null, null, 'arrival', true, true,
            true, true, ss.number, true, null, '', '[]'::jsonb, null
          from s_app a join s_seal ss on ss.seal_id = a.seal_id where a.arrival
          union all
          select gen_random_uuid(), a.seal_id, 'resolved', 6, a.resolved_at, ${lead}, null, null, null, null, null, null, null, null, null, null,
            null, null, null, '已更换新封志并重新检查箱体，货物已核对无误，报告关闭。', '[]'::jsonb, a.ev_rep
          from s_app a where a.resolved`,
    );
    await run(
      tx,
      sql`insert into seals (id, organization_id, number, model_id, site_id, status, custodian_user_id, target_kind, target, shipment_ref,
            applied_at, applied_by_user_id, inspection_id, received_at, created_at, updated_at)
          select s.seal_id, ${ctx.orgId}::uuid, s.number, ${ctx.modelId}::uuid, s.site_id,
            case s.role when 'stock' then 'in_stock' when 'issued' then 'issued' when 'voided' then 'voided'
              else case when a.fail_v or a.broken then 'compromised' when a.arrival then 'arrived' else 'applied' end end,
            case when s.role = 'issued' then s.custodian end,
            case when a.seal_id is not null then 'container' end, a.container, a.ship, a.applied_at, a.guard, a.inspection_id, s.received_at,
            s.received_at, coalesce(last.at, s.received_at)
          from s_seal s left join s_app a on a.seal_id = s.seal_id
          left join (select e.seal_id, max(e.occurred_at) as at from s_ev e group by e.seal_id) last on last.seal_id = s.seal_id`,
    );
    await run(
      tx,
      sql`insert into seal_events (id, organization_id, number, seal_id, kind, occurred_at, recorded_by_user_id, site_id, custodian_user_id,
            target_kind, target, shipment_ref, inspection_id, stage, view_ok, verify_ok, tug_ok, twist_ok, document_number, passed, report_kind,
            note, notified, related_event_id, created_at)
          select e.id, ${ctx.orgId}::uuid, row_number() over (order by e.occurred_at, s.number, e.kord), e.seal_id, e.kind, e.occurred_at,
            e.recorded_by, s.site_id, e.custodian, e.target_kind, e.target, e.shipment_ref, e.inspection_id, e.stage, e.view_ok, e.verify_ok,
            e.tug_ok, e.twist_ok, e.document_number, e.passed, e.report_kind, e.note, e.notified, e.related, e.occurred_at
          from s_ev e join s_seal s on s.seal_id = e.seal_id`,
    );
    for (const [kind, type] of [
      ["applied", "seal_application"],
      ["verified", "seal_verification"],
      ["reported", "seal_report"],
    ] as const) {
      const criteria = ctx.feeds[type] ?? [];
      await run(
        tx,
        sql`insert into evidence_links (organization_id, criterion_id, record_type, record_id, occurred_at, linked_by_user_id, created_at)
            select ${ctx.orgId}::uuid, c.id, ${type}, e.id, e.occurred_at, e.recorded_by, e.occurred_at
            from s_ev e cross join unnest(${texts(criteria)}::uuid[]) as c(id) where e.kind = ${kind}`,
      );
    }
    // The seal's number goes on the 7-point inspection of the container it closed.
    await run(
      tx,
      sql`update inspections i set header = i.header || jsonb_build_object('sealNumbers', jsonb_build_array(s.number))
          from s_app a join s_seal s on s.seal_id = a.seal_id
          where i.organization_id = ${ctx.orgId}::uuid and i.id = a.inspection_id`,
    );
    // Every application has its photo (applySeal refuses one without); a broken-seal report has one too.
    const photos = await rowsOf<{ id: string; by: string; at: string | Date }>(
      tx,
      sql`select e.id, e.recorded_by as by, e.occurred_at as at from s_ev e
          where e.kind = 'applied' or (e.kind = 'reported' and e.related is null) order by e.occurred_at, e.id`,
    );
    const stored = await storeMany((i) => ctx.rules.bytes("seal", i), photos.length);
    const fileIds = photos.map(() => randomUUID());
    const at = photos.map((p) => new Date(new Date(p.at).getTime() - 60_000));
    await insertFiles(tx, ctx, {
      ids: fileIds,
      stored,
      names: at.map((d, i) => cameraName(d, i % 5)),
      by: photos.map((p) => p.by),
      at: at.map(iso),
    });
    await run(
      tx,
      sql`insert into seal_event_photos (organization_id, event_id, file_id, created_at)
          select ${ctx.orgId}::uuid, p.event_id, p.file_id, p.at
          from unnest(${texts(photos.map((p) => p.id))}::uuid[], ${texts(fileIds)}::uuid[], ${texts(at.map(iso))}::timestamptz[]) as p(event_id, file_id, at)`,
    );
    const [summary] = await rowsOf<{ seals: number; events: number; used: number; reports: number }>(
      tx,
      sql`select (select count(*) from s_seal)::int as seals, (select count(*) from s_ev)::int as events, (select count(*) from s_app)::int as used,
            (select count(*) from s_ev where kind = 'reported')::int as reports`,
    );
    log(
      `seeded ${summary?.events} seal events of ${summary?.seals} seals (${summary?.used} applied, ${summary?.reports} reports, ${photos.length} photos)`,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Visitors: the gatehouse log

const VISITOR_COMPANIES = [
  "顺丰速运",
  "中国移动深圳分公司",
  "SGS 通标标准技术服务",
  "德勤华永会计师事务所",
  "必维国际检验集团",
  "京东物流",
  "深圳海关驻场",
  "Bureau Veritas",
  "DHL Global Forwarding",
  "三菱电机（中国）",
  "海康威视",
  "施耐德电气",
  "",
];
const ESCORTS = ["", "", "张伟（安保部）", "李静（行政部）", "陈敏（关务部）"];

async function seedVisitors(db: Database, ctx: Context, options: ScaleOptions, employees: Employee[]): Promise<void> {
  const V = options.visitors;
  if (V <= 0) return;
  const hosts = employees.filter((e) => !e.leaveDate);
  const purposes = ["meeting", "meeting", "meeting", "delivery", "delivery", "maintenance", "audit", "interview", "other"];
  const nsites = ctx.siteIds.length;
  const ng = ctx.guards.length;
  const row = "(y.i + 7000000)";
  const gate = gateValues(row);
  const r = (salt: number) => R(row, salt);
  const digits = (salt: number, n: number) =>
    sql`lpad(floor(${r(salt)} * ${sql.raw(String(10 ** n))})::bigint::text, ${sql.raw(String(n))}, '0')`;
  // The masked forms of the documents a guard sees (visitor-rules.ts), as maskIdNumber leaves them.
  const idValue = sql`case
      when ${r(60)} < 0.82 then 'cn_resident_id|' || ${gate.residentMasked}
      when ${r(60)} < 0.90 then 'passport|E****' || ${digits(61, 4)}
      when ${r(60)} < 0.95 then 'hk_macau_permit|H****' || ${digits(61, 4)}
      when ${r(60)} < 0.98 then 'driving_licence|' || ${gate.residentMasked}
      else 'other|****' || ${digits(61, 4)} end`;
  await db.transaction(async (tx) => {
    await bulkSettings(tx);
    const inserted = await rowsOf<{ n: number }>(
      tx,
      sql`with g as (
            select gs.i, floor((gs.i - 1)::float8 * ${sql.raw(String(options.days))} / ${sql.raw(String(V))})::int as d,
              floor(${R("gs.i + 7000000", 1)} * ${sql.raw(String(nsites))})::int as s
            from generate_series(1, ${sql.raw(String(V))}) as gs(i)
          ), y as (
            select g.*, ${ctx.periodStart.toISOString()}::timestamptz
                + make_interval(days => g.d, mins => 480 + floor(${R("g.i + 7000000", 2)} * 570)::int) as signed_in_at,
              case when ${R("g.i + 7000000", 3)} < 0.85 then 1 + floor(${R("g.i + 7000000", 6)} * ${sql.raw(String(Math.max(1, hosts.length)))})::int end as host,
              ${R("g.i + 7000000", 4)} as r_out, ${R("g.i + 7000000", 5)} < 0.5 as first_guard
            from g
          ), z as (
            select y.*, ${idValue} as id_value,
              case when ${r(62)} < 0.06 then ${gate.pick(FOREIGN_NAMES, 63)} else ${gate.name} end as visitor_name,
              case when ${r(13)} < 0.3 then ${gate.plate} else '' end as plate,
              (${texts(ctx.guards.map((g) => g.id))}::uuid[])[1 + ((y.s + ${sql.raw(String(nsites))} * y.first_guard::int) % ${sql.raw(String(ng))})] as guard,
              (${texts(ctx.guards.map((g) => g.id))}::uuid[])[1 + ((y.s + ${sql.raw(String(nsites))} * (not y.first_guard)::int) % ${sql.raw(String(ng))})] as guard_out,
              case when y.r_out < 0.003 then null else y.signed_in_at + make_interval(mins => 20 + floor(${r(7)} * 340)::int) end as signed_out_at,
              ${gate.pick(VISITOR_COMPANIES, 9)} as company, ${gate.pick(purposes, 11)} as purpose, ${gate.pick(ESCORTS, 12)} as escort
            from y
          ), ins as (
            insert into visitor_entries (organization_id, number, site_id, visitor_name, company, id_document_type, id_number_masked,
              id_checked_by_user_id, host_employee_id, host_name, purpose, purpose_note, badge_number, escort_name, vehicle_plate,
              signed_in_at, signed_out_at, signed_out_by_user_id, created_at, updated_at)
            select ${ctx.orgId}::uuid, row_number() over (order by z.signed_in_at, z.i), (${texts(ctx.siteIds)}::uuid[])[z.s + 1], z.visitor_name,
              z.company, split_part(z.id_value, '|', 1), split_part(z.id_value, '|', 2), z.guard, (${texts(hosts.map((h) => h.id))}::uuid[])[z.host],
              coalesce((${texts(hosts.map((h) => h.name))}::text[])[z.host], '王经理'), z.purpose, '', 'T-' || lpad((1 + (z.i % 60))::text, 3, '0'),
              z.escort, z.plate, z.signed_in_at, z.signed_out_at, case when z.signed_out_at is not null then z.guard_out end, z.signed_in_at,
              coalesce(z.signed_out_at, z.signed_in_at)
            from z
            returning id, signed_in_at, id_checked_by_user_id
          ), links as (
            insert into evidence_links (organization_id, criterion_id, record_type, record_id, occurred_at, linked_by_user_id, created_at)
            select ${ctx.orgId}::uuid, c.id, 'visitor_entry', ins.id, ins.signed_in_at, ins.id_checked_by_user_id, ins.signed_in_at
            from ins cross join unnest(${texts(ctx.feeds.visitor_entry ?? [])}::uuid[]) as c(id)
            returning 1
          )
          select count(*)::int as n from links`,
    );
    log(`seeded ${V} visitor entries (${inserted[0]?.n ?? 0} evidence links)`);
  });
}

// ---------------------------------------------------------------------------------------------
// The whole year

const COUNTED_TABLES = [
  "sites",
  "memberships",
  "inspections",
  "inspection_answers",
  "inspection_photos",
  "corrective_actions",
  "evidence_files",
  "evidence_links",
  "seals",
  "seal_events",
  "seal_event_photos",
  "visitor_entries",
  "employees",
  "prehire_checks",
  "background_checks",
  "conduct_acknowledgements",
  "offboardings",
  "partners",
  "partner_evaluations",
  "supervision_checks",
  "audit_events",
] as const;

export async function organizationCounts(db: Executor, orgId: string): Promise<Record<string, number>> {
  const parts = COUNTED_TABLES.map(
    (table) => sql`select ${table} as t, count(*)::int as n from ${sql.identifier(table)} where organization_id = ${orgId}::uuid`,
  );
  const rows = await rowsOf<{ t: string; n: number }>(db, sql.join(parts, sql` union all `));
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.t] = Number(row.n);
  const [extra] = await rowsOf<{ failed: number; overrides: number; photo_bytes: number }>(
    db,
    sql`select (select count(*) from inspections where organization_id = ${orgId}::uuid and result = 'fail')::int as failed,
          (select count(*) from inspections where organization_id = ${orgId}::uuid and release_override_reason is not null)::int as overrides,
          (select coalesce(sum(size_bytes), 0) from evidence_files where organization_id = ${orgId}::uuid)::bigint as photo_bytes`,
  );
  counts.failed_inspections = Number(extra?.failed ?? 0);
  counts.release_overrides = Number(extra?.overrides ?? 0);
  counts.file_bytes = Number(extra?.photo_bytes ?? 0);
  return counts;
}

/**
 * Seeds one organisation with a year of records (see the top of this file). Progress goes to
 * stderr. The owner logs in with the returned email and SCALE_PASSWORD; the files are stored under
 * FILES_DIR (or DATA_DIR/files), which the app serving this database must use too, and employees'
 * ID numbers are encrypted with this process's PERSONAL_DATA_KEY (or DATA_DIR's key file).
 */
export async function seedScaleOrganization(db: Database, options: ScaleOptions): Promise<ScaleResult> {
  const t0 = performance.now();
  started = t0;
  quiet = options.quiet ?? false;
  if (options.sites < 1) throw new Error("scale seed: at least one site");
  if (options.failureEvery < 1) throw new Error("scale seed: failureEvery must be at least 1");
  const ctx = await timed("organisation, members and sites (app functions)", () => setUp(db, options));
  const employees = await timed("personnel", () => seedPersonnel(db, ctx, options));
  const actions = await timed("partners", () => seedPartners(db, ctx, options));
  await timed("inspections", () => seedInspections(db, ctx, options, actions));
  await timed("large photos", () => seedLargePhotos(db, ctx, options));
  await timed("seals", () => seedSeals(db, ctx, options));
  await timed("visitors", () => seedVisitors(db, ctx, options, employees));
  // Links inserted with triggers off are not in the monthly counts yet.
  await timed("evidence coverage", async () => {
    await rebuildEvidenceCoverage(db, ctx.orgId);
    await run(db, sql`analyze evidence_coverage`);
  });
  // Fresh statistics, as autovacuum would give a database that grew over a year.
  await timed("analyze", async () => {
    for (const table of COUNTED_TABLES) await run(db, sql`analyze ${sql.identifier(table)}`);
  });
  const chain = await verifyOrganizationChain(db, ctx.orgId);
  if (!chain.ok) throw new Error(`scale seed: the audit chain is broken: ${JSON.stringify(chain.problem)}`);
  const counts = await organizationCounts(db, ctx.orgId);
  log(`seeded the organisation in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  return {
    organizationId: ctx.orgId,
    ownerEmail: ctx.owner.email,
    ownerPassword: SCALE_PASSWORD,
    counts,
    periodFrom: ctx.firstDay,
    periodTo: ctx.lastDay,
  };
}
