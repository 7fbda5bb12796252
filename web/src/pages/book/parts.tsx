import type { z } from "zod";
import type {
  bookableProcedureSchema,
  slotSchema,
  visitSchema,
} from "../../../../src/reservations/contract.ts";
import { useLang, useT } from "../../i18n.ts";
import { useGet } from "../../server.tsx";

export type BookableProcedure = z.infer<typeof bookableProcedureSchema>;
export type Slot = z.infer<typeof slotSchema>;
export type Visit = z.infer<typeof visitSchema>;

export const timeOf = (iso: string) => iso.slice(11, 16);
export const dayLabel = (date: string, lang: "ja" | "en") =>
  new Date(`${date}T00:00:00+09:00`).toLocaleDateString(lang === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    month: "long",
    day: "numeric",
    weekday: "short",
  });

/** The public reads of the booking pages, cached per tenant. */
export function useBookable(tenant: string) {
  return useGet<BookableProcedure[]>(
    ["public", tenant, "procedures"],
    `/api/v1/public/${tenant}/procedures`,
    { staleTime: 300_000 },
  );
}
export function useVisit(tenant: string) {
  return useGet<Visit>(["public", tenant, "visit"], `/api/v1/public/${tenant}/visit`, {
    staleTime: 300_000,
  });
}
/** The slots of a procedure from the server's today as far as booking is open. */
export function useSlots(tenant: string, procedure: string | null) {
  return useGet<Slot[]>(
    ["public", tenant, "slots", procedure],
    procedure ? `/api/v1/public/${tenant}/slots?procedure=${procedure}` : null,
  );
}

/** Where the person is in the four steps, shown above each step and read by screen readers. */
export function Steps({ current, labels }: { current: number; labels: string[] }) {
  return (
    <ol className="steps">
      {labels.map((label, i) => (
        <li
          key={label}
          className={i < current ? "done" : i === current ? "current" : undefined}
          aria-current={i === current ? "step" : undefined}
        >
          <span className="step-number">{i + 1}</span> {label}
        </li>
      ))}
    </ol>
  );
}

/**
 * 来庁案内: where to come (office and place, with a map link) and what to bring, as the manager
 * set them. Shown when booking, on the confirmation and on the manage page.
 */
export function VisitFacts({
  visit,
  procedure,
}: {
  visit: Visit | undefined;
  procedure: BookableProcedure | undefined;
}) {
  const lang = useLang();
  const t = useT();
  const bring = procedure ? (lang === "ja" ? procedure.bringJa : procedure.bringEn) : "";
  if (!visit && !bring) return null;
  const place = visit && (lang === "ja" ? visit.placeJa : visit.placeEn);
  return (
    <dl className="facts visit-facts">
      {visit && (
        <>
          <dt>{t("parts.place")}</dt>
          <dd>
            {place || (lang === "ja" ? visit.officeJa : visit.officeEn)}
            {visit.mapUrl && (
              <>
                <br />
                <a href={visit.mapUrl} target="_blank" rel="noopener noreferrer">
                  {t("parts.openTheMap")}
                  <span className="visually-hidden">{t("parts.newTab")}</span>
                </a>
              </>
            )}
          </dd>
        </>
      )}
      {bring && (
        <>
          <dt>{t("parts.pleaseBring")}</dt>
          <dd className="bring">{bring}</dd>
        </>
      )}
    </dl>
  );
}
