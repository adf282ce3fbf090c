import { request as httpRequest } from "node:http";

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send the body chunked, without Content-Length. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One HTTP request with full control of method, headers and framing. */
export function rawRequest(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  const url = new URL(raw.path ?? "/graphql", baseUrl);
  const headers: Record<string, string> = { ...raw.headers };
  if (raw.body !== undefined && !raw.chunked)
    headers["content-length"] = String(Buffer.byteLength(raw.body));
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: raw.method ?? "POST", headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    if (raw.body !== undefined) request.write(raw.body);
    request.end();
  });
}
