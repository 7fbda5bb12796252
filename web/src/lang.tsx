import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { type Lang, LangContext } from "./i18n.ts";

interface LangControls {
  toggle: () => void;
  /** Back to Japanese: the kiosk's idle reset, so the next person starts where everyone does. */
  reset: () => void;
}
const ControlsContext = createContext<LangControls>({ toggle: () => {}, reset: () => {} });

function initialLang(): Lang {
  return localStorage.getItem("madoguchi.lang") === "en" ? "en" : "ja";
}

/** The display language, Japanese first; remembered on the device and set on <html lang>. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem("madoguchi.lang", lang);
  }, [lang]);
  const toggle = useCallback(() => setLang((l) => (l === "ja" ? "en" : "ja")), []);
  const reset = useCallback(() => setLang("ja"), []);
  return (
    <LangContext.Provider value={lang}>
      <ControlsContext.Provider value={{ toggle, reset }}>{children}</ControlsContext.Provider>
    </LangContext.Provider>
  );
}

export function useLangControls(): LangControls {
  return useContext(ControlsContext);
}
