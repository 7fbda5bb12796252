import { createContext, useContext } from "react";

export type Lang = "ja" | "en";

/** UI strings, Japanese first. A key missing in English falls back to Japanese. */
const STRINGS = {
  appName: { ja: "マイナンバーカード窓口", en: "My Number Card counter" },
  signIn: { ja: "サインイン", en: "Sign in" },
  signOut: { ja: "サインアウト", en: "Sign out" },
  tenant: { ja: "自治体コード", en: "Tenant" },
  username: { ja: "利用者名", en: "Username" },
  password: { ja: "パスワード", en: "Password" },
  totpCode: { ja: "確認コード（6桁）", en: "Verification code (6 digits)" },
  totpPrompt: {
    ja: "認証アプリに表示されている6桁のコードを入力してください。",
    en: "Enter the 6-digit code shown in your authenticator app.",
  },
  next: { ja: "次へ", en: "Next" },
  back: { ja: "戻る", en: "Back" },
  home: { ja: "ホーム", en: "Home" },
  users: { ja: "利用者管理", en: "Users" },
  calendar: { ja: "業務カレンダー", en: "Business calendar" },
  counter: { ja: "窓口業務", en: "Counter" },
  kiosk: { ja: "発券機", en: "Ticket kiosk" },
  phone: { ja: "電話対応", en: "Phone" },
  reservations: { ja: "予約一覧", en: "Reservations" },
  queueSettings: { ja: "窓口の設定", en: "Counter settings" },
  board: { ja: "呼出表示盤", en: "Display board" },
  prevMonth: { ja: "前の月", en: "Previous month" },
  nextMonth: { ja: "次の月", en: "Next month" },
  counterHours: { ja: "窓口", en: "Counter" },
  phoneHours: { ja: "電話", en: "Phone" },
  designate: { ja: "休日開庁に指定", en: "Designate weekend opening" },
  undesignate: { ja: "休日開庁の指定を取消", en: "Withdraw weekend opening" },
  designateHint: {
    ja: "土曜日・日曜日をクリックすると休日開庁日の指定・取消ができます。",
    en: "Click a Saturday or Sunday to designate or withdraw a weekend opening.",
  },
  requestChange: { ja: "業務日時の変更を申請", en: "Request a change to a day" },
  changeRequests: { ja: "変更申請", en: "Change requests" },
  date: { ja: "日付", en: "Date" },
  kind: { ja: "種別", en: "Kind" },
  opensAt: { ja: "開始", en: "From" },
  closesAt: { ja: "終了", en: "To" },
  reason: { ja: "理由", en: "Reason" },
  submitRequest: { ja: "申請する", en: "Submit request" },
  approve: { ja: "承認", en: "Approve" },
  reject: { ja: "却下", en: "Reject" },
  withdraw: { ja: "取下げ", en: "Withdraw" },
  requestedBy: { ja: "申請者", en: "Requested by" },
  decidedBy: { ja: "決定者", en: "Decided by" },
  noRequests: { ja: "この期間の申請はありません。", en: "No requests in this period." },
  requestSent: {
    ja: "申請しました。市の承認後にカレンダーへ反映されます。",
    en: "Requested. The calendar changes once the city approves.",
  },
  legend: { ja: "凡例", en: "Legend" },
  audit: { ja: "監査ログ", en: "Audit trail" },
  roster: { ja: "従事者名簿・研修", en: "Roster and training" },
  myRecord: { ja: "自分の従事者情報", en: "My roster record" },
  rosterAccountsHint: {
    ja: "本業務従事者・業務副管理者・業務管理者のアカウントは「従事者名簿」の各人から作成します。",
    en: "Accounts for staff, deputies and managers are created from each person on the roster.",
  },
  account: { ja: "アカウント設定", en: "Account" },
  language: { ja: "English", en: "日本語" },
  languageLabel: {
    ja: "表示言語を英語に切り替える",
    en: "Switch the display language to Japanese",
  },
  actingTenant: { ja: "対象の自治体", en: "Acting for" },
  mainNav: { ja: "メインメニュー", en: "Main menu" },
  loading: { ja: "読み込み中…", en: "Loading…" },
  contract: { ja: "契約期間", en: "Contract term" },
  serviceStart: { ja: "窓口業務開始日", en: "Counter service start" },
  reference: { ja: "参考数値（仕様書 8(5)）", en: "Reference figures (spec §8(5))" },
  population: { ja: "人口", en: "Population" },
  households: { ja: "世帯数", en: "Households" },
  cardholders: { ja: "カード保有枚数", en: "Cards held" },
  monthlyVolumes: { ja: "想定受付件数（月）", en: "Expected monthly volumes" },
  procedure: { ja: "手続", en: "Procedure" },
  count: { ja: "件数", en: "Count" },
  role: { ja: "役割", en: "Role" },
  displayName: { ja: "氏名", en: "Name" },
  status: { ja: "状態", en: "Status" },
  locked: { ja: "ロック中", en: "Locked" },
  active: { ja: "有効", en: "Active" },
  unlock: { ja: "ロック解除", en: "Unlock" },
  resetTotp: { ja: "二要素認証を解除", en: "Reset two-factor" },
  resetTotpConfirm: {
    ja: "{name} さんの二要素認証を解除します。本人は次回サインイン時に通知され、必要な役割では再設定を求められます。よろしいですか？",
    en: "Reset two-factor authentication for {name}? They are told at their next sign-in and, where their role requires it, must enrol again.",
  },
  createUser: { ja: "利用者を追加", en: "Add user" },
  create: { ja: "追加", en: "Add" },
  created: { ja: "追加しました。", en: "Added." },
  time: { ja: "日時", en: "Time" },
  actor: { ja: "操作者", en: "Actor" },
  action: { ja: "操作", en: "Action" },
  entity: { ja: "対象", en: "Entity" },
  clientIp: { ja: "接続元", en: "Client" },
  verifyChain: { ja: "改ざん検査", en: "Verify chain" },
  chainOk: { ja: "監査ログは改ざんされていません", en: "The audit trail is intact" },
  chainBroken: {
    ja: "監査ログの改ざんを検出しました",
    en: "Tampering detected in the audit trail",
  },
  events: { ja: "件", en: "events" },
  older: { ja: "さらに古いログ", en: "Older events" },
  twoFactor: { ja: "二要素認証", en: "Two-factor authentication" },
  twoFactorRequired: {
    ja: "この役割では二要素認証の設定が必要です。認証アプリでQRコードを読み取り、表示されたコードを入力してください。",
    en: "Your role requires two-factor authentication. Scan the QR code with an authenticator app and enter the code it shows.",
  },
  twoFactorOn: { ja: "二要素認証は有効です。", en: "Two-factor authentication is on." },
  twoFactorSetup: { ja: "二要素認証を設定する", en: "Set up two-factor authentication" },
  secretKey: { ja: "手入力用キー", en: "Key for manual entry" },
  twoFactorReenrol: { ja: "認証アプリを変更する", en: "Move to another authenticator app" },
  twoFactorRemove: { ja: "二要素認証を解除する", en: "Switch two-factor authentication off" },
  proveIdentity: {
    ja: "本人確認のため、現在のパスワードを入力してください。",
    en: "To confirm it is you, enter your current password.",
  },
  proveIdentityWithCode: {
    ja: "本人確認のため、現在のパスワードと認証アプリの確認コードを入力してください。",
    en: "To confirm it is you, enter your current password and a code from your authenticator app.",
  },
  totpResetNotice: {
    ja: "管理者（{by}）が {at} に二要素認証を解除しました。心当たりがない場合は管理者に連絡してください。",
    en: "An administrator ({by}) switched your two-factor authentication off at {at}. If you did not ask for this, tell your administrator.",
  },
  cancel: { ja: "キャンセル", en: "Cancel" },
  confirm: { ja: "確定", en: "Confirm" },
  changePassword: { ja: "パスワード変更", en: "Change password" },
  currentPassword: { ja: "現在のパスワード", en: "Current password" },
  newPassword: { ja: "新しいパスワード（10文字以上）", en: "New password (10+ characters)" },
  saved: { ja: "保存しました。", en: "Saved." },
  deviceHome: {
    ja: "この端末は機器用アカウントでサインインしています。",
    en: "This device is signed in with a device account.",
  },
  welcome: { ja: "ようこそ", en: "Welcome" },
  deadLetters: { ja: "送信できなかった通知", en: "Notices that could not be sent" },
  deadLettersHelp: {
    ja: "メールサーバーが受け付けなかった通知です。原因を確認してから再送してください。",
    en: "The mail server did not accept these notices. Check the cause, then send them again.",
  },
  resend: { ja: "再送する", en: "Send again" },
  noAccessHere: { ja: "このページを表示する権限がありません。", en: "You may not view this page." },
  notFound: { ja: "ページが見つかりません。", en: "Page not found." },
  errorGeneric: { ja: "エラーが発生しました。", en: "Something went wrong." },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>("ja");

export function useT() {
  const lang = useContext(LangContext);
  return (key: StringKey) => STRINGS[key][lang];
}

export function useLang() {
  return useContext(LangContext);
}
