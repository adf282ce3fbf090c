export { X } from "./extensions.js";
export {
  checkGraphQLName,
  graphqlEnumValueName,
  graphqlFieldName,
  graphqlTypeName,
} from "./naming.js";
export {
  type BodyContract,
  type ErrorContract,
  type FieldContract,
  type GraphQLOperation,
  type MessageCodeContract,
  type OperationContract,
  type ParameterContract,
  readOperation,
  readOperations,
} from "./operation.js";
export {
  ContractError,
  collectValues,
  inlineSchema,
  isObject,
  type Json,
  type JsonObject,
  loadSpec,
  resolvePointer,
  withoutExtensions,
} from "./spec.js";
