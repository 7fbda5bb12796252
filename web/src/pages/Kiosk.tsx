import { useMutation, useQueryClient } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { api, errorText } from "../api.ts";
import { useLang, useT } from "../i18n.ts";
import { waitText } from "../live.ts";
import { Phrases } from "../Phrases.tsx";
import { keys } from "../queryClient.ts";
import type { TicketOut } from "../queue/types.ts";
import { useCatalogue } from "../server.tsx";

const BACK_TO_START_MS = 30_000;

/**
 * 発券機: large touch targets; choose procedures, print an 80 mm slip with the office, number,
 * people ahead, wait and QR code. Left alone, it starts over in Japanese with nothing chosen, so
 * the next person inherits nothing.
 */
export function Kiosk({
  office,
  idleSeconds,
  onToggleLang,
  onResetLang,
}: {
  office: { nameJa: string; nameEn: string };
  /** Untouched this long, the kiosk starts over for the next person (`?idle=` on the URL). */
  idleSeconds: number;
  onToggleLang: () => void;
  onResetLang: () => void;
}) {
  const lang = useLang();
  const t = useT();
  const client = useQueryClient();
  const catalogue = useCatalogue().data;
  const [chosen, setChosen] = useState<string[]>([]);
  const [priority, setPriority] = useState<string | null>(null);
  const [ticket, setTicket] = useState<(TicketOut & { qr: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** 予約の方: the person types the code from their confirmation instead of choosing. */
  const [checkIn, setCheckIn] = useState<string | null>(null);

  useEffect(() => {
    if (!ticket) return;
    const timer = setTimeout(() => setTicket(null), BACK_TO_START_MS);
    return () => clearTimeout(timer);
  }, [ticket]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const startOver = () => {
      setChosen([]);
      setPriority(null);
      setTicket(null);
      setError(null);
      setCheckIn(null);
      onResetLang();
    };
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(startOver, idleSeconds * 1000);
    };
    touched();
    window.addEventListener("pointerdown", touched);
    window.addEventListener("keydown", touched);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pointerdown", touched);
      window.removeEventListener("keydown", touched);
    };
  }, [onResetLang, idleSeconds]);

  // One tap, one ticket: the buttons wait while a request is out, so a double tap issues once.
  const printing = useMutation({
    mutationFn: async (request: () => Promise<TicketOut>) => {
      const issued = await request();
      return { ...issued, qr: await QRCode.toDataURL(issued.statusUrl, { margin: 1, width: 240 }) };
    },
    onMutate: () => setError(null),
    onSuccess: (issued) => {
      setTicket(issued);
      setChosen([]);
      setPriority(null);
      setCheckIn(null);
    },
    onError: (e) => setError(errorText(e, lang)),
    onSettled: () => client.invalidateQueries({ queryKey: keys.queue }),
  });
  const issue = () =>
    printing.mutate(() =>
      api<TicketOut>("POST", "/api/v1/queue/tickets", {
        procedures: chosen,
        priority: priority !== null,
        ...(priority ? { priorityReason: priority } : {}),
      }),
    );
  const checkInByCode = () =>
    printing.mutate(() =>
      api<TicketOut>("POST", "/api/v1/reservations/check-in-by-code", { code: checkIn ?? "" }),
    );
  const toggle = (code: string) =>
    setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));
  const name = (x: { nameJa: string; nameEn: string }) => (lang === "ja" ? x.nameJa : x.nameEn);

  if (ticket) {
    return (
      <main className="kiosk kiosk-issued" id="main">
        <section className="ticket-slip" aria-live="polite">
          <p className="slip-office">{name(office)}</p>
          <p className="slip-title">{t("kiosk.yourNumber")}</p>
          <p className="slip-number">{ticket.number}</p>
          {ticket.ahead != null && (
            <p className="slip-ahead">{t("kiosk.aheadOfYou", { ahead: ticket.ahead })}</p>
          )}
          <p className="slip-wait">
            {t("kiosk.estimatedWait")}: <strong>{waitText(ticket.estimate, lang)}</strong>
          </p>
          <p className="slip-procedures">
            {ticket.procedures
              .map((code) =>
                name(
                  catalogue?.procedures.find((p) => p.code === code) ?? {
                    nameJa: code,
                    nameEn: code,
                  },
                ),
              )
              .join(" / ")}
          </p>
          <img src={ticket.qr} alt={t("kiosk.qrCodeOfYourStatusPage")} width={160} height={160} />
          <p className="slip-note">{t("kiosk.scanTheQrCodeToFollow")}</p>
          <p className="slip-time">
            {new Date(ticket.issuedAt).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", {
              timeZone: "Asia/Tokyo",
            })}
          </p>
        </section>
        <div className="kiosk-actions no-print">
          <button type="button" className="primary huge" onClick={() => window.print()}>
            {t("kiosk.printTicket")}
          </button>
          <button type="button" className="huge" onClick={() => setTicket(null)}>
            {t("kiosk.backToStart")}
          </button>
        </div>
      </main>
    );
  }

  if (checkIn !== null) {
    return (
      <main className="kiosk" id="main">
        <header className="kiosk-head">
          <h1>{t("kiosk.enterYourBookingCode")}</h1>
        </header>
        <form
          className="kiosk-checkin"
          onSubmit={(e) => {
            e.preventDefault();
            checkInByCode();
          }}
        >
          <label>
            {t("kiosk.theCodeInYourConfirmationE")}
            <input
              value={checkIn}
              onChange={(e) => setCheckIn(e.target.value.toUpperCase())}
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={12}
              required
              // biome-ignore lint/a11y/noAutofocus: the one field of this screen, typed or scanned.
              autoFocus
            />
          </label>
          {error && (
            <p role="alert" className="error big">
              {error}
            </p>
          )}
          <div className="kiosk-actions">
            <button type="submit" className="primary huge" disabled={printing.isPending}>
              {t("kiosk.checkIn")}
            </button>
            <button type="button" className="huge" onClick={() => setCheckIn(null)}>
              {t("kiosk.back")}
            </button>
          </div>
        </form>
      </main>
    );
  }

  const counterProcedures = catalogue?.procedures.filter((p) => p.atCounter && !p.retiredAt) ?? [];
  return (
    <main className="kiosk" id="main">
      <header className="kiosk-head">
        <h1>{t("kiosk.whatAreYouHereFor")}</h1>
        <button
          type="button"
          className="huge"
          onClick={() => {
            setError(null);
            setCheckIn("");
          }}
        >
          {t("kiosk.iHaveABooking")}
        </button>
        <button
          type="button"
          className="huge ghost"
          lang={lang === "ja" ? "en" : "ja"}
          onClick={onToggleLang}
        >
          {lang === "ja" ? "English" : "日本語"}
        </button>
      </header>
      <p className="kiosk-hint">{t("kiosk.youMayChooseMoreThanOne")}</p>
      <div className="kiosk-grid">
        {counterProcedures.map((p) => (
          <button
            type="button"
            key={p.code}
            className={`kiosk-choice${chosen.includes(p.code) ? " chosen" : ""}`}
            aria-pressed={chosen.includes(p.code)}
            onClick={() => toggle(p.code)}
          >
            <span className="choice-mark" aria-hidden="true">
              {chosen.includes(p.code) ? "✓" : ""}
            </span>
            <Phrases>{name(p)}</Phrases>
          </button>
        ))}
      </div>
      <fieldset className="kiosk-priority">
        <legend>{t("kiosk.priorityServiceIfItApplies")}</legend>
        <div className="priority-options">
          {Object.entries(catalogue?.priorityReasons ?? {}).map(([code, label]) => (
            <button
              type="button"
              key={code}
              className={`priority-choice${priority === code ? " chosen" : ""}`}
              aria-pressed={priority === code}
              onClick={() => setPriority(priority === code ? null : code)}
            >
              <Phrases>{label[lang]}</Phrases>
            </button>
          ))}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="error big">
          {error}
        </p>
      )}
      <button
        type="button"
        className="primary huge issue"
        disabled={chosen.length === 0 || printing.isPending}
        onClick={issue}
      >
        {t("kiosk.getATicket")}
      </button>
    </main>
  );
}
