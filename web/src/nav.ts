import type { Me } from "./api.ts";
import type { StringKey } from "./i18n.ts";

/** The navigation: each entry is shown to roles holding its permission (and, where set, of those roles). */
/** The signed-in area's pages: each is a route (routes.tsx), so a typo here fails the type check. */
export type StaffPath =
  | "/"
  | "/counter"
  | "/phone"
  | "/reservations"
  | "/cards"
  | "/manual"
  | "/notices"
  | "/equipment"
  | "/incidents"
  | "/continuity"
  | "/proposals"
  | "/contract"
  | "/queue-settings"
  | "/kiosk"
  | "/board"
  | "/calendar"
  | "/staffing"
  | "/dashboard"
  | "/reports"
  | "/payments"
  | "/roster"
  | "/my-record"
  | "/users"
  | "/audit"
  | "/account";

export interface NavItem {
  path: StaffPath;
  label: StringKey;
  /** Shown to a role holding this permission (or any of these). */
  permission: string | string[];
  roles?: string[];
}

export const NAV: NavItem[] = [
  { path: "/", label: "home", permission: "tenant.read" },
  { path: "/counter", label: "counter", permission: "queue.serve" },
  { path: "/phone", label: "phone", permission: "phone.log" },
  { path: "/reservations", label: "reservations", permission: "reservations.manage" },
  {
    path: "/cards",
    label: "cardsNav",
    permission: "card.read",
    roles: ["staff", "deputy", "manager"],
  },
  { path: "/notices", label: "noticesNav", permission: "notice.read" },
  {
    path: "/manual",
    label: "manualNav",
    permission: "manual.read",
    roles: ["staff", "deputy", "manager", "city"],
  },
  {
    path: "/equipment",
    label: "equipmentNav",
    permission: "equipment.read",
    roles: ["staff", "deputy", "manager", "city"],
  },
  // The leads and the city follow incidents; a clerk reports them.
  { path: "/incidents", label: "incidentsNav", permission: ["incident.read", "incident.report"] },
  {
    path: "/continuity",
    label: "continuityNav",
    permission: "continuity.read",
    roles: ["staff", "deputy", "manager", "city"],
  },
  {
    path: "/proposals",
    label: "proposalsNav",
    permission: "proposal.read",
    roles: ["staff", "deputy", "manager", "city"],
  },
  // 提案事項・再委託・情報公開: the leads and the city.
  {
    path: "/contract",
    label: "contractNav",
    permission: ["commitment.read", "subcontract.read", "disclosure.read"],
    roles: ["deputy", "manager", "city", "contractor_admin"],
  },
  { path: "/queue-settings", label: "queueSettings", permission: "queue.configure" },
  {
    path: "/kiosk",
    label: "kiosk",
    permission: "queue.issue",
    roles: ["kiosk", "staff", "deputy", "manager"],
  },
  {
    path: "/board",
    label: "board",
    permission: "queue.board",
    roles: ["board", "staff", "deputy", "manager"],
  },
  { path: "/calendar", label: "calendar", permission: "calendar.read" },
  {
    path: "/staffing",
    label: "staffingNav",
    permission: "staffing.plan",
    roles: ["manager", "deputy"],
  },
  {
    path: "/dashboard",
    label: "dashboardNav",
    permission: "report.read",
    roles: ["manager", "deputy", "city", "contractor_admin", "admin"],
  },
  {
    path: "/reports",
    label: "reportsNav",
    permission: "report.read",
    roles: ["manager", "deputy", "city", "contractor_admin", "admin"],
  },
  {
    path: "/payments",
    label: "paymentsNav",
    permission: "payment.read",
    roles: ["manager", "city", "contractor_admin", "admin"],
  },
  { path: "/roster", label: "roster", permission: "roster.read" },
  { path: "/my-record", label: "myRecord", permission: "roster.self", roles: ["staff"] },
  { path: "/users", label: "users", permission: "users.read" },
  { path: "/audit", label: "audit", permission: "audit.read" },
  { path: "/account", label: "account", permission: "session.self" },
];

/** Pages that fill the screen of a device, without the navigation around them. */
export const FULL_SCREEN = new Set<string>(["/kiosk", "/board"]);

export function navFor(me: Pick<Me, "permissions" | "user">): NavItem[] {
  return NAV.filter(
    (item) =>
      [item.permission].flat().some((p) => me.permissions.includes(p)) &&
      (!item.roles || item.roles.includes(me.user.role)),
  );
}
