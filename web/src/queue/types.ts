// The queue's shapes are the server's own (type-only: nothing of the server reaches the bundle).
export type { Board, BoardCall, GroupStatus } from "../../../src/queue/board.ts";

/** A ticket as the API gives it: the server's own contract type. */
export type { TicketOut } from "../../../src/queue/contract.ts";

import type { CatalogueOut } from "../../../src/queue/contract.ts";

/** The procedures, groups, counters and reason tables of the tenant, as the server gives them. */
export type Catalogue = CatalogueOut;
export type Procedure = CatalogueOut["procedures"][number];
