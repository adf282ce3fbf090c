import { builder } from "../builder.js";
import "../generated/create-customer-token.js";
import "./scope.js";
import "./customer-token.js";
import "./create-customer-token.js";
import "./error-code.js";

/** The gateway's GraphQL schema: the generated types from the spec, and one file per hand-written type or field. */
export const schema = builder.toSchema({ sortSchema: false });
