const integer = new Intl.NumberFormat("en-US");
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Display formats shared by the dashboard (UTC, so server and client render the same text). */
export const formatInteger = (value: number) => integer.format(value);
export const formatMoney = (value: number) => money.format(value);
export const formatDateTime = (value: Date) => `${dateTime.format(value)} UTC`;
export const formatDate = (value: Date) => date.format(value);
