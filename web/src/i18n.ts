import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { en } from "./catalogue/en.ts";
import { ja } from "./catalogue/ja.ts";

export type Lang = "ja" | "en";
/** A key of the one catalogue (web/src/catalogue): a typo fails the type check. */
export type StringKey = keyof typeof ja;

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof ja };
    keySeparator: false;
    nsSeparator: false;
  }
}

/** The language this device used last; Japanese first. */
export function savedLang(): Lang {
  return typeof localStorage !== "undefined" && localStorage.getItem("madoguchi.lang") === "en"
    ? "en"
    : "ja";
}

/**
 * The one catalogue (i18next): Japanese is the reference, English follows it key for key.
 * Flat keys such as `kiosk.getATicket`; React escapes, so i18next does not.
 */
void i18next.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: savedLang(),
  fallbackLng: "ja",
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
});

export { i18next };

/** The translate function of the current language; the component re-renders when it changes. */
export function useT() {
  return useTranslation().t;
}

export function useLang(): Lang {
  return useTranslation().i18n.language === "en" ? "en" : "ja";
}

/** A label the server defines (`{ ja, en }`, from a contract file) in the reader's language. */
export function useLabel() {
  const lang = useLang();
  return (label: { ja: string; en: string } | undefined, fallback = "") =>
    label ? label[lang] : fallback;
}
