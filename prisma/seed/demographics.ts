// Who the demo store's visitors are: names, where they live, how old they are.

export type Country = { code: string; weight: number; locale: string; cities: string[] };

export const COUNTRIES: Country[] = [
  {
    code: "US",
    weight: 34,
    locale: "en-US",
    cities: ["New York", "Los Angeles", "Chicago", "Austin", "Seattle", "Miami", "Denver"],
  },
  { code: "GB", weight: 12, locale: "en-GB", cities: ["London", "Manchester", "Bristol", "Edinburgh", "Leeds"] },
  { code: "DE", weight: 10, locale: "de-DE", cities: ["Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt"] },
  { code: "FR", weight: 8, locale: "fr-FR", cities: ["Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux"] },
  { code: "CA", weight: 8, locale: "en-CA", cities: ["Toronto", "Vancouver", "Montreal", "Calgary"] },
  { code: "AU", weight: 6, locale: "en-AU", cities: ["Sydney", "Melbourne", "Brisbane", "Perth"] },
  { code: "ES", weight: 5, locale: "es-ES", cities: ["Madrid", "Barcelona", "Valencia", "Seville"] },
  { code: "IT", weight: 5, locale: "it-IT", cities: ["Milan", "Rome", "Turin", "Bologna"] },
  { code: "NL", weight: 4, locale: "nl-NL", cities: ["Amsterdam", "Rotterdam", "Utrecht"] },
  { code: "JP", weight: 4, locale: "ja-JP", cities: ["Tokyo", "Osaka", "Yokohama", "Fukuoka"] },
  { code: "SE", weight: 4, locale: "sv-SE", cities: ["Stockholm", "Gothenburg", "Malmö"] },
];
export const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);

export const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Amelia",
  "Oliver",
  "Sophia",
  "Elijah",
  "Mia",
  "Lucas",
  "Charlotte",
  "Mateo",
  "Isabella",
  "Leon",
  "Hannah",
  "Felix",
  "Chloé",
  "Hugo",
  "Lucía",
  "Marco",
  "Giulia",
  "Sven",
  "Astrid",
  "Yuki",
  "Haruto",
  "Sakura",
  "Aiden",
  "Priya",
  "Arjun",
  "Fatima",
  "Omar",
  "Zoe",
  "Ethan",
  "Nora",
  "Daniel",
  "Grace",
  "Jonas",
  "Lea",
  "Tom",
  "Emily",
  "Maya",
  "Samuel",
  "Ava",
  "Leo",
  "Ines",
  "Pablo",
  "Freya",
  "Oscar",
];

export const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Garcia",
  "Miller",
  "Davis",
  "Martinez",
  "Taylor",
  "Wilson",
  "Anderson",
  "Thomas",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Dubois",
  "Lefebvre",
  "Moreau",
  "Rossi",
  "Bianchi",
  "Romano",
  "López",
  "Fernández",
  "Sánchez",
  "de Vries",
  "Jansen",
  "Andersson",
  "Johansson",
  "Sato",
  "Suzuki",
  "Takahashi",
  "Nguyen",
  "Patel",
  "Khan",
  "Kim",
  "Walker",
  "Clarke",
  "Evans",
];

export const AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"];
export const AGE_BAND_WEIGHTS = [16, 31, 24, 15, 9, 5];

/** ASCII local part for an email: "Chloé de Vries" → "chloe.devries". */
export function emailLocalPart(first: string, last: string): string {
  const clean = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase();
  return `${clean(first)}.${clean(last)}`;
}

/** Addresses stay on reserved domains (RFC 2606), so no real mailbox is ever named. */
export const EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example"];
