import type { StringKey } from "./i18n.ts";

/** The navigation: each entry is shown to roles holding its permission. One list, one rule. */
export interface NavItem {
  path: string;
  label: StringKey;
  permission: string;
}

export const NAV: NavItem[] = [
  { path: "/", label: "home", permission: "tenant.read" },
  { path: "/calendar", label: "calendar", permission: "calendar.read" },
  { path: "/users", label: "users", permission: "users.read" },
  { path: "/audit", label: "audit", permission: "audit.read" },
  { path: "/account", label: "account", permission: "session.self" },
];

export function navFor(permissions: string[]): NavItem[] {
  return NAV.filter((item) => permissions.includes(item.permission));
}
