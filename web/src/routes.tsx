import {
  createRootRoute,
  createRoute,
  createRouter,
  Navigate,
  Outlet,
  useRouterState,
} from "@tanstack/react-router";
import { z } from "zod";
import { isoMonth } from "../../src/platform/inputs.ts";
import { useT } from "./i18n.ts";
import { LangProvider, useLangControls } from "./lang.tsx";
import { FULL_SCREEN, NAV, navFor } from "./nav.ts";
import { Account } from "./pages/Account.tsx";
import { Audit } from "./pages/Audit.tsx";
import { Board } from "./pages/Board.tsx";
import { Book } from "./pages/book/Book.tsx";
import { ManageReservation } from "./pages/book/ManageReservation.tsx";
import { Calendar } from "./pages/Calendar.tsx";
import { Congestion } from "./pages/Congestion.tsx";
import { Counter } from "./pages/Counter.tsx";
import { Home } from "./pages/Home.tsx";
import { Kiosk } from "./pages/Kiosk.tsx";
import { Login } from "./pages/Login.tsx";
import { Phone } from "./pages/Phone.tsx";
import { Reservations } from "./pages/Reservations.tsx";
import { MyRecord } from "./pages/roster/MyRecord.tsx";
import { Roster } from "./pages/roster/Roster.tsx";
import { QueueSettings } from "./pages/settings/QueueSettings.tsx";
import { Status } from "./pages/status/Status.tsx";
import { Users } from "./pages/Users.tsx";
import { Shell } from "./Shell.tsx";
import { refreshMe, useMe, useMeQuery } from "./session.tsx";

/**
 * The app's paths and their search parameters, typed (TanStack Router): a link to a path that
 * does not exist, or a search parameter of the wrong shape, fails the type check.
 */
const root = createRootRoute({
  component: () => (
    <LangProvider>
      <Outlet />
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
  if (me.isPending) return <p className="loading">{t("loading")}</p>;
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
        <Outlet />
      ) : (
        <p role="alert" className="notice">
          {NAV.some((n) => n.path === path) ? t("noAccessHere") : t("notFound")}
        </p>
      )}
    </Shell>
  );
}

function NotFound() {
  const t = useT();
  return (
    <p role="alert" className="notice">
      {t("notFound")}
    </p>
  );
}

const page = <P extends string>(path: P, Component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => staff, path, component: Component });

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
const users = page("/users", Users);
const roster = page("/roster", function RosterRoute() {
  return <Roster me={useMe()} />;
});
const myRecord = page("/my-record", MyRecord);
const audit = page("/audit", Audit);
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
    users,
    roster,
    myRecord,
    audit,
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
