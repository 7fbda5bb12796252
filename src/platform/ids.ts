import { randomBytes, randomUUID } from "node:crypto";
import { containsMyNumber } from "./mynumber.ts";

/**
 * Identifiers and tokens that never look like a My Number. A UUID's last group is 12 hex digits
 * and, about once in three thousand, all decimal with a valid check digit; such an id would be
 * refused by the guard when it comes back in a URL. Drawing again costs nothing.
 */
export function newId(): string {
  for (;;) {
    const id = randomUUID();
    if (!containsMyNumber(id)) return id;
  }
}

export function newToken(bytes: number): string {
  for (;;) {
    const token = randomBytes(bytes).toString("base64url");
    if (!containsMyNumber(token)) return token;
  }
}
