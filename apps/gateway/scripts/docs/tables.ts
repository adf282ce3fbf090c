/**
 * The reference tables of the docs, rendered from the code they describe:
 * the settings table, the fixed limits, the error catalogue, the refusal
 * reasons, the client's error kinds and the spec's documented upstream
 * errors. `generate-docs.ts` writes them into docs/*.md between
 * `<!-- generated: name -->` and `<!-- end generated -->`; a test fails when a
 * page and its table differ.
 */
import type { IdpError, IdpErrorKind } from "@tokengate/idp-client";
import { LIMITS } from "../../src/config/limits.js";
import { type Mode, SETTINGS, type Setting } from "../../src/config/settings.js";
import { GATEWAY_ERROR_CODES, REFUSAL_REASONS } from "../../src/core/error-codes.js";
import { GATEWAY_OPERATIONS } from "../../src/generated/operations/index.js";
import { idpErrorToGraphQL } from "../../src/graphql/errors.js";

const code = (text: string | number) => `\`${text}\``;
/** A Markdown table; a `|` inside a cell would end it. */
function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) =>
    `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function shownDefault(setting: Setting<unknown>): string {
  if (setting.shownDefault) return setting.shownDefault;
  if (setting.required) return "required";
  const value = setting.default;
  if (value === undefined || value === null) return "unset";
  if (Array.isArray(value)) return value.length === 0 ? "none" : code(value.join(" "));
  return code(String(value));
}

function settingsTable(mode: Mode): string {
  const rows = Object.entries(SETTINGS as Record<string, Setting<unknown>>)
    .filter(([, setting]) => setting.mode === mode)
    .map(([name, setting]) => [
      code(name) + (setting.secret ? " (secret)" : ""),
      shownDefault(setting),
      `${setting.parser.expects}; e.g. ${code(setting.example)}`,
      setting.description + (setting.needs ? ` Needs ${code(setting.needs)}.` : ""),
    ]);
  return table(["setting", "default", "value", "meaning"], rows);
}

function limitsTable(): string {
  return table(
    ["limit", "value", "what it bounds"],
    Object.entries(LIMITS).map(([name, limit]) => [
      code(name),
      code(limit.value),
      limit.description,
    ]),
  );
}

function errorCodesTable(): string {
  return table(
    ["code", "when"],
    Object.entries(GATEWAY_ERROR_CODES).map(([name, when]) => [code(name), when]),
  );
}

function reasonsTable(): string {
  return table(
    ["reason", "code", "when"],
    Object.entries(REFUSAL_REASONS).map(([reason, row]) => [
      code(reason),
      code(row.code),
      row.meaning,
    ]),
  );
}

const answer = { messageCode: null, upstreamMessage: null };
/** One outcome of each kind the client can return; a new kind fails typecheck here until it has one. */
const CLIENT_OUTCOMES: Record<IdpErrorKind, { error: IdpError; shown: string }> = {
  invalid_request: {
    error: { kind: "invalid_request", message: "", issues: [] },
    shown: "the input breaks the contract; nothing was sent",
  },
  unauthorized: {
    error: { kind: "unauthorized", message: "", status: 401, ...answer },
    shown: "401",
  },
  forbidden: { error: { kind: "forbidden", message: "", status: 403, ...answer }, shown: "403" },
  not_found: {
    error: { kind: "not_found", message: "", status: 404, ...answer },
    shown: "404 where an operation documents it",
  },
  unprocessable: {
    error: { kind: "unprocessable", message: "", status: 422, ...answer },
    shown: "422 (`no_customer`: `CUSTOMER_NOT_FOUND`)",
  },
  rate_limited: {
    error: { kind: "rate_limited", message: "", status: 429, retryAfterSeconds: 30, ...answer },
    shown: "429 (the upstream's rate limit; pauses every replica until its `Retry-After`)",
  },
  server_error: {
    error: { kind: "server_error", message: "", status: 503, retryAfter: null, ...answer },
    shown: "5xx",
  },
  unexpected_response: {
    error: {
      kind: "unexpected_response",
      message: "",
      reason: "undocumented_status",
      status: 418,
      ...answer,
    },
    shown: "an undocumented status, a non-JSON or off-contract body, too large, a redirect",
  },
  timeout: {
    error: { kind: "timeout", message: "", timeoutMs: 0 },
    shown: "no complete answer within `IDP_TIMEOUT_MS`",
  },
  aborted: { error: { kind: "aborted", message: "" }, shown: "the call was cancelled (draining)" },
  token_provider: {
    error: { kind: "token_provider", message: "", rateLimit: null },
    shown:
      "broker mode: the bank token could not be obtained (`UPSTREAM_RATE_LIMITED` when for the token endpoint's rate: its 429 or the token budget)",
  },
  network: {
    error: { kind: "network", message: "", code: null },
    shown: "connection refused, reset or unresolvable",
  },
  internal: { error: { kind: "internal", message: "" }, shown: "anything unexpected" },
};

function clientKindsTable(): string {
  const codeIn = (error: IdpError, mode: "passthrough" | "broker") =>
    code(
      String(
        idpErrorToGraphQL(error, mode, GATEWAY_OPERATIONS.createCustomerToken).extensions.code,
      ),
    );
  return table(
    ["client kind", "outcome", "code (passthrough)", "code (broker)"],
    Object.entries(CLIENT_OUTCOMES).map(([kind, { error, shown }]) => [
      code(kind),
      shown,
      codeIn(error, "passthrough"),
      codeIn(error, "broker"),
    ]),
  );
}

function upstreamTable(): string {
  const rows = Object.values(GATEWAY_OPERATIONS).flatMap(({ operationId, errorCodes }) =>
    Object.entries(errorCodes).flatMap(([status, mapped]) => [
      [code(operationId), code(status), "any other", code(mapped.code)],
      ...Object.entries(mapped.messageCodes).map(([messageCode, mappedCode]) => [
        code(operationId),
        code(status),
        code(messageCode),
        code(mappedCode),
      ]),
    ]),
  );
  return table(["operation", "status", "message_code", "code"], rows);
}

/** Every generated block, by the name its markers carry. */
export const GENERATED_TABLES: Record<string, () => string> = {
  "settings-both": () => settingsTable("both"),
  "settings-broker": () => settingsTable("broker"),
  limits: limitsTable,
  "error-codes": errorCodesTable,
  "refusal-reasons": reasonsTable,
  "client-kinds": clientKindsTable,
  "upstream-errors": upstreamTable,
};

const BLOCK = /(<!-- generated: ([\w-]+) -->\n)[\s\S]*?(<!-- end generated -->)/g;

/** `markdown` with each generated block re-rendered; an unknown block name throws. */
export function withGeneratedTables(markdown: string): string {
  return markdown.replace(BLOCK, (_all, open: string, name: string, close: string) => {
    const render = GENERATED_TABLES[name];
    if (!render) throw new Error(`no generated table named ${name}`);
    return `${open}${render()}\n${close}`;
  });
}
