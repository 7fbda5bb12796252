import { useCallback, useEffect, useState } from "react";
import { api, type Me, setCsrfToken } from "./api.ts";
import { type Lang, LangContext, useT } from "./i18n.ts";
import { navFor } from "./nav.ts";
import { Account } from "./pages/Account.tsx";
import { Audit } from "./pages/Audit.tsx";
import { Calendar } from "./pages/Calendar.tsx";
import { Home } from "./pages/Home.tsx";
import { Login } from "./pages/Login.tsx";
import { Users } from "./pages/Users.tsx";
import { navigate, usePath } from "./router.ts";
import { Shell } from "./Shell.tsx";

function initialLang(): Lang {
  const saved = localStorage.getItem("madoguchi.lang");
  return saved === "en" ? "en" : "ja";
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = usePath();

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem("madoguchi.lang", lang);
  }, [lang]);

  const refresh = useCallback(async () => {
    try {
      const current = await api<Me>("GET", "/api/v1/auth/me");
      setCsrfToken(current.csrfToken);
      setMe(current);
    } catch {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const toggleLang = () => setLang(lang === "ja" ? "en" : "ja");

  return (
    <LangContext.Provider value={lang}>
      {me === undefined ? (
        <Loading />
      ) : me === null ? (
        <Login onSignedIn={refresh} onToggleLang={toggleLang} />
      ) : (
        <Shell me={me} onChanged={refresh} onToggleLang={toggleLang}>
          <Page key={me.tenant.tenantId} me={me} path={path} onChanged={refresh} />
        </Shell>
      )}
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
  const allowed = navFor(me.permissions);
  const item = allowed.find((n) => n.path === path);
  if (!item) {
    const exists = ["/", "/calendar", "/users", "/audit", "/account"].includes(path);
    if (path === "/login") {
      navigate("/");
      return null;
    }
    return (
      <p role="alert" className="notice">
        {exists ? t("noAccessHere") : t("notFound")}
      </p>
    );
  }
  switch (item.path) {
    case "/calendar":
      return <Calendar me={me} />;
    case "/users":
      return <Users />;
    case "/audit":
      return <Audit />;
    case "/account":
      return <Account me={me} onChanged={onChanged} />;
    default:
      return <Home me={me} />;
  }
}
