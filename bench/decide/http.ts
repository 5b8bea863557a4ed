// autocannon against one server: same connections, same duration for each,
// one after the other.
import autocannon from "autocannon";

export type HttpResult = {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
};

/** autocannon at `connections` for `seconds`; with `rate`, at most that many requests/s overall (for latency below the maximum). */
export async function load(
  url: string,
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    body?: () => string;
    method?: "GET" | "POST";
    rate?: number;
  },
): Promise<HttpResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: Math.round(options.rate) } : {}),
    method: options.method ?? "POST",
    headers: { "content-type": "application/json", ...options.headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: options.body ? options.body() : request.body }) }],
  });
  return {
    route: new URL(url).pathname,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}
