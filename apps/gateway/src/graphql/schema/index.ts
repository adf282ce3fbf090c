import { builder } from "../builder.js";
import "./scope.js";
import "../../generated/operations/index.js";
import "./error-code.js";

/** The gateway's GraphQL schema: the generated types from the spec, and one file per hand-written type or field (an operation's own in `src/operations/<operationId>/`). */
export const schema = builder.toSchema({ sortSchema: false });
