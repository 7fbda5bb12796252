import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildTrainedPerson,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { transaction } from "../platform/db/index.ts";

let t: TestApp;
let tenantId: string;
let staff: Client;
let manager: Client;
let city: Client;
const dir = mkdtempSync(join(tmpdir(), "disclosure-"));
const pdfText = (bytes: Buffer | Uint8Array, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  // Lines are wrapped to the page: read the text as one run.
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
    /\n/g,
    "",
  );
};

let incidentId: string;
beforeAll(async () => {
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  staff = await signedInAs(t, tenantId, "staff");
  manager = await signedInAs(t, tenantId, "manager");
  city = await signedInAs(t, tenantId, "city");
  await transaction(t.database.db, (tx) =>
    buildTrainedPerson(tx, tenantId, { nameKanji: "長岡 花子", nameKana: "ながおか はなこ" }),
  );
  const reported = await staff.request("POST", "/api/v1/incidents", {
    kind: "security_event",
    severity: "high",
    summary:
      "長岡 花子が交付通知書を別の方に渡しかけた。山田様（090-1234-5678）に連絡し謝罪。お客様への説明は1番窓口で実施。",
    occurredAt: "2026-08-03T10:15:00+09:00",
    affected: "山田 一郎（長岡市大手通1-1）",
  });
  expect(reported.statusCode, reported.body).toBe(201);
  incidentId = reported.json().id;
});
afterAll(async () => {
  await t.close();
});

const mask = { staffNames: true, officerNames: false, extraTerms: ["大手通"] };

describe("disclosure (情報公開, 仕様 14)", () => {
  it("previews a document masked: names, contacts and who was affected withheld, the rest kept", async () => {
    const catalogue = (await city.request("GET", "/api/v1/disclosure/documents")).json();
    expect(catalogue).toContainEqual(
      expect.objectContaining({ kind: "incident", ref: incidentId }),
    );
    const preview = await city.request("POST", "/api/v1/disclosure/preview", {
      kind: "incident",
      ref: incidentId,
      mask,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(preview.rawPayload, "preview.pdf");
    for (const personal of ["長岡 花子", "山田", "090-1234-5678", "一郎", "大手通"])
      expect(text).not.toContain(personal);
    expect(text).toContain("■■■■■が交付通知書を別の方に渡しかけた");
    expect(text).toContain("お客様への説明は1番窓口で実施");
    expect((await manager.request("GET", "/api/v1/disclosure/documents")).statusCode).toBe(403);
  });

  it("discloses, keeps the files as handed over and records what went to whom", async () => {
    const made = await city.request("POST", "/api/v1/disclosures", {
      requestNo: "令和8年度 開示請求第12号",
      requester: "新潟 次郎",
      receivedOn: "2026-08-20",
      disclosedOn: "2026-09-01",
      documents: [{ kind: "incident", ref: incidentId }],
      mask,
    });
    expect(made.statusCode, made.body).toBe(201);
    const record = made.json();
    expect(record.files.map((f: { kind: string }) => f.kind)).toEqual(["cover", "incident"]);
    expect(record.files[1].masked).toBeGreaterThanOrEqual(4);
    expect(record.mask).toEqual({ staffNames: true, officerNames: false, extraTerms: 1 });

    // The manager sees the record; counter staff do not.
    expect((await staff.request("GET", "/api/v1/disclosures")).statusCode).toBe(403);
    const listed = (await manager.request("GET", "/api/v1/disclosures")).json();
    expect(listed[0]).toMatchObject({
      requestNo: "令和8年度 開示請求第12号",
      requester: "新潟 次郎",
    });

    const zipped = await city.request("GET", `/api/v1/disclosures/${record.id}/files.zip`);
    expect(zipped.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(zipped.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(record.files.map((f: { fileName: string }) => f.fileName).sort());
    const cover = pdfText(await zip.file(names[0]!)!.async("uint8array"), "cover.pdf");
    expect(cover).toContain("開示請求 令和8年度 開示請求第12号");
    expect(cover).toMatch(/事故・障害報告\s*\d+箇所/);
    const incident = pdfText(await zip.file(names[1]!)!.async("uint8array"), "incident.pdf");
    expect(incident).not.toContain("山田");

    // What was handed over cannot be rewritten.
    await expect(t.database.db.execute("update disclosures set requester = 'x'")).rejects.toThrow();
    await expect(t.database.db.execute("delete from disclosure_files")).rejects.toThrow();
    const actions = (await listAuditEvents(t.database.db, tenantId, { limit: 30 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "disclosure.preview",
        "disclosure.make",
        "disclosure.read",
        "disclosure.download",
      ]),
    );
  });

  it("masks a report's people as well: the report document goes through the same masking", async () => {
    const submitted = await manager.request("POST", "/api/v1/reports/monthly/2026-07/submit", {
      remarks: "7月は長岡 花子が新任研修を修了。問い合わせは0258-39-2200へ。",
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const preview = await city.request("POST", "/api/v1/disclosure/preview", {
      kind: "report",
      ref: "monthly:2026-07",
      mask: { ...mask, extraTerms: [] },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const text = pdfText(preview.rawPayload, "report.pdf");
    expect(text).toContain("7月は■■■■■が新任研修を修了");
    expect(text).not.toContain("0258-39-2200");
    expect(text).not.toContain("試験 manager");
  });

  it("takes every kind of document the catalogue offers, each rendered and masked", async () => {
    const proposal = await staff.request("POST", "/api/v1/proposals", {
      title: "予約枠の見直し",
      problem: "長岡 花子によると午前の予約枠が不足。",
      measure: "午前の枠を増やす。",
      effect: "待ち時間の短縮。",
      evidence: "2026年7月 月次報告",
    });
    await manager.request("POST", `/api/v1/proposals/${proposal.json().id}/submit`);
    await manager.request("POST", "/api/v1/commitments", {
      ref: "2-1",
      title: "窓口に常時3名以上を配置する",
      detail: "長岡 花子を責任者とする。",
      category: "staffing",
      cadence: "monthly",
      fromMonth: "2026-07",
    });
    await manager.request("POST", "/api/v1/subcontracting", {
      subcontractor: "株式会社長岡コールサービス",
      address: "新潟県長岡市",
      areas: ["phone"],
      scope: "電話予約の受付",
      reason: "繁忙期の入電増",
      periodFrom: "2026-11-01",
      periodTo: "2027-03-31",
      handlesPersonalData: true,
      safeguards: "誓約書と研修。担当 長岡 花子",
    });
    const version = await manager.request("POST", "/api/v1/manual/versions", {
      title: "運営マニュアル",
      body: "# 1. 受付\n長岡 花子が作成した。",
    });
    await city.request("POST", `/api/v1/manual/versions/${version.json().id}/confirm`);
    const catalogue = (await city.request("GET", "/api/v1/disclosure/documents")).json();
    const kinds = new Set(catalogue.map((d: { kind: string }) => d.kind));
    expect([...kinds].sort()).toEqual(
      ["commitments", "incident", "manual", "proposal", "report", "subcontract"].sort(),
    );
    const made = await city.request("POST", "/api/v1/disclosures", {
      requestNo: "第13号",
      requester: "新潟 次郎",
      receivedOn: "2026-08-20",
      disclosedOn: "2026-09-01",
      documents: catalogue.map(({ kind, ref }: { kind: string; ref: string }) => ({ kind, ref })),
      mask,
    });
    expect(made.statusCode, made.body).toBe(201);
    const zip = await JSZip.loadAsync(
      (await city.request("GET", `/api/v1/disclosures/${made.json().id}/files.zip`)).rawPayload,
    );
    expect(Object.keys(zip.files)).toHaveLength(catalogue.length + 1);
    for (const [name, file] of Object.entries(zip.files)) {
      const text = pdfText(await file.async("uint8array"), "doc.pdf");
      expect(text.length, name).toBeGreaterThan(20);
      expect(text, name).not.toContain("長岡 花子");
    }
  });
});
