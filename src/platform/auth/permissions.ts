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

/** A role's name for a screen; the system and citizens act too, and unknown codes show as they are. */
export function roleLabel(role: string, lang: "ja" | "en"): string {
  if (role === "system") return lang === "ja" ? "システム" : "System";
  if (role === "citizen") return lang === "ja" ? "市民" : "Citizen";
  return ROLE_LABELS[role as Role]?.[lang] ?? role;
}

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

/**
 * Parties that act without being a user's role: the CLI, the server's own jobs and seeding
 * (`system`), and a citizen acting through a booking's management link (`citizen`). They go
 * through the same table, so every operation is checked the same way whoever calls it.
 */
export type ActorRole = Role | "system" | "citizen";

const PEOPLE: Role[] = ["staff", "deputy", "manager", "city", "contractor_admin", "admin"];
/** 業務管理者・業務副管理者: the contractor's leads at the counter (the one definition of "lead"). */
const COUNTER_LEADS: Role[] = ["deputy", "manager"];
const COUNTER_STAFF: Role[] = ["staff", ...COUNTER_LEADS];

export const PERMISSIONS = {
  /** Own session: who am I, sign out, second factor. */
  "session.self": [...PEOPLE, "kiosk", "board"],
  "tenant.read": [...PEOPLE, "kiosk", "board"],
  "users.read": ["admin", "contractor_admin", "manager", "system"],
  "users.write": ["admin", "contractor_admin", "system"],
  /** Handing out a role (creating, resetting or unlocking its accounts): nobody grants more than they hold. */
  "role.assign_contractor": ["admin", "contractor_admin", "system"],
  "role.assign_city": ["admin", "system"],
  "role.assign_admin": ["admin", "system"],
  "audit.read": ["city", "admin", "system"],
  /** 送信できなかった通知: the outbox's dead letters, for the leads to act on. */
  "mail.monitor": [...COUNTER_LEADS, "admin"],
  /** Purges of personal data past its keeping period, reminders: the server's own jobs and the CLI. */
  "jobs.run": ["system"],
  "calendar.read": [...PEOPLE, "kiosk", "board", "system", "citizen"],
  /** 休日開庁日の指定 is the city's decision. */
  "calendar.designate": ["city"],
  /** The contractor's manager (or deputy) asks for a change to a day. */
  "calendar.request": COUNTER_LEADS,
  /** Withdrawing a request someone else made: the manager answers for all of them. */
  "calendar.withdraw_any": ["manager"],
  "calendar.approve": ["city"],
  "calendar.configure": ["city", "admin", "system"],
  "queue.read": [...PEOPLE, "kiosk", "board", "system"],
  /** 発券: staff at the counter and the kiosk device. */
  "queue.issue": [...COUNTER_STAFF, "kiosk"],
  /** Issuing while the calendar says closed (or a reservation-only day), with a reason: staff only. */
  "queue.override_hours": COUNTER_STAFF,
  /** Working a counter: open, call, serve, finish. */
  "queue.serve": COUNTER_STAFF,
  /** Stepping in at another person's counter: its tickets, closing it. */
  "queue.intervene": COUNTER_LEADS,
  "queue.board": [...PEOPLE, "kiosk", "board"],
  "queue.configure": [...COUNTER_LEADS, "system"],
  /** 要員計画: demand, the roster optimised and simulated; the leads plan, the server's CLI too. */
  "staffing.plan": [...COUNTER_LEADS, "system"],
  /** The service-level targets the plans aim at: the manager answers for them. */
  "staffing.configure": ["manager", "contractor_admin"],
  /** A person waiting, through their ticket's status page: the turn-near notice they ask for. */
  "queue.own_ticket": ["citizen"],
  "service.read": [...PEOPLE, "system"],
  "phone.log": COUNTER_STAFF,
  /** The day's reservations with names and contacts: the counter's people only. */
  "reservations.manage": COUNTER_STAFF,
  /** The kiosk checks in a person by their booking code (and staff may do it there too). */
  "reservations.self_check_in": [...COUNTER_STAFF, "kiosk"],
  /** A citizen's own booking, through the booking pages or its management link. */
  "reservations.own": ["citizen", ...COUNTER_STAFF],
  /** How many bookings a closure touches: counts only, for the city deciding on it too. */
  "reservations.impact": [...COUNTER_STAFF, "city"],
  /** 従事者名簿: names and qualifications, no contact data; the city reads it to supervise. */
  "roster.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin", "system"],
  /** Keeping the roster, training records and the duty schedule: the contractor's leads. */
  "roster.write": [...COUNTER_LEADS, "system"],
  /** Contact data of a person: only the leads who need it (each view audited). */
  "roster.personal": COUNTER_LEADS,
  /** One's own roster record, training and shifts. */
  "roster.self": COUNTER_STAFF,
  /** Linking an account to a roster person: whoever creates accounts. */
  "roster.link_account": ["admin", "contractor_admin", "system"],
  /** The city acknowledges submissions and change notices (変更報告の受理). */
  "roster.acknowledge": ["city"],
  /** 本市の承諾: the city approves training material. */
  "training.approve": ["city"],
  /** 日次報告書・月次業務完了報告書: the contractor's leads and the city read them (drafts: the leads). */
  "report.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin", "system"],
  /** Drafting, remarks and submitting: the manager or the deputy (仕様 8(2)エ). */
  "report.submit": [...COUNTER_LEADS, "system"],
  /** 検査: the city accepts a monthly report or returns it with comments; confirms a daily one. */
  "report.inspect": ["city", "system"],
  /** 委託料: the schedule, the claims and the invoices. */
  "payment.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin", "system"],
  /** 請求: the contractor claims a month's payment once its report is accepted. */
  "payment.claim": ["manager", "contractor_admin", "system"],
  /** 支払: the city records that it paid. */
  "payment.record": ["city", "system"],
  /** カード在庫 (仕様 4(4)): holders' names and birth dates; the counter's people only. */
  "card.read": [...COUNTER_STAFF, "system"],
  "card.work": [...COUNTER_STAFF, "system"],
  /** 廃棄（返還）: the leads return unclaimed cards once the city's period is over. */
  "card.dispose": [...COUNTER_LEADS, "system"],
  "card.configure": ["city", "admin", "system"],
  /** 棚卸の記録: the discrepancy reports, for the leads and the city. */
  "card.stocktake_read": [...COUNTER_LEADS, "city", "system"],
  /** 帳簿 (仕様 14): the books of the fee's use; the city reads them (情報公開, 調査). */
  "expense.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin", "system"],
  "expense.write": ["manager", "contractor_admin", "system"],
  /** 調査 (仕様 9): the city asks, the contractor's leads answer, both read. */
  "investigation.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin"],
  "investigation.request": ["city"],
  "investigation.answer": COUNTER_LEADS,
  /** The contract's terms for the amounts (as agreed): the city or the administrator. */
  "payment.configure": ["city", "admin", "system"],
  /** 備品台帳 (仕様 7): everyone on the counter sees it and reports a fault; the city too. */
  "equipment.read": [...COUNTER_STAFF, "city", "contractor_admin", "admin", "system"],
  "equipment.report_fault": [...COUNTER_STAFF, "system"],
  /** Repairs, return to service, new items, withdrawal: the leads and the city (its property). */
  "equipment.manage": [...COUNTER_LEADS, "city", "system"],
  /** 事故・障害 (仕様 8(2)ク・ケ, 14): anyone at the counter reports; the leads act; the city instructs and closes. */
  "incident.report": [...COUNTER_STAFF, "system"],
  "incident.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin", "system"],
  "incident.act": [...COUNTER_LEADS, "system"],
  "incident.instruct": ["city", "system"],
  /** 緊急呼出: every workstation raises and hears it; the leads close it. */
  "emergency.call": [...COUNTER_STAFF, "system"],
  "emergency.close": [...COUNTER_LEADS, "system"],
  /** 緊急時の体制 (BCP, 仕様 8(1)): the leads keep it; the city reads it. */
  "continuity.read": [...COUNTER_STAFF, "city", "contractor_admin", "admin", "system"],
  "continuity.write": [...COUNTER_LEADS, "system"],
  /** 運営マニュアル: the counter reads the confirmed one; the leads write; the city confirms. */
  "manual.read": [...COUNTER_STAFF, "city", "system"],
  "manual.versions": [...COUNTER_LEADS, "city", "system"],
  "manual.write": [...COUNTER_LEADS, "system"],
  "manual.confirm": ["city", "system"],
  /** 周知徹底: the leads publish notices; the counter's people read and confirm them. */
  "notice.read": [...COUNTER_STAFF, "system"],
  "notice.publish": [...COUNTER_LEADS, "system"],
  /** 業務改善提案: the contractor's team drafts, the manager submits, the city decides. */
  "proposal.read": [...COUNTER_STAFF, "city", "contractor_admin", "system"],
  "proposal.draft": [...COUNTER_STAFF, "contractor_admin", "system"],
  "proposal.submit": ["manager", "system"],
  "proposal.decide": ["city", "system"],
  /** 提案事項 (仕様 14): the leads keep the register and its evidence; the city reads and reviews it. */
  "commitment.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin", "system"],
  "commitment.write": [...COUNTER_LEADS, "system"],
  "commitment.review": ["city", "system"],
  /** 再委託 (仕様 14): the contractor asks, the city consents in writing; both keep the record. */
  "subcontract.read": [...COUNTER_LEADS, "city", "contractor_admin", "admin", "system"],
  "subcontract.request": ["manager", "contractor_admin", "system"],
  "subcontract.decide": ["city", "system"],
  /** 情報公開 (仕様 14): the city discloses; the record of what went to whom is read by the city and the manager. */
  "disclosure.make": ["city", "system"],
  "disclosure.read": ["city", "manager", "admin", "system"],
  /** 業務引継書 (仕様 10): the package for the next contractor; imported into a new tenant by the system. */
  "handover.export": [...COUNTER_LEADS, "city", "admin", "system"],
  "handover.import": ["admin", "system"],
} as const satisfies Record<string, readonly ActorRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The permission needed to hand out (create, reset, unlock) an account of a role. */
export function assignPermission(role: string): Permission {
  if (role === "admin" || role === "contractor_admin") return "role.assign_admin";
  if (role === "city") return "role.assign_city";
  return "role.assign_contractor";
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

/** Roles that may act in more than their home tenant, through tenant grants. */
export const MULTI_TENANT_ROLES: ReadonlySet<Role> = new Set(["contractor_admin"]);
