/**
 * 備品 (仕様 7): kinds of equipment and the life of an item, as pure rules.
 *   in_service ─fault→ faulty ─repair→ under_repair ─return→ in_service
 *   faulty ─return→ in_service (fixed on the spot); any ─withdraw→ withdrawn
 */
export const EQUIPMENT_KINDS = [
  "integrated_terminal",
  "resident_record_terminal",
  "vein_reader",
  "card_reader",
  "face_camera",
  "multifunction_printer",
  "phone",
  "furniture",
  "other",
] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const EQUIPMENT_STATES = ["in_service", "faulty", "under_repair", "withdrawn"] as const;
export type EquipmentState = (typeof EQUIPMENT_STATES)[number];

export const EQUIPMENT_STEPS = ["fault", "repair", "return", "withdraw"] as const;
export type EquipmentStep = (typeof EQUIPMENT_STEPS)[number];

const FROM: Record<EquipmentStep, readonly EquipmentState[]> = {
  fault: ["in_service"],
  repair: ["faulty"],
  return: ["faulty", "under_repair"],
  withdraw: ["in_service", "faulty", "under_repair"],
};
const TO: Record<EquipmentStep, EquipmentState> = {
  fault: "faulty",
  repair: "under_repair",
  return: "in_service",
  withdraw: "withdrawn",
};

/** The state an item moves to, or null when the step does not apply to its state. */
export function nextEquipmentState(
  state: EquipmentState,
  step: EquipmentStep,
): EquipmentState | null {
  return FROM[step].includes(state) ? TO[step] : null;
}

/** The queue's terminals: the two kinds a counter session sits at. */
export const TERMINAL_KINDS: Record<string, "integrated" | "resident_record"> = {
  integrated_terminal: "integrated",
  resident_record_terminal: "resident_record",
};

export const EQUIPMENT_KIND_LABELS: Record<EquipmentKind, { ja: string; en: string }> = {
  integrated_terminal: { ja: "統合端末", en: "Integrated terminal" },
  resident_record_terminal: { ja: "住民記録システム用端末", en: "Resident-record terminal" },
  vein_reader: { ja: "静脈認証装置", en: "Vein reader" },
  card_reader: { ja: "カードリーダー", en: "Card reader" },
  face_camera: { ja: "顔認証カメラ", en: "Face-recognition camera" },
  multifunction_printer: { ja: "複合機", en: "Multifunction printer" },
  phone: { ja: "電話機", en: "Phone" },
  furniture: { ja: "什器", en: "Furniture" },
  other: { ja: "その他", en: "Other" },
};

export const EQUIPMENT_STATE_LABELS: Record<EquipmentState, { ja: string; en: string }> = {
  in_service: { ja: "使用中", en: "In service" },
  faulty: { ja: "故障", en: "Faulty" },
  under_repair: { ja: "修理中", en: "Under repair" },
  withdrawn: { ja: "廃止", en: "Withdrawn" },
};

interface Seed {
  itemId: string;
  kind: EquipmentKind;
  nameJa: string;
  owner: "city" | "contractor";
  counterId?: string;
  location?: string;
}

/** 仕様 7: what the city lends a new counter (terminals keep the queue's ids T1…T5, R1). */
export const CITY_EQUIPMENT: Seed[] = [
  ...[1, 2, 3, 4, 5].flatMap((n): Seed[] => [
    {
      itemId: `T${n}`,
      kind: "integrated_terminal",
      nameJa: `統合端末${n}`,
      owner: "city",
      counterId: String(n),
    },
    {
      itemId: `V${n}`,
      kind: "vein_reader",
      nameJa: `静脈認証装置${n}`,
      owner: "city",
      counterId: String(n),
    },
    {
      itemId: `CR${n}`,
      kind: "card_reader",
      nameJa: `カードリーダー${n}`,
      owner: "city",
      counterId: String(n),
    },
    {
      itemId: `FC${n}`,
      kind: "face_camera",
      nameJa: `顔認証カメラ${n}`,
      owner: "city",
      counterId: String(n),
    },
  ]),
  {
    itemId: "R1",
    kind: "resident_record_terminal",
    nameJa: "住民記録システム用端末",
    owner: "city",
    location: "バックヤード",
  },
  {
    itemId: "MFP1",
    kind: "multifunction_printer",
    nameJa: "複合機",
    owner: "city",
    location: "バックヤード",
  },
  { itemId: "PH1", kind: "phone", nameJa: "電話機1", owner: "city", location: "電話コーナー" },
  { itemId: "PH2", kind: "phone", nameJa: "電話機2", owner: "city", location: "電話コーナー" },
];
