import type { Metadata } from "next";
import { connection } from "next/server";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Personalize", template: "%s · Personalize" },
  description: "Personalization and experimentation for marketers",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // every page renders per request: its scripts carry that response's CSP nonce (proxy.ts), which a page
  // prerendered at build time could not
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
