import type { PlanPerson } from "./model.ts";

const WORKS = ["counter", "phone", "setup"] as const;
type Work = (typeof WORKS)[number];
const CAN: Record<Work, (p: PlanPerson) => boolean> = {
  counter: (p) => p.counter,
  phone: (p) => p.phone,
  setup: (p) => p.backOffice,
};

/**
 * Who does what in one slot: a maximum flow from the people at work to the kinds of work, filled
 * counter first, then phone, then card setup. A flow into a kind of work never shrinks once made
 * (augmenting paths end there), so the counter keeps what it got while people move between the
 * phone and setup to cover more. Everyone left who can serve joins the counter.
 */
export function assignWork(
  people: readonly PlanPerson[],
  need: Readonly<Record<Work, number>>,
): Record<Work, number> {
  const doing: (Work | null)[] = people.map(() => null);
  const count: Record<Work, number> = { counter: 0, phone: 0, setup: 0 };
  const cap: Record<Work, number> = { counter: 0, phone: 0, setup: 0 };

  /** One augmenting path from a free person to a kind of work below its capacity. */
  const augment = (): boolean => {
    // BFS over people; `via[i]` is the person whose place i takes (or -1 from the source).
    const via = new Map<number, { from: number; work: Work }>();
    const queue: number[] = [];
    people.forEach((_, i) => {
      if (doing[i] === null) {
        via.set(i, { from: -1, work: "counter" });
        queue.push(i);
      }
    });
    while (queue.length) {
      const i = queue.shift()!;
      for (const w of WORKS) {
        if (!CAN[w](people[i]!) || doing[i] === w) continue;
        if (count[w] < cap[w]) {
          // Reached the sink through w: shift everyone along the path.
          let person = i;
          let work: Work = w;
          for (;;) {
            const previous = doing[person] ?? null;
            doing[person] = work;
            count[work]++;
            if (previous !== null) count[previous]--;
            const step = via.get(person)!;
            if (step.from === -1) break;
            // The person before on the path takes the place `person` just left.
            work = previous!;
            person = step.from;
          }
          return true;
        }
        // w is full: someone doing w could move elsewhere to make room.
        people.forEach((_, j) => {
          if (doing[j] === w && !via.has(j)) {
            via.set(j, { from: i, work: w });
            queue.push(j);
          }
        });
      }
    }
    return false;
  };
  for (const w of WORKS) {
    cap[w] = need[w];
    while (count[w] < cap[w] && augment());
  }
  // Whoever is left joins the counter, moving others along where that frees a counter place (a
  // phone-only person taking the phone from someone who can serve): the most the counter can
  // have with the needs met, whatever order the people came in.
  cap.counter = people.length;
  // The free who can serve go straight there (no search needed); only someone who cannot may
  // still free a counter place by taking over another's phone or setup.
  people.forEach((p, i) => {
    if (doing[i] === null && p.counter) {
      doing[i] = "counter";
      count.counter++;
    }
  });
  if (people.some((_, i) => doing[i] === null)) while (augment());
  return { counter: count.counter, phone: count.phone, setup: count.setup };
}
