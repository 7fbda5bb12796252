import { createHash } from "node:crypto";
import JSZip from "jszip";
import type { z } from "zod";
import { listUsersOf } from "../platform/auth/users.ts";
import { now } from "../platform/clock.ts";
import { notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { rosterOf } from "../roster/entries.ts";
import {
  type DisclosureOut,
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  type disclosureInput,
  type maskOptions,
} from "./contract.ts";
import { maskDeep, masker } from "./mask.ts";
import { plainPdf } from "./plain.ts";
import { disclosableDocuments, readSource } from "./sources.ts";
import { type DisclosureFile, filesOf, insertDisclosure, listDisclosures } from "./store.ts";

type MaskOptions = z.infer<typeof maskOptions>;
const CONTRACTOR_ROLES = new Set(["staff", "deputy", "manager", "contractor_admin"]);

/**
 * A full name however it is spaced. A surname alone is not a term: it is often an ordinary word
 * (the demo's 窓口 花子); written with an honorific it is caught as a name all the same.
 */
const spellings = (name: string) => {
  const parts = name.split(/[\s\u3000]+/).filter(Boolean);
  return [name, parts.join(""), parts.join(" "), parts.join("\u3000")];
};

/** The names to withhold: the roster's people and the accounts, as the options say, and the officer's own terms. */
async function termsToMask(ctx: Ctx, options: MaskOptions): Promise<string[]> {
  const terms = [...options.extraTerms];
  if (options.staffNames)
    for (const p of await rosterOf(ctx.tx, ctx.tenantId))
      terms.push(...spellings(p.name), ...spellings(p.nameKana));
  for (const u of await listUsersOf(ctx.tx, ctx.tenantId)) {
    const contractor = CONTRACTOR_ROLES.has(u.role);
    if ((contractor && options.staffNames) || (u.role === "city" && options.officerNames))
      terms.push(...spellings(u.displayName));
  }
  return terms;
}

/** One document read from its domain, masked and rendered: the PDF and how many passages were withheld. */
async function maskedDocument(ctx: Ctx, kind: DocumentKind, ref: string, terms: string[]) {
  const source = await readSource(ctx, kind, ref);
  const mask = masker(terms);
  const bytes = await source.render(maskDeep(source.content, mask));
  return { title: source.title, bytes, masked: mask.count };
}

const fileName = (seq: number, title: string) =>
  `${String(seq).padStart(2, "0")}_${title.replace(/[\\/:*?"<>|\s「」（）]+/g, "_").slice(0, 60)}.pdf`;

/** What the officer may choose from. */
export async function disclosureCatalogue(ctx: Ctx) {
  requireAccess(ctx, "disclosure.make");
  return disclosableDocuments(ctx);
}

/** One document as it would be disclosed, for the officer to read before deciding. */
export async function previewDisclosure(
  ctx: Ctx,
  props: { kind: DocumentKind; ref: string; mask: MaskOptions },
) {
  requireAccess(ctx, "disclosure.make");
  const doc = await maskedDocument(ctx, props.kind, props.ref, await termsToMask(ctx, props.mask));
  await audit(ctx, {
    action: "disclosure.preview",
    entity: "disclosure",
    change: { kind: props.kind, ref: props.ref, masked: doc.masked },
  });
  return doc;
}

const out = (
  row: Awaited<ReturnType<typeof listDisclosures>>["rows"][number],
  files: Omit<DisclosureFile, "bytes">[],
): DisclosureOut => ({
  id: row.disclosureId,
  requestNo: row.requestNo,
  requester: row.requester,
  receivedOn: row.receivedOn,
  disclosedOn: row.disclosedOn,
  mask: row.mask,
  files: files
    .filter((f) => f.disclosureId === row.disclosureId)
    .map((f) => ({
      seq: f.seq,
      kind: f.kind as DisclosureOut["files"][number]["kind"],
      ref: f.ref,
      title: f.title,
      fileName: f.fileName,
      sha256: f.sha256,
      masked: f.masked,
    })),
  madeByName: row.madeByName,
  madeAt: row.madeAt.toISOString(),
});

/**
 * 開示の実施: each document masked and rendered, a cover listing them, and the record of what went
 * to whom, with the files exactly as handed over.
 */
export async function makeDisclosure(ctx: Ctx, props: z.infer<typeof disclosureInput>) {
  requireAccess(ctx, "disclosure.make");
  const terms = await termsToMask(ctx, props.mask);
  const disclosureId = newId();
  const files: DisclosureFile[] = [];
  const add = (
    kind: string,
    ref: string,
    doc: { title: string; bytes: Uint8Array; masked: number },
  ) =>
    files.push({
      tenantId: ctx.tenantId,
      disclosureId,
      seq: files.length + 1,
      kind,
      ref,
      title: doc.title,
      fileName: fileName(files.length + 1, doc.title),
      sha256: createHash("sha256").update(doc.bytes).digest("hex"),
      masked: doc.masked,
      bytes: doc.bytes,
    });
  const docs = [];
  for (const d of props.documents)
    docs.push({ ...d, ...(await maskedDocument(ctx, d.kind, d.ref, terms)) });
  const cover = await plainPdf({
    title: "開示文書一覧",
    subtitle: `開示請求 ${props.requestNo}　受付 ${props.receivedOn}　開示 ${props.disclosedOn}`,
    sections: [
      {
        heading: "開示する文書",
        table: {
          columns: [
            { title: "番号", width: 0.08 },
            { title: "文書", width: 0.62 },
            { title: "種類", width: 0.18 },
            { title: "黒塗り", width: 0.12, align: "right" },
          ],
          rows: docs.map((d, i) => [
            String(i + 2),
            d.title,
            DOCUMENT_KIND_LABELS[d.kind].ja,
            `${d.masked}箇所`,
          ]),
        },
      },
      {
        heading: "黒塗りの理由",
        paragraphs: [
          "個人に関する情報であって、特定の個人を識別することができるもの（氏名、連絡先、個人番号等）は、開示しない情報として黒塗り（■）としています。",
        ],
      },
    ],
  });
  add("cover", "cover", { title: "開示文書一覧", bytes: cover, masked: 0 });
  for (const d of docs) add(d.kind, d.ref, d);
  const row = {
    tenantId: ctx.tenantId,
    disclosureId,
    requestNo: props.requestNo,
    requester: props.requester,
    receivedOn: props.receivedOn,
    disclosedOn: props.disclosedOn,
    mask: {
      staffNames: props.mask.staffNames,
      officerNames: props.mask.officerNames,
      extraTerms: props.mask.extraTerms.length,
    },
    madeBy: ctx.actor.userId,
    madeByName: ctx.actor.displayName ?? ctx.actor.userId,
    madeAt: now(),
  };
  await insertDisclosure(ctx.tx, row, files);
  await audit(ctx, {
    action: "disclosure.make",
    entity: "disclosure",
    entityId: disclosureId,
    change: {
      requestNo: props.requestNo,
      documents: props.documents,
      files: files.map((f) => f.sha256),
    },
  });
  return out(row, files);
}

/** The record of disclosures: the requester's name is personal data, so reading it is audited. */
export async function disclosureRecords(ctx: Ctx): Promise<DisclosureOut[]> {
  requireAccess(ctx, "disclosure.read");
  const { rows, files } = await listDisclosures(ctx.tx, ctx.tenantId);
  await audit(ctx, {
    action: "disclosure.read",
    entity: "disclosure",
    change: { count: rows.length },
  });
  return rows.map((r) => out(r, files));
}

/** The files as handed over, in one zip (the cover first). */
export async function disclosureZip(ctx: Ctx, props: { disclosureId: string }) {
  requireAccess(ctx, "disclosure.read");
  const { rows } = await listDisclosures(ctx.tx, ctx.tenantId, props.disclosureId);
  if (!rows[0]) throw notFound("開示の記録", "Disclosure");
  const zip = new JSZip();
  for (const f of await filesOf(ctx.tx, ctx.tenantId, props.disclosureId))
    zip.file(f.fileName, f.bytes);
  await audit(ctx, {
    action: "disclosure.download",
    entity: "disclosure",
    entityId: props.disclosureId,
  });
  return {
    fileName: `disclosure_${rows[0].requestNo.replace(/[^\w-]+/g, "_")}.zip`,
    bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
  };
}
