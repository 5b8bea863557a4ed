// npm run screenshots: signs in to a running app (BASE_URL, default http://localhost:3000)
// as the demo admin and saves PNGs of the main pages to e2e/screenshots/ (the README's picture).
import { chromium } from "@playwright/test";

const baseURL = process.env.BASE_URL ?? "http://localhost:3000";
const pages = (process.argv.slice(2).length ? process.argv.slice(2) : ["overview:/w/demo"]).map(
  (p) => p.split(":") as [string, string],
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
});
const page = await browser.newPage({ baseURL, viewport: { width: 1400, height: 900 } });
await page.goto("/login");
await page.getByLabel("Email").fill(process.env.SCREENSHOT_EMAIL ?? "admin@demo.test");
await page.getByLabel("Password").fill(process.env.SCREENSHOT_PASSWORD ?? "demo-admin-1");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/\/w\//);
for (const [name, path] of pages) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
  console.log(`e2e/screenshots/${name}.png`);
}
await browser.close();
