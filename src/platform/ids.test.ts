import { describe, expect, it } from "vitest";
import { newId, newToken } from "./ids.ts";
import { containsMyNumber } from "./mynumber.ts";

describe("ids and tokens", () => {
  it("a UUID can look like a My Number, which is why ids are drawn again", () => {
    expect(containsMyNumber("0f8fad5b-d9cb-469f-a165-123456789018")).toBe(true);
  });

  it("never hands out an id or a token the My Number guard would refuse", () => {
    for (let i = 0; i < 20_000; i++) {
      expect(containsMyNumber(newId())).toBe(false);
      expect(containsMyNumber(newToken(18))).toBe(false);
    }
    expect(newId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
