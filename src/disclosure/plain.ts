import { type Column, FlowDocument } from "../platform/documents/flow.ts";

/** A document made of headed sections, for the records that have no print layout of their own. */
export interface PlainDocument {
  title: string;
  subtitle: string;
  sections: {
    heading: string;
    pairs?: [string, string][];
    paragraphs?: string[];
    table?: { columns: Column[]; rows: string[][] };
  }[];
}

export async function plainPdf(doc: PlainDocument): Promise<Uint8Array> {
  const flow = await FlowDocument.create(doc.title, doc.title);
  flow.title(doc.title, doc.subtitle);
  for (const s of doc.sections) {
    flow.heading(s.heading);
    if (s.pairs) flow.pairs(s.pairs);
    for (const p of s.paragraphs ?? []) flow.paragraph(p);
    if (s.table && s.table.rows.length > 0) flow.table(s.table.columns, s.table.rows);
  }
  return flow.save();
}
