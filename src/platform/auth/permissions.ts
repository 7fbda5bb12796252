/**
 * Roles and what each may do: the one permission table. Every route names one permission (or
 * says it is public), and the guard checks it against this table before the handler runs.
 */
export const ROLES = [
  "staff", // 本業務従事者
  "deputy", // 業務副管理者
  "manager", // 業務管理者
  "city", // 市職員 (reviewer)
  "contractor_admin", // 受託者本社
  "admin", // system administrator of the tenant
  "kiosk", // 発券機 (device)
  "board", // 呼出表示盤 (device)
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  staff: { ja: "本業務従事者", en: "Counter staff" },
  deputy: { ja: "業務副管理者", en: "Deputy manager" },
  manager: { ja: "業務管理者", en: "Manager" },
  city: { ja: "市職員", en: "City officer" },
  contractor_admin: { ja: "受託者本社管理者", en: "Contractor head office" },
  admin: { ja: "システム管理者", en: "Administrator" },
  kiosk: { ja: "発券機", en: "Ticket kiosk" },
  board: { ja: "呼出表示盤", en: "Display board" },
};

/**
 * Roles held by people who work on the contract: each such account belongs to a person on the
 * staff roster (従事者名簿) and is created from it, never on its own.
 */
export const ROSTER_ROLES: ReadonlySet<Role> = new Set(["staff", "deputy", "manager"]);

/** Devices (the kiosk, the display board): stay signed in, never idle out. */
export const DEVICE_ROLES: ReadonlySet<string> = new Set<Role>(["kiosk", "board"]);
export const isDeviceRole = (role: string) => DEVICE_ROLES.has(role);

/** Roles that must sign in with a second factor. */
export const TOTP_REQUIRED: ReadonlySet<Role> = new Set([
  "city",
  "manager",
  "contractor_admin",
  "admin",
]);

const PEOPLE: Role[] = ["staff", "deputy", "manager", "city", "contractor_admin", "admin"];
const CONTRACTOR_LEADS: Role[] = ["deputy", "manager", "contractor_admin"];

export const PERMISSIONS = {
  /** Own session: who am I, sign out, second factor. */
  "session.self": [...PEOPLE, "kiosk", "board"],
  "tenant.read": [...PEOPLE, "kiosk", "board"],
  "tenant.update": ["admin", "contractor_admin"],
  "users.read": ["admin", "contractor_admin", "manager"],
  "users.write": ["admin", "contractor_admin"],
  "audit.read": ["city", "admin"],
  "contract.lead": CONTRACTOR_LEADS,
  "calendar.read": [...PEOPLE, "kiosk", "board"],
  /** 休日開庁日の指定 is the city's decision. */
  "calendar.designate": ["city"],
  /** The contractor's manager (or deputy) asks for a change to a day. */
  "calendar.request": ["manager", "deputy"],
  "calendar.approve": ["city"],
  "calendar.configure": ["city", "admin"],
  "queue.read": [...PEOPLE, "kiosk", "board"],
  /** 発券: staff at the counter and the kiosk device. */
  "queue.issue": ["staff", "deputy", "manager", "kiosk"],
  /** Working a counter: open, call, serve, finish. */
  "queue.serve": ["staff", "deputy", "manager"],
  "queue.board": [...PEOPLE, "kiosk", "board"],
  "queue.configure": ["manager", "deputy"],
  "service.read": ["staff", "deputy", "manager", "city", "contractor_admin", "admin"],
  "phone.log": ["staff", "deputy", "manager"],
  /** The day's reservations with names and contacts: the counter's people only. */
  "reservations.manage": ["staff", "deputy", "manager"],
  /** How many bookings a closure touches: counts only, for the city deciding on it too. */
  "reservations.impact": ["staff", "deputy", "manager", "city"],
  /** 従事者名簿: names and qualifications, no contact data; the city reads it to supervise. */
  "roster.read": ["manager", "deputy", "city", "contractor_admin", "admin"],
  /** Keeping the roster, training records and the duty schedule: the contractor's leads. */
  "roster.write": ["manager", "deputy"],
  /** Contact data of a person: only the leads who need it (each view audited). */
  "roster.personal": ["manager", "deputy"],
  /** One's own roster record, training and shifts. */
  "roster.self": ["staff", "deputy", "manager"],
  /** The city acknowledges submissions and change notices (変更報告の受理). */
  "roster.acknowledge": ["city"],
  /** 本市の承諾: the city approves training material. */
  "training.approve": ["city"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

/** Roles that may act in more than their home tenant, through tenant grants. */
export const MULTI_TENANT_ROLES: ReadonlySet<Role> = new Set(["contractor_admin"]);
