import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, totpCode } from "./totp.ts";

// RFC 4226 appendix D and RFC 6238 appendix B test vectors (secret "12345678901234567890").
const SECRET = Buffer.from("12345678901234567890");

describe("TOTP", () => {
  it("matches the RFC 4226 HOTP vectors", () => {
    expect([0, 1, 2, 3, 9].map((c) => hotp(SECRET, c))).toEqual([
      "755224",
      "287082",
      "359152",
      "969429",
      "520489",
    ]);
  });

  it("matches the RFC 6238 SHA-1 vector at T=59 s", () => {
    expect(hotp(SECRET, Math.floor(59 / 30), 8)).toBe("94287082");
    expect(totpCode(base32Encode(SECRET), new Date(59_000))).toBe("287082");
  });

  it("round-trips base32", () => {
    expect(base32Decode(base32Encode(SECRET)).equals(SECRET)).toBe(true);
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
  });

  it("accepts one step of drift and refuses a replayed step", () => {
    const secret = base32Encode(SECRET);
    const at = new Date(1_800_000_000_000);
    const code = totpCode(secret, new Date(at.getTime() - 30_000));
    const step = matchTotp(secret, code, at);
    expect(step).toBeDefined();
    expect(matchTotp(secret, code, at, step)).toBeUndefined();
    expect(
      matchTotp(secret, totpCode(secret, new Date(at.getTime() - 120_000)), at),
    ).toBeUndefined();
    expect(matchTotp(secret, "12345", at)).toBeUndefined();
  });
});
