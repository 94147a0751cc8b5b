/**
 * The packet as a tagged PDF (ISO 32000-1 §14.7-14.8): a structure tree that gives a screen reader the
 * packet's own pages (cover, summary, timeline, records, labs, index, study pages) in reading order,
 * as headings, paragraphs and tables, and its charts and key images as figures with alternate text.
 * Each piece drawn is marked content (BDC … EMC with an MCID) that one structure element owns; the
 * footers, rules and shading are artifacts a reader skips. The originals' own pages are copied as they
 * came: they carry no tags of their own, and each is one figure saying which document and page it is.
 */
import { PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFHexString } from '@cantoo/pdf-lib';
import type { PDFArray, PDFDict, PDFDocument, PDFPage, PDFRef } from '@cantoo/pdf-lib';

export type StructureRole = 'Document' | 'Sect' | 'H1' | 'H2' | 'P' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure' | 'TOC' | 'TOCI';

export interface StructureElement {
  readonly role: StructureRole;
  readonly ref: PDFRef;
  readonly dict: PDFDict;
  /** Child elements and marked content, in reading order. */
  readonly kids: (StructureElement | { readonly page: PDFPage; readonly mcid: number })[];
}

interface PageMarks {
  readonly index: number;
  /** The element that owns each MCID of the page, by MCID. */
  readonly owners: StructureElement[];
}

export class StructureTree {
  private readonly doc: PDFDocument;
  private readonly rootRef: PDFRef;
  private readonly pages = new Map<PDFPage, PageMarks>();
  readonly document: StructureElement;

  constructor(doc: PDFDocument) {
    this.doc = doc;
    this.rootRef = doc.context.nextRef();
    this.document = this.element('Document', null);
  }

  /** A new element under `parent` (the document when none), with alternate text for a figure. */
  open(role: StructureRole, parent: StructureElement = this.document, options: { alt?: string; actual?: string } = {}): StructureElement {
    const element = this.element(role, parent, options.alt);
    // What a reader says instead of the text drawn (a contents line's title and page number, joined in words).
    if (options.actual) element.dict.set(PDFName.of('ActualText'), PDFHexString.fromText(options.actual));
    parent.kids.push(element);
    return element;
  }

  /** Draws as content `element` owns: what a screen reader reads for it, in the order drawn. */
  mark<T>(page: PDFPage, element: StructureElement, draw: () => T): T {
    const marks = this.marksOf(page);
    const mcid = marks.owners.length;
    marks.owners.push(element);
    element.kids.push({ page, mcid });
    // pdf-lib writes a string operand as it is: the marked content's property list, inline.
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(element.role), `<</MCID ${mcid}>>`]));
    try {
      return draw();
    } finally {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
  }

  /** Draws decoration a reader skips (rules, shading, footers). */
  artifact<T>(page: PDFPage, draw: () => T): T {
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
    try {
      return draw();
    } finally {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
  }

  /**
   * An original page copied as it came, as one figure whose alternate text says what it is. Its content
   * is wrapped whole, so the page's own (untagged) drawing belongs to the figure. Call it before anything
   * is drawn on the page: what is drawn after goes outside the figure.
   */
  figurePage(page: PDFPage, alt: string, parent: StructureElement = this.document): void {
    const element = this.open('Figure', parent, { alt });
    const marks = this.marksOf(page);
    const mcid = marks.owners.length;
    marks.owners.push(element);
    element.kids.push({ page, mcid });
    const context = this.doc.context;
    const begin = context.register(context.flateStream(`/Figure <</MCID ${mcid}>> BDC\nq\n`));
    const end = context.register(context.flateStream('\nQ\nEMC\n'));
    page.node.normalize();
    // A page with no content at all is still one figure, of nothing.
    if (!page.node.wrapContentStreams(begin, end)) page.node.set(PDFName.of('Contents'), context.obj([begin, end]));
  }

  /** Writes the tree into the document: its root, the parent tree, each page's link to it, and the catalog's marks. */
  finish(): void {
    const context = this.doc.context;
    const nums: (PDFNumber | PDFArray)[] = [];
    for (const [page, marks] of this.pages) {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(marks.index));
      // Annotations (the index's links) are visited in the order of the structure.
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(marks.index), context.obj(marks.owners.map((o) => o.ref)));
    }
    const write = (element: StructureElement) => {
      const kids = element.kids.map((kid) => {
        if ('role' in kid) {
          write(kid);
          return kid.ref;
        }
        return context.obj({ Type: 'MCR', Pg: kid.page.ref, MCID: kid.mcid });
      });
      element.dict.set(PDFName.of('K'), context.obj(kids));
    };
    write(this.document);
    const root = context.obj({ Type: 'StructTreeRoot', K: this.document.ref, ParentTree: context.obj({ Nums: nums }), ParentTreeNextKey: this.pages.size });
    context.assign(this.rootRef, root);
    this.doc.catalog.set(PDFName.of('StructTreeRoot'), this.rootRef);
    this.doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }

  private element(role: StructureRole, parent: StructureElement | null, alt?: string): StructureElement {
    const dict = this.doc.context.obj({ Type: 'StructElem', S: role, P: parent ? parent.ref : this.rootRef });
    if (alt) dict.set(PDFName.of('Alt'), PDFHexString.fromText(alt));
    return { role, ref: this.doc.context.register(dict), dict, kids: [] };
  }

  private marksOf(page: PDFPage): PageMarks {
    let marks = this.pages.get(page);
    if (!marks) {
      marks = { index: this.pages.size, owners: [] };
      this.pages.set(page, marks);
    }
    return marks;
  }
}
