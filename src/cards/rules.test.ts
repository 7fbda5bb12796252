import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CARD_ACTIONS,
  type CardAction,
  CardRuleError,
  type CardState,
  nextCardState,
} from "./rules.ts";

const facts = { actorId: "u1", disposalAfterDays: 90, daysSinceNotice: 120 };

/** Runs the actions that the machine allows, skipping the refused ones; returns the path taken. */
function walk(actions: CardAction[], days: number) {
  let state: CardState = "received";
  const taken: CardAction[] = [];
  for (const action of actions) {
    try {
      state = nextCardState(state, action, { ...facts, daysSinceNotice: days });
      taken.push(action);
    } catch (error) {
      expect(error).toBeInstanceOf(CardRuleError);
    }
  }
  return { state, taken };
}

describe("the card's state machine", () => {
  it("never hands over a card that was not set up", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CARD_ACTIONS), { maxLength: 30 }),
        fc.nat(400),
        (actions, days) => {
          const { state, taken } = walk(actions, days);
          if (state === "handed_over") expect(taken).toContain("setup");
          // Handed over is final: nothing after it is ever taken.
          const at = taken.indexOf("hand_over");
          if (at >= 0) expect(taken.length).toBe(at + 1);
        },
      ),
    );
  });

  it("refuses every step without an actor", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CARD_ACTIONS),
        fc.constantFrom("", "  "),
        (action, actorId) => {
          expect(() => nextCardState("set_up", action, { ...facts, actorId })).toThrow(/actor/);
        },
      ),
    );
  });

  it("returns a card for disposal only after the city's period since its notice", () => {
    fc.assert(
      fc.property(fc.nat(400), fc.integer({ min: 1, max: 365 }), (days, period) => {
        const step = () =>
          nextCardState("unclaimed", "dispose", {
            actorId: "u1",
            daysSinceNotice: days,
            disposalAfterDays: period,
          });
        if (days >= period) expect(step()).toBe("returned");
        else expect(step).toThrow(expect.objectContaining({ code: "disposal_too_early" }));
      }),
    );
  });

  it("says why with a stable code: not set up, already handed over, or the step's own", () => {
    const code = (state: CardState, action: CardAction) => {
      try {
        nextCardState(state, action, facts);
        return "ok";
      } catch (error) {
        return (error as CardRuleError).code;
      }
    };
    expect(code("received", "hand_over")).toBe("card_not_set_up");
    expect(code("handed_over", "hand_over")).toBe("card_already_handed_over");
    expect(code("received", "send_notice")).toBe("cannot_send_notice");
    expect(code("returned", "remind")).toBe("cannot_remind");
    expect(code("reserved", "hand_over")).toBe("ok");
  });
});
