import { GATEWAY_ERROR_CODES } from "../../core/error-codes.js";
import { builder } from "../builder.js";

/**
 * No field returns it: it is in the schema so that GraphQL clients'
 * codegen types `extensions.code` as this union instead of a string.
 */
builder.enumType("GatewayErrorCode", {
  description:
    "Every `extensions.code` an error from this gateway can carry (HTTP-level refusals included).",
  values: Object.fromEntries(
    Object.entries(GATEWAY_ERROR_CODES).map(([code, description]) => [code, { description }]),
  ),
});
