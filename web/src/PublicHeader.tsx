import { useLang } from "./i18n.ts";

/** The header of the pages citizens open without signing in: a title and the language switch. */
export function PublicHeader({
  title,
  onToggleLang,
  className = "booking-head",
}: {
  title: string;
  onToggleLang: () => void;
  className?: string;
}) {
  const lang = useLang();
  return (
    <header className={className}>
      <h1>{title}</h1>
      <button
        type="button"
        className="ghost"
        lang={lang === "ja" ? "en" : "ja"}
        onClick={onToggleLang}
      >
        {lang === "ja" ? "English" : "日本語"}
      </button>
    </header>
  );
}
