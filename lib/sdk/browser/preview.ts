// A marketer's preview link (?pz_preview=<token>, made on the experiment's page in the dashboard):
// the token is kept for the tab (sessionStorage) so that every page of the visit shows the previewed
// variation; decide sends it, and the API shows that variation and records nothing.
const PARAM = "pz_preview";

let token: string | null | undefined;

/** The preview token of this tab, if a preview link opened it; "off" in the link (?pz_preview=off) ends the preview. */
export function previewToken(): string | null {
  if (token !== undefined) return token;
  token = null;
  try {
    const fromLink = new URLSearchParams(window.location.search).get(PARAM);
    const storage = window.sessionStorage;
    if (fromLink === "off") storage.removeItem(PARAM);
    else if (fromLink && fromLink.length <= 600) storage.setItem(PARAM, fromLink);
    token = storage.getItem(PARAM);
  } catch {
    // storage disabled: the preview lasts for this page only
    const fromLink = new URLSearchParams(window.location.search).get(PARAM);
    token = fromLink && fromLink !== "off" && fromLink.length <= 600 ? fromLink : null;
  }
  return token;
}
