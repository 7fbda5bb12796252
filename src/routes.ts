import { calendarRoutes } from "./calendar/routes.ts";
import { cardRoutes } from "./cards/routes.ts";
import { commitmentRoutes } from "./commitments/routes.ts";
import { continuityRoutes } from "./continuity/routes.ts";
import { disclosureRoutes } from "./disclosure/routes.ts";
import { equipmentRoutes } from "./equipment/routes.ts";
import { expenseRoutes } from "./expenses/routes.ts";
import { handoverRoutes } from "./handover/routes.ts";
import { incidentRoutes } from "./incidents/routes.ts";
import { investigationRoutes } from "./investigations/routes.ts";
import { manualRoutes } from "./manual/routes.ts";
import { noticeRoutes } from "./notices/routes.ts";
import { paymentRoutes } from "./payments/routes.ts";
import { auditRoutes } from "./platform/audit/routes.ts";
import { authRoutes } from "./platform/auth/routes.ts";
import { userRoutes } from "./platform/auth/userRoutes.ts";
import type { RoutePlugin } from "./platform/http/app.ts";
import { mailRoutes } from "./platform/mail/routes.ts";
import { tenantRoutes } from "./platform/tenancy/routes.ts";
import { proposalRoutes } from "./proposals/routes.ts";
import { queueRoutes } from "./queue/routes.ts";
import { reportRoutes } from "./reports/routes.ts";
import { reservationRoutes } from "./reservations/routes.ts";
import { rosterRoutes } from "./roster/routes.ts";
import { staffingRoutes } from "./staffing/routes.ts";
import { subcontractRoutes } from "./subcontracting/routes.ts";
import { trainingRoutes } from "./training/routes.ts";

/** Every domain's routes, in the order they are registered. */
export const ROUTES: RoutePlugin[] = [
  authRoutes,
  userRoutes,
  tenantRoutes,
  auditRoutes,
  mailRoutes,
  calendarRoutes,
  queueRoutes,
  reservationRoutes,
  rosterRoutes,
  trainingRoutes,
  staffingRoutes,
  reportRoutes,
  paymentRoutes,
  investigationRoutes,
  expenseRoutes,
  cardRoutes,
  equipmentRoutes,
  incidentRoutes,
  continuityRoutes,
  manualRoutes,
  handoverRoutes,
  noticeRoutes,
  proposalRoutes,
  commitmentRoutes,
  subcontractRoutes,
  disclosureRoutes,
];
