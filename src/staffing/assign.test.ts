import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignWork } from "./assign.ts";
import type { PlanPerson } from "./model.ts";

const person = (counter: boolean, phone: boolean, backOffice: boolean): PlanPerson => ({
  id: `${counter}${phone}${backOffice}`,
  name: "",
  counter,
  phone,
  backOffice,
  lead: false,
  weeklyHourLimit: 40,
  availability: {},
  activeFrom: "2026-01-01",
  activeTo: null,
});

/** Every way to give each person one kind of work or none: the best by (counter, then total). */
function bruteForce(people: PlanPerson[], need: { counter: number; phone: number; setup: number }) {
  let best = { counter: 0, total: 0 };
  const choose = (i: number, c: number, p: number, s: number) => {
    if (i === people.length) {
      const total = c + p + s;
      if (c > best.counter || (c === best.counter && total > best.total))
        best = { counter: c, total };
      return;
    }
    const x = people[i]!;
    choose(i + 1, c, p, s);
    if (x.counter && c < need.counter) choose(i + 1, c + 1, p, s);
    if (x.phone && p < need.phone) choose(i + 1, c, p + 1, s);
    if (x.backOffice && s < need.setup) choose(i + 1, c, p, s + 1);
  };
  choose(0, 0, 0, 0);
  return best;
}

describe("who does what in a slot", () => {
  it("moves a person to the phone so another can take the counter", () => {
    // A can do both, B only the phone: A at the counter, B on the phone.
    const a = person(true, true, false);
    const b = person(false, true, false);
    expect(assignWork([a, b], { counter: 1, phone: 1, setup: 0 })).toEqual({
      counter: 1,
      phone: 1,
      setup: 0,
    });
  });

  it("covers as many needs as any assignment could, the counter first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), { maxLength: 7 }),
        fc.record({
          counter: fc.integer({ min: 0, max: 4 }),
          phone: fc.integer({ min: 0, max: 3 }),
          setup: fc.integer({ min: 0, max: 3 }),
        }),
        (flags, need) => {
          const people = flags.map(([c, p, s]) => person(c, p, s));
          const got = assignWork(people, need);
          const best = bruteForce(people, need);
          const counterCovered = Math.min(got.counter, need.counter);
          expect(counterCovered).toBe(best.counter);
          expect(counterCovered + got.phone + got.setup).toBe(best.total);
          expect(got.phone).toBeLessThanOrEqual(need.phone);
          expect(got.setup).toBeLessThanOrEqual(need.setup);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("counts the same whatever order the people come in, the spare at the counter included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), { maxLength: 8 }),
        fc.record({
          counter: fc.integer({ min: 0, max: 4 }),
          phone: fc.integer({ min: 0, max: 3 }),
          setup: fc.integer({ min: 0, max: 3 }),
        }),
        fc.integer({ min: 0, max: 1_000 }),
        (flags, need, seed) => {
          const people = flags.map(([c, p, s]) => person(c, p, s));
          const shuffled = [...people].sort(
            (a, b) =>
              ((people.indexOf(a) * 7919 + seed) % 13) - ((people.indexOf(b) * 7919 + seed) % 13),
          );
          expect(assignWork(shuffled, need)).toEqual(assignWork(people, need));
          // Nobody who can serve stays idle once the needs are met.
          const got = assignWork(people, need);
          const servers = people.filter((p) => p.counter || p.phone || p.backOffice).length;
          if (people.every((p) => p.counter))
            expect(got.counter + got.phone + got.setup).toBe(servers);
        },
      ),
      { numRuns: 500 },
    );
  });
});
