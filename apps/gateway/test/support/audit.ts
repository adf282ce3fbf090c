import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { encodedForms } from "../../src/core/secrets.js";
import type { AuditEvent } from "../../src/ops/audit/event.js";

/** The committed schema file, as published (not the code's object it is generated from). */
const SCHEMA: unknown = JSON.parse(
  readFileSync(new URL("../../audit-event.schema.json", import.meta.url), "utf8"),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile<AuditEvent>(SCHEMA as object);

/** Lines of a stream that are audit events: `"audit":true` tells them from the logs. */
export function auditLines(lines: readonly string[]): string[] {
  return lines
    .flatMap((chunk) => chunk.split("\n"))
    .filter((line) => line.includes('"audit":true'));
}

/** Every audit event among `lines`, each validated against `audit-event.schema.json`. */
export function auditEvents(lines: readonly string[]): AuditEvent[] {
  return auditLines(lines).map((line) => {
    const event: unknown = JSON.parse(line);
    if (!validate(event)) {
      throw new Error(`audit event breaks the schema: ${ajv.errorsText(validate.errors)}\n${line}`);
    }
    return event;
  });
}

/** The audit events of one request, by its `x-request-id`. */
export function auditEventsOf(lines: readonly string[], requestId: string | null): AuditEvent[] {
  expect(requestId).toBeTruthy();
  return auditEvents(lines).filter((event) => event.requestId === requestId);
}

/** No audit line holds any of `secrets`, as is or in any encoded form (base64, URL-encoded, …). */
export function expectNoSecretIn(lines: readonly string[], secrets: readonly string[]): void {
  const text = auditLines(lines).join("\n");
  for (const secret of secrets) {
    for (const form of encodedForms(secret)) expect(text).not.toContain(form);
  }
}
