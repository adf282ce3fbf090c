import { builder } from "../builder.js";
import "./scope.js";
import "./customer-token.js";
import "./create-customer-token.js";
import "./error-code.js";

/** The gateway's GraphQL schema, assembled from one file per type. */
export const schema = builder.toSchema({ sortSchema: false });
