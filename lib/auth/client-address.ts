/**
 * The address a request comes from, for the per-address sign-in limit. A
 * client can send any `X-Forwarded-For`, and Next.js keeps one a client sent
 * (it fills the header from the connection only when it is absent), so the
 * header alone proves nothing. The app's server therefore stamps each
 * request with the connection's own peer (PEER_HEADER, set by
 * server/peer-address.ts, overwriting whatever a client sent under that
 * name), and the address is read as a proxy-aware server reads it (Express'
 * `trust proxy` with a hop count): the chain is `X-Forwarded-For`'s entries
 * followed by the peer, and the client is the entry `hops` places before the
 * end, `hops` being the number of proxies in front of the app
 * (TRUSTED_PROXY_HOPS). With no proxy (0) it is the peer; entries further
 * left were written by whoever sent the request and are never believed. Pure.
 */
export const PEER_HEADER = "x-personalize-peer";

/** The client's address, or null when the request carries no stamped peer (a process without the stamp). */
export function clientAddress(header: (name: string) => string | null, hops: number): string | null {
  const peer = header(PEER_HEADER)?.trim();
  if (!peer) return null;
  const forwarded = (header("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const chain = [...forwarded, peer];
  // fewer entries than proxies: the leftmost is as far as the chain goes (a proxy that sent none)
  const address = chain[Math.max(0, chain.length - 1 - hops)]!;
  return address.slice(0, 100);
}
