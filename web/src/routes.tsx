import {
  createRootRoute,
  createRoute,
  createRouter,
  Navigate,
  Outlet,
  useRouterState,
} from "@tanstack/react-router";
import { type ComponentType, lazy, Suspense } from "react";
import { z } from "zod";
import { isoMonth } from "../../src/platform/inputs.ts";
import { useT } from "./i18n.ts";
import { LangProvider, useLangControls } from "./lang.tsx";
import { FULL_SCREEN, NAV, navFor } from "./nav.ts";
import { Login } from "./pages/Login.tsx";
import { Shell } from "./Shell.tsx";
import { refreshMe, useMe, useMeQuery } from "./session.tsx";

/**
 * Each page is its own chunk, loaded when first shown: a citizen opening the status page from a
 * ticket's QR code does not download the staff screens.
 */
function page_<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const Account = page_(() => import("./pages/Account.tsx"), "Account");
const Audit = page_(() => import("./pages/Audit.tsx"), "Audit");
const Board = page_(() => import("./pages/Board.tsx"), "Board");
const Book = page_(() => import("./pages/book/Book.tsx"), "Book");
const ManageReservation = page_(
  () => import("./pages/book/ManageReservation.tsx"),
  "ManageReservation",
);
const Cards = page_(() => import("./pages/cards/Cards.tsx"), "Cards");
const Proposals = page_(() => import("./pages/operations/Proposals.tsx"), "Proposals");
const Notices = page_(() => import("./pages/operations/Notices.tsx"), "Notices");
const Contract = page_(() => import("./pages/contract/Contract.tsx"), "Contract");
const Manual = page_(() => import("./pages/manual/Manual.tsx"), "Manual");
const Equipment = page_(() => import("./pages/operations/Equipment.tsx"), "Equipment");
const Incidents = page_(() => import("./pages/operations/Incidents.tsx"), "Incidents");
const Continuity = page_(() => import("./pages/operations/Continuity.tsx"), "Continuity");
const Calendar = page_(() => import("./pages/Calendar.tsx"), "Calendar");
const Congestion = page_(() => import("./pages/Congestion.tsx"), "Congestion");
const Counter = page_(() => import("./pages/Counter.tsx"), "Counter");
const Home = page_(() => import("./pages/Home.tsx"), "Home");
const Kiosk = page_(() => import("./pages/Kiosk.tsx"), "Kiosk");
const Phone = page_(() => import("./pages/Phone.tsx"), "Phone");
const Reservations = page_(() => import("./pages/Reservations.tsx"), "Reservations");
const MyRecord = page_(() => import("./pages/roster/MyRecord.tsx"), "MyRecord");
const Dashboard = page_(() => import("./pages/dashboard/Dashboard.tsx"), "Dashboard");
const Payments = page_(() => import("./pages/payments/Payments.tsx"), "Payments");
const Reports = page_(() => import("./pages/reports/Reports.tsx"), "Reports");
const Roster = page_(() => import("./pages/roster/Roster.tsx"), "Roster");
const QueueSettings = page_(() => import("./pages/settings/QueueSettings.tsx"), "QueueSettings");
const Staffing = page_(() => import("./pages/staffing/Staffing.tsx"), "Staffing");
const Status = page_(() => import("./pages/status/Status.tsx"), "Status");
const Users = page_(() => import("./pages/Users.tsx"), "Users");

/**
 * The app's paths and their search parameters, typed (TanStack Router): a link to a path that
 * does not exist, or a search parameter of the wrong shape, fails the type check.
 */
const root = createRootRoute({
  component: () => (
    <LangProvider>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </LangProvider>
  ),
  notFoundComponent: NotFound,
});

// ---- public pages: no sign-in ----
const status = createRoute({
  getParentRoute: () => root,
  path: "/status/$tenant/$token",
  component: function StatusRoute() {
    const { tenant, token } = status.useParams();
    return <Status tenant={tenant} token={token} onToggleLang={useLangControls().toggle} />;
  },
});
const book = createRoute({
  getParentRoute: () => root,
  path: "/book/$tenant",
  component: function BookRoute() {
    return <Book tenant={book.useParams().tenant} onToggleLang={useLangControls().toggle} />;
  },
});
const manage = createRoute({
  getParentRoute: () => root,
  path: "/reservations/$tenant/$token",
  component: function ManageRoute() {
    const { tenant, token } = manage.useParams();
    return (
      <ManageReservation tenant={tenant} token={token} onToggleLang={useLangControls().toggle} />
    );
  },
});
const congestion = createRoute({
  getParentRoute: () => root,
  path: "/congestion/$tenant",
  validateSearch: z.object({ embed: z.unknown().optional() }),
  component: function CongestionRoute() {
    const embed = congestion.useSearch().embed !== undefined;
    return (
      <Congestion
        tenant={congestion.useParams().tenant}
        embed={embed}
        onToggleLang={useLangControls().toggle}
      />
    );
  },
});

// ---- the signed-in area: sign-in, the shell, and each page behind its permission ----
const staff = createRoute({ getParentRoute: () => root, id: "staff", component: StaffArea });

function StaffArea() {
  const t = useT();
  const { toggle } = useLangControls();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const me = useMeQuery();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Login onSignedIn={refreshMe} onToggleLang={toggle} />;
  const current = me.data;
  // Devices go straight to their screen after signing in.
  if (current.device && path === "/")
    return <Navigate to={current.user.role === "kiosk" ? "/kiosk" : "/board"} />;
  if (current.restriction === "totp_enrollment")
    return (
      <Shell me={current} onToggleLang={toggle}>
        <Account me={current} onChanged={refreshMe} />
      </Shell>
    );
  if (path === "/login") return <Navigate to="/" />;
  const allowed = navFor(current).some((n) => n.path === path);
  if (allowed && FULL_SCREEN.has(path)) return <Outlet />;
  return (
    <Shell key={current.tenant.tenantId} me={current} onToggleLang={toggle}>
      {allowed ? (
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      ) : (
        <p role="alert" className="notice">
          {NAV.some((n) => n.path === path) ? t("noAccessHere") : t("notFound")}
        </p>
      )}
    </Shell>
  );
}

function Loading() {
  const t = useT();
  return <p className="loading">{t("loading")}</p>;
}

function NotFound() {
  const t = useT();
  return (
    <p role="alert" className="notice">
      {t("notFound")}
    </p>
  );
}

const page = <P extends string>(path: P, Component: ComponentType) =>
  createRoute({ getParentRoute: () => staff, path, component: () => <Component /> });

const home = page("/", function HomeRoute() {
  return <Home me={useMe()} />;
});
const counter = page("/counter", function CounterRoute() {
  return <Counter me={useMe()} />;
});
const phone = page("/phone", Phone);
const reservations = page("/reservations", function ReservationsRoute() {
  return <Reservations tenant={useMe().tenant.tenantId} />;
});
const queueSettings = page("/queue-settings", QueueSettings);
const cards = page("/cards", function CardsRoute() {
  return <Cards me={useMe()} />;
});
const proposals = page("/proposals", function ProposalsRoute() {
  return <Proposals me={useMe()} />;
});
const notices = page("/notices", function NoticesRoute() {
  return <Notices me={useMe()} />;
});
const contract = page("/contract", function ContractRoute() {
  return <Contract me={useMe()} />;
});
const manual = page("/manual", function ManualRoute() {
  return <Manual me={useMe()} />;
});
const equipment = page("/equipment", function EquipmentRoute() {
  return <Equipment me={useMe()} />;
});
const incidents = page("/incidents", function IncidentsRoute() {
  return <Incidents me={useMe()} />;
});
const continuity = page("/continuity", function ContinuityRoute() {
  return <Continuity me={useMe()} />;
});
const users = page("/users", Users);
const roster = page("/roster", function RosterRoute() {
  return <Roster me={useMe()} />;
});
const myRecord = page("/my-record", MyRecord);
const audit = page("/audit", Audit);
const staffing = page("/staffing", Staffing);
const dashboard = page("/dashboard", Dashboard);
const payments = page("/payments", function PaymentsRoute() {
  return <Payments me={useMe()} />;
});
const reports = createRoute({
  getParentRoute: () => staff,
  path: "/reports",
  validateSearch: z.object({
    kind: z.enum(["monthly", "daily", "investigations"]).optional().catch(undefined),
    period: z.string().max(10).optional().catch(undefined),
  }),
  component: function ReportsRoute() {
    const search = reports.useSearch();
    return <Reports me={useMe()} kind={search.kind ?? "monthly"} period={search.period} />;
  },
});
const account = page("/account", function AccountRoute() {
  return <Account me={useMe()} onChanged={refreshMe} />;
});
const calendar = createRoute({
  getParentRoute: () => staff,
  path: "/calendar",
  validateSearch: z.object({ month: isoMonth.optional().catch(undefined) }),
  component: function CalendarRoute() {
    return <Calendar me={useMe()} month={calendar.useSearch().month} />;
  },
});
const kiosk = createRoute({
  getParentRoute: () => staff,
  path: "/kiosk",
  // Seconds untouched before the kiosk starts over for the next person.
  validateSearch: z.object({
    idle: z.coerce.number().int().min(5).max(3600).optional().catch(undefined),
  }),
  component: function KioskRoute() {
    const { toggle, reset } = useLangControls();
    return (
      <Kiosk
        office={useMe().tenant}
        idleSeconds={kiosk.useSearch().idle ?? 60}
        onToggleLang={toggle}
        onResetLang={reset}
      />
    );
  },
});
const board = createRoute({
  getParentRoute: () => staff,
  path: "/board",
  // `?voice=ja`: announcements in Japanese only.
  validateSearch: z.object({ voice: z.enum(["ja", "both"]).optional().catch(undefined) }),
  component: function BoardRoute() {
    return <Board english={board.useSearch().voice !== "ja"} />;
  },
});
/** The sign-in address (`/login?tenant=…` on a device's bookmark): home once signed in. */
const login = createRoute({
  getParentRoute: () => staff,
  path: "/login",
  component: () => <Navigate to="/" />,
});

const routeTree = root.addChildren([
  status,
  book,
  manage,
  congestion,
  staff.addChildren([
    login,
    home,
    counter,
    phone,
    reservations,
    queueSettings,
    cards,
    notices,
    proposals,
    contract,
    manual,
    equipment,
    incidents,
    continuity,
    users,
    roster,
    myRecord,
    audit,
    staffing,
    dashboard,
    reports,
    payments,
    account,
    calendar,
    kiosk,
    board,
  ]),
]);

export const router = createRouter({ routeTree });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
