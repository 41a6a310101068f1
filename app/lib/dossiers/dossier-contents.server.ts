// The dossier's table of contents and bookmarks: an entry for each class and criterion and one for
// the appendix. The contents' pages are reserved after the cover and drawn last, once every entry
// knows its page; each page number links to its section.
import { PDFHexString, PDFName, type PDFDocument, type PDFPage, type PDFRef } from "pdf-lib";
import type { PageBuilder } from "~/lib/pdf/page-layout.server";
import { style } from "./dossier-section-layout.server";
import type { Bilingual, DossierSection } from "./dossier-types";

export interface TocEntry {
  level: 0 | 1;
  title: Bilingual;
  page?: PDFPage;
  top?: number;
}

const entryHeight = 22;
const tocTitleHeight = 40;

/** The entries in order: each class before its first criterion, then the appendix (`manifestEntry`). */
export function contentsEntries(sections: readonly DossierSection[]): { entries: TocEntry[]; manifestEntry: TocEntry } {
  const entries: TocEntry[] = [];
  let lastClass = "";
  for (const section of sections) {
    if (section.classHeading && section.classHeading.zh !== lastClass) {
      entries.push({ level: 0, title: section.classHeading });
      lastClass = section.classHeading.zh;
    }
    entries.push({ level: 1, title: section.heading });
  }
  const manifestEntry: TocEntry = { level: 0, title: { zh: "附录 文件清单", en: "Appendix: manifest of files" } };
  entries.push(manifestEntry);
  return { entries, manifestEntry };
}

/** Reserves the pages the contents of `entryCount` entries will take, drawn by drawContents. */
export function reserveContentsPages(b: PageBuilder, entryCount: number): PDFPage[] {
  const perFirstPage = Math.floor((b.top - b.bottom - tocTitleHeight) / entryHeight);
  const perPage = Math.floor((b.top - b.bottom) / entryHeight);
  const tocPageCount = entryCount <= perFirstPage ? 1 : 1 + Math.ceil((entryCount - perFirstPage) / perPage);
  const tocPages: PDFPage[] = [];
  for (let i = 0; i < tocPageCount; i++) tocPages.push(b.newPage());
  return tocPages;
}

/** Draws the contents on their reserved pages, now that every entry has its page. */
export function drawContents(doc: PDFDocument, b: PageBuilder, tocPages: readonly PDFPage[], entries: readonly TocEntry[]): void {
  const pageIndex = new Map(doc.getPages().map((p, n) => [p, n + 1]));
  let tocPage = 0;
  let y = b.top;
  const tocTitle = tocPages[0] as PDFPage;
  b.textAt(tocTitle, "目录", b.left, y - 14, style.h1);
  b.textAt(tocTitle, "Contents", b.left + 40, y - 14, style.h1En);
  y -= tocTitleHeight;
  for (const e of entries) {
    if (y - entryHeight < b.bottom) {
      tocPage += 1;
      y = b.top;
    }
    const page = tocPages[tocPage] as PDFPage;
    const indent = e.level === 0 ? 0 : 14;
    const number = e.page ? String(pageIndex.get(e.page)) : "";
    const numberWidth = 30;
    const maxWidth = b.width - indent - numberWidth - 8;
    const zhStyle = e.level === 0 ? { ...style.toc, weight: "bold" as const } : style.toc;
    b.textAt(page, e.title.zh, b.left + indent, y - 10, zhStyle, maxWidth);
    b.textAt(page, e.title.en, b.left + indent, y - 19, style.tocEn, maxWidth);
    const measured = b.measure(style.toc)(number);
    b.textAt(page, number, b.left + b.width - measured, y - 10, style.toc);
    if (e.page && e.top !== undefined) {
      page.node.addAnnot(
        doc.context.register(
          doc.context.obj({
            Type: "Annot",
            Subtype: "Link",
            Rect: [b.left, y - entryHeight + 1, b.left + b.width, y],
            Border: [0, 0, 0],
            Dest: [e.page.ref, "XYZ", null, e.top, null],
          }),
        ),
      );
    }
    y -= entryHeight;
  }
}

/** PDF bookmarks: classes with their criteria as children, and the appendix. */
export function addOutline(doc: PDFDocument, entries: readonly TocEntry[]): void {
  const ctx = doc.context;
  type Item = { title: string; page: PDFPage; top: number; children: Item[]; isClass: boolean };
  const items: Item[] = [];
  for (const e of entries) {
    if (!e.page || e.top === undefined) continue;
    const item: Item = { title: `${e.title.zh} ${e.title.en}`, page: e.page, top: e.top, children: [], isClass: e.level === 0 };
    const parent = items.at(-1);
    if (e.level === 1 && parent?.isClass) parent.children.push(item);
    else items.push(item);
  }
  const build = (parent: PDFRef, list: Item[]): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((it, i) => {
      const dict: Record<string, unknown> = {
        Title: PDFHexString.fromText(it.title),
        Parent: parent,
        Dest: [it.page.ref, "XYZ", null, it.top, null],
      };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < list.length - 1) dict.Next = refs[i + 1];
      if (it.children.length > 0) {
        const c = build(refs[i] as PDFRef, it.children);
        Object.assign(dict, { First: c.first, Last: c.last, Count: c.count });
      }
      ctx.assign(refs[i] as PDFRef, ctx.obj(dict as never));
    });
    return { first: refs[0] as PDFRef, last: refs.at(-1) as PDFRef, count: list.length };
  };
  if (items.length === 0) return;
  const root = ctx.nextRef();
  const o = build(root, items);
  ctx.assign(root, ctx.obj({ Type: "Outlines", First: o.first, Last: o.last, Count: o.count }));
  doc.catalog.set(PDFName.of("Outlines"), root);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
