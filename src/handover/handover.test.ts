import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handoverCommand } from "../../cli/handover.ts";
import {
  buildTenant,
  buildTestApp,
  type Client,
  signedInAs,
  type TestApp,
} from "../../test/factories.ts";
import { DEMO_MANUAL } from "../manual/demoManual.ts";
import { startClockAt } from "../platform/clock.ts";
import { containsMyNumber } from "../platform/mynumber.ts";

let t: TestApp;
let from: string;
let staff: Client;
let manager: Client;
let city: Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handover-"));
const zipFile = path.join(dir, "handover.zip");
const io = {
  lines: [] as string[],
  out: (s: string) => io.lines.push(s),
  err: (s: string) => io.lines.push(s),
};
// A citizen's data that must never leave in the package.
const CITIZEN = {
  kana: "ヒキツギ タロウ",
  email: "hikitsugi.taro@example.jp",
  phone: "0258123456",
  birth: "1977-07-07",
  ref: "NGK-2608-7777",
};

beforeAll(async () => {
  startClockAt(new Date("2026-08-04T10:00:00+09:00"));
  t = await buildTestApp();
  from = (await buildTenant(t.database)).tenantId;
  staff = await signedInAs(t, from, "staff");
  manager = await signedInAs(t, from, "manager");
  city = await signedInAs(t, from, "city");
});
afterAll(async () => {
  startClockAt(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe("the handover package (業務引継書)", () => {
  it("carries the manual, configuration, open items and training, and nothing of any citizen", async () => {
    // The contract's own configuration.
    expect(
      (
        await manager.request("POST", "/api/v1/queue/procedures", {
          code: "mynaportal",
          nameJa: "マイナポータル操作支援",
          nameEn: "Mynaportal help",
          standardMinutes: 20,
          groupCode: "support",
          needsIntegratedTerminal: false,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await manager.request("POST", "/api/v1/queue/counters", {
          counterId: "6",
          nameJa: "6番窓口",
        })
      ).statusCode,
    ).toBe(201);
    const draft = (
      await manager.request("POST", "/api/v1/manual/versions", {
        title: "運営マニュアル",
        body: DEMO_MANUAL,
      })
    ).json();
    await city.request("POST", `/api/v1/manual/versions/${draft.id}/confirm`);
    await staff.request("POST", "/api/v1/equipment/T3/faults", { description: "電源が入らない" });
    await staff.request("POST", "/api/v1/incidents", {
      kind: "system_outage",
      severity: "medium",
      summary: "統合端末のネットワークが30分停止",
      occurredAt: "2026-08-04T09:00:00+09:00",
    });
    // A citizen's booking and card.
    expect(
      (
        await staff.request("POST", "/api/v1/reservations", {
          procedure: "handover",
          start: "2026-08-04T13:00:00+09:00",
          nameKana: CITIZEN.kana,
          phone: CITIZEN.phone,
          email: CITIZEN.email,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await staff.request("POST", "/api/v1/cards/batches", {
          deliveredOn: "2026-08-04",
          cards: [{ noticeRef: CITIZEN.ref, nameKana: CITIZEN.kana, birthDate: CITIZEN.birth }],
        })
      ).statusCode,
    ).toBe(201);

    expect(
      await handoverCommand(t.database, ["export", "--tenant", from, "--out", zipFile], io),
    ).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    expect(Object.keys(zip.files).sort()).toEqual([
      "README.txt",
      "configuration.json",
      "handover.json",
      "handover.pdf",
      "manual.md",
      "open-items.json",
      "statistics.json",
      "training.json",
    ]);
    const pkg = JSON.parse(await zip.file("handover.json")!.async("string"));
    expect(pkg.configuration.procedures.map((p: { code: string }) => p.code)).toContain(
      "mynaportal",
    );
    expect(pkg.openItems.incidents).toHaveLength(1);
    expect(pkg.openItems.equipmentOutOfService).toEqual([
      { id: "T3", nameJa: "統合端末3", state: "faulty" },
    ]);
    expect(pkg.training.length).toBeGreaterThan(0);
    // Scanned: every text file, and the PDF's text.
    const texts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.name.endsWith(".pdf"))
        .map((f) => f.async("string")),
    );
    const pdf = path.join(dir, "handover.pdf");
    fs.writeFileSync(pdf, await zip.file("handover.pdf")!.async("uint8array"));
    texts.push(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }));
    expect(texts.at(-1)).toContain("業務引継書");
    for (const text of texts) {
      for (const value of Object.values(CITIZEN)) expect(text).not.toContain(value);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(containsMyNumber(text)).toBe(false);
    }
  });

  it("is taken in by an empty tenant and reproduces its configuration", async () => {
    const to = (await buildTenant(t.database)).tenantId;
    expect(
      await handoverCommand(t.database, ["import", "--tenant", to, "--file", zipFile], io),
    ).toBe(0);
    const admin = await signedInAs(t, to, "city");
    const next = await signedInAs(t, to, "manager");
    const [before, after] = [
      (await manager.request("GET", "/api/v1/queue/catalogue")).json(),
      (await next.request("GET", "/api/v1/queue/catalogue")).json(),
    ];
    const procedures = (c: {
      procedures: { code: string; nameJa: string; standardMinutes: number }[];
    }) => c.procedures.map((p) => [p.code, p.nameJa, p.standardMinutes]).sort();
    expect(procedures(after)).toEqual(procedures(before));
    expect(after.counters.map((c: { counterId: string }) => c.counterId)).toEqual(
      before.counters.map((c: { counterId: string }) => c.counterId),
    );
    expect((await next.request("GET", "/api/v1/queue/settings")).json()).toEqual(
      (await manager.request("GET", "/api/v1/queue/settings")).json(),
    );
    // The manual comes as a draft for the new contract's city to confirm.
    const versions = (await admin.request("GET", "/api/v1/manual/versions")).json();
    expect(versions.map((v: { state: string }) => v.state)).toEqual(["draft"]);
    // The continuity procedures came along; contacts did not.
    const plan = (await next.request("GET", "/api/v1/continuity")).json();
    expect(plan).toMatchObject({ version: 1, contacts: [] });
  });
});
