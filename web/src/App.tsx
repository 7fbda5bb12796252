import { useCallback, useEffect, useState } from "react";
import { api, type Me, setCsrfToken, syncServerClock } from "./api.ts";
import { type Lang, LangContext, useT } from "./i18n.ts";
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
import { queryClient } from "./queryClient.ts";
import { navigate, usePath } from "./router.ts";
import { Shell } from "./Shell.tsx";

function initialLang(): Lang {
  const saved = localStorage.getItem("madoguchi.lang");
  return saved === "en" ? "en" : "ja";
}

/** Pages for the public: the status page behind a ticket's QR code, and the congestion page. */
function publicPage(path: string, toggleLang: () => void) {
  const status = path.match(/^\/status\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)$/);
  if (status) return <Status tenant={status[1]!} token={status[2]!} onToggleLang={toggleLang} />;
  const book = path.match(/^\/book\/([a-z0-9-]+)$/);
  if (book) return <Book tenant={book[1]!} onToggleLang={toggleLang} />;
  const manage = path.match(/^\/reservations\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)$/);
  if (manage)
    return <ManageReservation tenant={manage[1]!} token={manage[2]!} onToggleLang={toggleLang} />;
  const congestion = path.match(/^\/congestion\/([a-z0-9-]+)$/);
  if (congestion) return <Congestion tenant={congestion[1]!} onToggleLang={toggleLang} />;
  return null;
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = usePath();
  const toggleLang = () => setLang(lang === "ja" ? "en" : "ja");
  const resetLang = useCallback(() => setLang("ja"), []);
  const open = publicPage(path, toggleLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem("madoguchi.lang", lang);
  }, [lang]);

  const refresh = useCallback(async () => {
    try {
      const current = await api<Me>("GET", "/api/v1/auth/me");
      setCsrfToken(current.csrfToken);
      syncServerClock(current.serverTime);
      setMe(current);
    } catch {
      // Signed out (or the session ended): no cached answer may outlive the person it was for.
      queryClient.clear();
      setMe(null);
    }
  }, []);

  useEffect(() => {
    if (!open) void refresh();
  }, [refresh, open]);

  // Devices go straight to their screen after signing in.
  useEffect(() => {
    if (me && me.device && path === "/") navigate(me.user.role === "kiosk" ? "/kiosk" : "/board");
  }, [me, path]);

  const fullScreen =
    me && !me.restriction && FULL_SCREEN.has(path) && navFor(me).some((n) => n.path === path);
  return (
    <LangContext.Provider value={lang}>
      {open ??
        (me === undefined ? (
          <Loading />
        ) : me === null ? (
          <Login onSignedIn={refresh} onToggleLang={toggleLang} />
        ) : fullScreen ? (
          path === "/kiosk" ? (
            <Kiosk office={me.tenant} onToggleLang={toggleLang} onResetLang={resetLang} />
          ) : (
            <Board />
          )
        ) : (
          <Shell me={me} onChanged={refresh} onToggleLang={toggleLang}>
            <Page key={me.tenant.tenantId} me={me} path={path} onChanged={refresh} />
          </Shell>
        ))}
    </LangContext.Provider>
  );
}

function Loading() {
  const t = useT();
  return <p className="loading">{t("loading")}</p>;
}

function Page({ me, path, onChanged }: { me: Me; path: string; onChanged: () => Promise<void> }) {
  const t = useT();
  if (me.restriction === "totp_enrollment") return <Account me={me} onChanged={onChanged} />;
  const item = navFor(me).find((n) => n.path === path);
  if (!item) {
    if (path === "/login") {
      navigate("/");
      return null;
    }
    return (
      <p role="alert" className="notice">
        {NAV.some((n) => n.path === path) ? t("noAccessHere") : t("notFound")}
      </p>
    );
  }
  switch (item.path) {
    case "/counter":
      return <Counter me={me} />;
    case "/phone":
      return <Phone />;
    case "/reservations":
      return <Reservations tenant={me.tenant.tenantId} />;
    case "/queue-settings":
      return <QueueSettings />;
    case "/calendar":
      return <Calendar me={me} />;
    case "/users":
      return <Users />;
    case "/roster":
      return <Roster me={me} />;
    case "/my-record":
      return <MyRecord />;
    case "/audit":
      return <Audit />;
    case "/account":
      return <Account me={me} onChanged={onChanged} />;
    default:
      return <Home me={me} />;
  }
}
