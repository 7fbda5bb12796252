import { createContext, type ReactNode, useCallback, useContext, useEffect } from "react";
import { i18next, useLang } from "./i18n.ts";

interface LangControls {
  toggle: () => void;
  /** Back to Japanese: the kiosk's idle reset, so the next person starts where everyone does. */
  reset: () => void;
}
const ControlsContext = createContext<LangControls>({ toggle: () => {}, reset: () => {} });

/** The display language: remembered on the device and set on <html lang> for screen readers. */
export function LangProvider({ children }: { children: ReactNode }) {
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem("madoguchi.lang", lang);
  }, [lang]);
  const toggle = useCallback(
    () => void i18next.changeLanguage(i18next.language === "en" ? "ja" : "en"),
    [],
  );
  const reset = useCallback(() => void i18next.changeLanguage("ja"), []);
  return <ControlsContext.Provider value={{ toggle, reset }}>{children}</ControlsContext.Provider>;
}

export function useLangControls(): LangControls {
  return useContext(ControlsContext);
}
