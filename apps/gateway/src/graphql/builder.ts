import SchemaBuilder from "@pothos/core";
import { DateTimeResolver } from "graphql-scalars";
import type { GatewayContext } from "./context.js";

/** The one Pothos builder; every type parameter is declared here, once. */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
}>({
  defaultFieldNullability: false,
});

builder.addScalarType("DateTime", DateTimeResolver);
