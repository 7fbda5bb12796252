import { describe, expect, it } from "vitest";
import { decodeDeliveryFile, parseDeliveryLine, parseDeliveryList } from "./deliveryList.ts";

describe("the delivery list", () => {
  it("reads a scanned line with slashes, and the optional place, express mark and booking", () => {
    expect(
      parseDeliveryLine("ngk-2608-0001/ヤマダ タロウ/1980-04-01/A/01/特急/2026-08-10"),
    ).toEqual({
      noticeRef: "NGK-2608-0001",
      nameKana: "ヤマダ タロウ",
      birthDate: "1980-04-01",
      locker: "A",
      slot: "01",
      express: true,
      handoverOn: "2026-08-10",
    });
    expect(parseDeliveryLine("NGK-2608-0002/スズキ ハナコ/1975-12-24")).toEqual({
      noticeRef: "NGK-2608-0002",
      nameKana: "スズキ ハナコ",
      birthDate: "1975-12-24",
    });
  });

  it("reads a CSV file with a header, quotes, spreadsheet dates and a byte-order mark", () => {
    const csv =
      "\uFEFF参照番号,カナ氏名,生年月日,保管庫,位置,特急,交付予約日\r\n" +
      '"NGK-2608-0003","サトウ ジロウ",1990/4/1,B,02,,2026/8/12\r\n' +
      "NGK-2608-0004,タナカ ミキ,2001-07-07,B,03,1,\r\n" +
      "壊れた行\r\n";
    const { rows, bad } = parseDeliveryList(csv);
    expect(rows).toEqual([
      {
        noticeRef: "NGK-2608-0003",
        nameKana: "サトウ ジロウ",
        birthDate: "1990-04-01",
        locker: "B",
        slot: "02",
        handoverOn: "2026-08-12",
      },
      {
        noticeRef: "NGK-2608-0004",
        nameKana: "タナカ ミキ",
        birthDate: "2001-07-07",
        locker: "B",
        slot: "03",
        express: true,
      },
    ]);
    expect(bad).toEqual(["壊れた行"]);
  });

  it("decodes a Shift_JIS file as well as UTF-8", () => {
    // "X-000001,ヤマダ,1980-04-01" with ヤマダ in Shift_JIS (83 84 83 7D 83 5F).
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const sjis = new Uint8Array([
      ...ascii("X-000001,"),
      0x83,
      0x84,
      0x83,
      0x7d,
      0x83,
      0x5f,
      ...ascii(",1980-04-01"),
    ]);
    expect(decodeDeliveryFile(sjis)).toBe("X-000001,ヤマダ,1980-04-01");
    expect(decodeDeliveryFile(new TextEncoder().encode("X-000001,ヤマダ,1980-04-01"))).toBe(
      "X-000001,ヤマダ,1980-04-01",
    );
  });
});
