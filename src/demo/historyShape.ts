/** The shape of the demo's past: its season, the staff's true pace, and what a finished visit's checklist says. */
export const SEASON: Record<string, number> = {
  "02": 0.95,
  "03": 1.25,
  "04": 1.1,
  "05": 0.9,
  "06": 0.95,
  "07": 1.0,
};
/** What the staff really take, in median minutes (the catalogue's standards are guesses). */
export const TRUE_MEDIAN: Record<string, number> = {
  handover: 13,
  ecert: 9,
  pin_reset: 8,
  insurance_fund: 16,
  application: 18,
  express: 13,
};
export const ALL_STEPS_DONE = {
  insurance_fund: { identity: "done", insurance: "done", public_fund: "done", explain: "done" },
};
/** Share of card handovers that bring a PIN reset along (one ticket, two procedures). */
export const PIN_RESET_WITH_HANDOVER = 0.1;
