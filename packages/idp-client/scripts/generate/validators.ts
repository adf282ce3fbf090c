/**
 * Precompiles every JSON schema the client checks into standalone validator
 * code (Ajv's `standalone`), so that no schema is compiled when the client
 * loads and a format or keyword problem fails `pnpm generate`, never an
 * import. Formats come from `ajv-formats`; a string schema's
 * `x-tokengate-check` calls the check of that name in `src/checks.ts`.
 */

import { createRequire } from "node:module";
import type { Json } from "@tokengate/contract";
import { X } from "@tokengate/contract";
import { _, Ajv, type Options, str } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import { CHECKS } from "../../src/checks.js";

/** The validators of one file: export name → schema. */
export type ValidatorSchemas = Record<string, Json>;

/**
 * The Ajv that compiles the client's schemas: strict, with `ajv-formats` and
 * the `x-tokengate-check` keyword. Exported for tests that compile a schema
 * of their own in-process; the client itself only loads generated code.
 */
export function ajvFor(options: Options): Ajv {
  // Format functions are imported by the generated module, not inlined.
  const ajv = new Ajv({
    ...options,
    strict: true,
    code: { source: true, esm: true, lines: true, formats: _`formats` },
  });
  addFormats.default(ajv);
  ajv.addKeyword({
    keyword: X.check,
    type: "string",
    schemaType: "string",
    error: {
      message: ({ params }) => str`${params.problem}`,
      params: ({ params }) => _`{check: ${params.check}, problem: ${params.problem}}`,
    },
    code(cxt) {
      const { gen, data, schema, parentSchema } = cxt;
      if (typeof parentSchema.pattern !== "string") {
        throw new Error(`${X.check}: "${schema}" needs a pattern beside it`);
      }
      const check = CHECKS[schema];
      if (!check) throw new Error(`${X.check}: no check is named "${schema}"`);
      // `ref` runs in-process; `code` is what the generated module says (it imports `checks`).
      const run = gen.scopeValue("keyword", { ref: check, code: _`checks[${schema}]` });
      const source = parentSchema.pattern;
      const pattern = gen.scopeValue("pattern", {
        key: source,
        ref: new RegExp(source, "u"),
        code: _`new RegExp(${source}, "u")`,
      });
      // A check runs only on values its schema's pattern accepts; the others fail that pattern.
      const problem = gen.const(
        "problem",
        _`${pattern}.test(${data}) ? ${run}(${data}) : undefined`,
      );
      cxt.setParams({ check: schema, problem });
      cxt.fail(_`${problem} !== undefined`);
    },
  });
  return ajv;
}

/** The request validators' options: every issue, with the schema that failed. */
export const REQUEST_OPTIONS: Options = { allErrors: true, verbose: true };

const require = createRequire(import.meta.url);

/**
 * Ajv's runtime helpers (`ucs2length`, `equal`: self-contained functions)
 * inlined, since the generated code would `require` them from Ajv's CommonJS
 * files, which bundlers and Node interpret differently from an ES module.
 */
function inlineRuntime(code: string): string {
  return code.replace(
    /const (\w+) = require\("([^"]+)"\)\.default;/g,
    (_match, name: string, module: string) => {
      const helper: unknown = require(module).default;
      if (typeof helper !== "function") throw new Error(`${module} is not a function`);
      return `const ${name} = ${helper.toString()};`;
    },
  );
}

/**
 * One TypeScript module of standalone validators. `allErrors` and
 * `verbose` for requests (every issue is reported, with the schema that
 * failed); the first error is enough for an answer.
 */
export function validatorsModule(
  header: string,
  schemas: ValidatorSchemas,
  options: { forRequests: boolean },
): string {
  const ajv = ajvFor(options.forRequests ? REQUEST_OPTIONS : {});
  const exports: Record<string, string> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(schema as object, name);
    exports[name] = name;
  }
  const code = inlineRuntime(standaloneCode.default(ajv, exports)).replace(/^"use strict";\n/, "");
  const imports = [
    'import ajvFormats from "ajv-formats/dist/formats.js";',
    options.forRequests ? 'import { CHECKS as checks } from "../checks.js";' : "",
  ]
    .filter(Boolean)
    .join("\n");
  // Generated JavaScript: typed by the hand-written modules that import it.
  return `${header}// @ts-nocheck
${imports}

const formats = ajvFormats.fullFormats;
${code}`;
}
