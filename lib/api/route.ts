import type { z } from "zod";
import {
  endpoint,
  jsonTextOf,
  type ApiRequest,
  type Endpoint,
  type EndpointCaller,
  type EndpointContext,
  type EndpointOptions,
} from "./endpoint";
import { readBodyLimited } from "./read-body";

export { answer } from "./endpoint";

/** A Next.js route handler serving an endpoint: the web Request adapted to it, its answer to a Response. */
export function nextRoute(serve: Endpoint): (request: Request) => Promise<Response> {
  return async (request) => {
    const adapted: ApiRequest = {
      method: request.method,
      url: request.url,
      header: (name) => request.headers.get(name),
      text: (maxBytes) => readBodyLimited(request, maxBytes),
    };
    const result = await serve(adapted);
    return result.body === undefined
      ? new Response(null, { status: result.status, headers: result.headers })
      : new Response(jsonTextOf(result.body), {
          status: result.status,
          headers: { "content-type": "application/json", ...result.headers },
        });
  };
}

/**
 * The one wrapper of every public API route of the app (see `endpoint` for
 * what it checks); endpoints that the standalone decision server also serves
 * are defined once with `endpoint` and mounted here with `nextRoute`.
 */
export function apiRoute<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  O extends EndpointOptions<B, Q> = EndpointOptions<B, Q>,
>(
  options: O & EndpointOptions<B, Q>,
  handler: (ctx: EndpointContext<B, Q, EndpointCaller<O>>) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return nextRoute(endpoint<B, Q, O>(options, handler));
}
