/**
 * The M/M/N queue (Erlang C): how many servers a stream of arrivals needs for a service level.
 * Pure; stable for hundreds of Erlangs because it never forms a factorial or a power — it runs
 * the Erlang B recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)) and turns B into C.
 *
 * Units: arrivals per hour, handling time in minutes, the target wait in seconds.
 */

/** Erlang B: the share of arrivals that find every one of `agents` servers busy (no queue). */
export function erlangB(trafficErlangs: number, agents: number): number {
  if (!(trafficErlangs >= 0) || !Number.isInteger(agents) || agents < 0)
    throw new RangeError("erlangB needs traffic ≥ 0 and a whole number of agents ≥ 0");
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (trafficErlangs * b) / (n + trafficErlangs * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival waits (0 < result ≤ 1). With no more agents than
 * the traffic the queue grows without bound, and every arrival waits: 1.
 */
export function erlangC(trafficErlangs: number, agents: number): number {
  if (trafficErlangs <= 0) return agents > 0 ? Number.MIN_VALUE : 1;
  if (agents <= trafficErlangs) return 1;
  const b = erlangB(trafficErlangs, agents);
  return (agents * b) / (agents - trafficErlangs * (1 - b));
}

const trafficOf = (arrivalsPerHour: number, ahtMinutes: number) =>
  (arrivalsPerHour * ahtMinutes) / 60;

/**
 * The share of arrivals served within `targetSeconds`:
 * 1 − C(A, N) · exp(−(N − A) · t / AHT), and 0 when N ≤ A.
 */
export function serviceLevel(
  arrivalsPerHour: number,
  ahtMinutes: number,
  agents: number,
  targetSeconds: number,
): number {
  if (arrivalsPerHour <= 0) return 1;
  const traffic = trafficOf(arrivalsPerHour, ahtMinutes);
  if (agents <= traffic) return 0;
  const waits = erlangC(traffic, agents);
  return 1 - waits * Math.exp((-(agents - traffic) * targetSeconds) / (ahtMinutes * 60));
}

/** The mean wait in minutes of all arrivals (those served at once count as 0): C·AHT/(N − A). */
export function meanWaitMinutes(
  arrivalsPerHour: number,
  ahtMinutes: number,
  agents: number,
): number {
  if (arrivalsPerHour <= 0) return 0;
  const traffic = trafficOf(arrivalsPerHour, ahtMinutes);
  if (agents <= traffic) return Number.POSITIVE_INFINITY;
  return (erlangC(traffic, agents) * ahtMinutes) / (agents - traffic);
}

/**
 * The least number of agents that serves `targetServiceLevel` of arrivals within
 * `targetSeconds` and keeps occupancy A/N at or under `maxOccupancy` (default 1). 0 when
 * nobody arrives.
 */
export function requiredAgents(
  arrivalsPerHour: number,
  ahtMinutes: number,
  targetServiceLevel: number,
  targetSeconds: number,
  maxOccupancy = 1,
): number {
  if (arrivalsPerHour <= 0) return 0;
  if (!(targetServiceLevel > 0 && targetServiceLevel < 1))
    throw new RangeError("the target service level is a share between 0 and 1");
  if (!(maxOccupancy > 0 && maxOccupancy <= 1))
    throw new RangeError("the occupancy limit is a share in (0, 1]");
  const traffic = trafficOf(arrivalsPerHour, ahtMinutes);
  let agents = Math.max(1, Math.floor(traffic) + 1, Math.ceil(traffic / maxOccupancy));
  while (serviceLevel(arrivalsPerHour, ahtMinutes, agents, targetSeconds) < targetServiceLevel)
    agents++;
  return agents;
}
