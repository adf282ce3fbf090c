/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
// @ts-nocheck
import ajvFormats from "ajv-formats/dist/formats.js";

const formats = ajvFormats.fullFormats;
export const isCreateCustomerTokenAnswer = validate10;
const schema11 = {"type":"object","description":"A minted customer token.","properties":{"access_token":{"type":"string","description":"The JWT access token for the customer."}}};

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.access_token !== undefined){
if(typeof data.access_token !== "string"){
validate10.errors = [{instancePath:instancePath+"/access_token",schemaPath:"#/properties/access_token/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}

export const isListBankApplicationsAnswer = validate11;
const schema12 = {"type":"object","description":"One page of the bank's OAuth2 applications.","required":["total","page","per_page","objects"],"properties":{"total":{"type":"integer","description":"The total number of records available."},"page":{"type":"integer","minimum":0,"description":"The page index."},"per_page":{"type":"integer","minimum":1,"description":"The number of records per page returned."},"objects":{"type":"array","description":"Array of applications","items":{"title":"Application","type":"object","description":"A bank OAuth2 application (an API key), without its secret.","required":["client_id","created_at","name","scopes"],"properties":{"name":{"type":"string","description":"Name provided for the OAuth2 application."},"client_id":{"type":"string","description":"The OAuth2 application's client ID."},"scopes":{"type":"array","description":"List of the scopes granted to the OAuth2 application.","items":{"title":"ApplicationScope","type":"string","description":"A scope a bank OAuth2 application can carry (a different list from a customer token's).","enum":["accounts:execute","accounts:read","bank_applications:execute","banks:execute","banks:read","banks:write","counterparties:execute","counterparties:pii:read","counterparties:read","counterparties:write","customers:execute","customers:pii:read","customers:read","customers:write","deposit_addresses:execute","deposit_addresses:read","deposit_bank_accounts:execute","deposit_bank_accounts:read","external_bank_accounts:execute","external_bank_accounts:pii:read","external_bank_accounts:read","external_bank_accounts:write","external_wallets:execute","external_wallets:read","files:execute","files:pii:read","files:read","identity_verifications:execute","identity_verifications:pii:read","identity_verifications:read","identity_verifications:write","invoices:execute","invoices:read","invoices:write","organization_applications:execute","organizations:read","organizations:write","persona_sessions:execute","prices:read","quotes:execute","quotes:read","subscription_events:execute","subscription_events:read","subscriptions:execute","subscriptions:read","subscriptions:write","trades:execute","trades:read","transfers:execute","transfers:read","transfers:write","users:execute","users:read","workflows:execute","workflows:read"]}},"created_at":{"type":"string","format":"date-time","description":"ISO8601 datetime the record was created at."},"updated_at":{"type":"string","format":"date-time","description":"ISO8601 datetime the record was last updated at."}}}}}};
const formats0 = formats["date-time"];

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.total === undefined) && (missing0 = "total")) || ((data.page === undefined) && (missing0 = "page"))) || ((data.per_page === undefined) && (missing0 = "per_page"))) || ((data.objects === undefined) && (missing0 = "objects"))){
validate11.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.total !== undefined){
let data0 = data.total;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate11.errors = [{instancePath:instancePath+"/total",schemaPath:"#/properties/total/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.page !== undefined){
let data1 = data.page;
const _errs3 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate11.errors = [{instancePath:instancePath+"/page",schemaPath:"#/properties/page/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate11.errors = [{instancePath:instancePath+"/page",schemaPath:"#/properties/page/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.per_page !== undefined){
let data2 = data.per_page;
const _errs5 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate11.errors = [{instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
validate11.errors = [{instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.objects !== undefined){
let data3 = data.objects;
const _errs7 = errors;
if(errors === _errs7){
if(Array.isArray(data3)){
var valid1 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs9 = errors;
if(errors === _errs9){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if(((((data4.client_id === undefined) && (missing1 = "client_id")) || ((data4.created_at === undefined) && (missing1 = "created_at"))) || ((data4.name === undefined) && (missing1 = "name"))) || ((data4.scopes === undefined) && (missing1 = "scopes"))){
validate11.errors = [{instancePath:instancePath+"/objects/" + i0,schemaPath:"#/properties/objects/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data4.name !== undefined){
const _errs11 = errors;
if(typeof data4.name !== "string"){
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/name",schemaPath:"#/properties/objects/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data4.client_id !== undefined){
const _errs13 = errors;
if(typeof data4.client_id !== "string"){
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/client_id",schemaPath:"#/properties/objects/items/properties/client_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data4.scopes !== undefined){
let data7 = data4.scopes;
const _errs15 = errors;
if(errors === _errs15){
if(Array.isArray(data7)){
var valid3 = true;
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
const _errs17 = errors;
if(typeof data8 !== "string"){
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/scopes/" + i1,schemaPath:"#/properties/objects/items/properties/scopes/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((((((((((((((((((((((((((((((((((((((((((((((((((data8 === "accounts:execute") || (data8 === "accounts:read")) || (data8 === "bank_applications:execute")) || (data8 === "banks:execute")) || (data8 === "banks:read")) || (data8 === "banks:write")) || (data8 === "counterparties:execute")) || (data8 === "counterparties:pii:read")) || (data8 === "counterparties:read")) || (data8 === "counterparties:write")) || (data8 === "customers:execute")) || (data8 === "customers:pii:read")) || (data8 === "customers:read")) || (data8 === "customers:write")) || (data8 === "deposit_addresses:execute")) || (data8 === "deposit_addresses:read")) || (data8 === "deposit_bank_accounts:execute")) || (data8 === "deposit_bank_accounts:read")) || (data8 === "external_bank_accounts:execute")) || (data8 === "external_bank_accounts:pii:read")) || (data8 === "external_bank_accounts:read")) || (data8 === "external_bank_accounts:write")) || (data8 === "external_wallets:execute")) || (data8 === "external_wallets:read")) || (data8 === "files:execute")) || (data8 === "files:pii:read")) || (data8 === "files:read")) || (data8 === "identity_verifications:execute")) || (data8 === "identity_verifications:pii:read")) || (data8 === "identity_verifications:read")) || (data8 === "identity_verifications:write")) || (data8 === "invoices:execute")) || (data8 === "invoices:read")) || (data8 === "invoices:write")) || (data8 === "organization_applications:execute")) || (data8 === "organizations:read")) || (data8 === "organizations:write")) || (data8 === "persona_sessions:execute")) || (data8 === "prices:read")) || (data8 === "quotes:execute")) || (data8 === "quotes:read")) || (data8 === "subscription_events:execute")) || (data8 === "subscription_events:read")) || (data8 === "subscriptions:execute")) || (data8 === "subscriptions:read")) || (data8 === "subscriptions:write")) || (data8 === "trades:execute")) || (data8 === "trades:read")) || (data8 === "transfers:execute")) || (data8 === "transfers:read")) || (data8 === "transfers:write")) || (data8 === "users:execute")) || (data8 === "users:read")) || (data8 === "workflows:execute")) || (data8 === "workflows:read"))){
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/scopes/" + i1,schemaPath:"#/properties/objects/items/properties/scopes/items/enum",keyword:"enum",params:{allowedValues: schema12.properties.objects.items.properties.scopes.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid3 = _errs17 === errors;
if(!valid3){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/scopes",schemaPath:"#/properties/objects/items/properties/scopes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs15 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data4.created_at !== undefined){
let data9 = data4.created_at;
const _errs19 = errors;
if(errors === _errs19){
if(errors === _errs19){
if(typeof data9 === "string"){
if(!(formats0.validate(data9))){
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/created_at",schemaPath:"#/properties/objects/items/properties/created_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/created_at",schemaPath:"#/properties/objects/items/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs19 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data4.updated_at !== undefined){
let data10 = data4.updated_at;
const _errs21 = errors;
if(errors === _errs21){
if(errors === _errs21){
if(typeof data10 === "string"){
if(!(formats0.validate(data10))){
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/updated_at",schemaPath:"#/properties/objects/items/properties/updated_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/objects/" + i0+"/updated_at",schemaPath:"#/properties/objects/items/properties/updated_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs21 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/objects/" + i0,schemaPath:"#/properties/objects/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs9 === errors;
if(!valid1){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/objects",schemaPath:"#/properties/objects/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate11.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate11.errors = vErrors;
return errors === 0;
}

export const isErrorResponse = validate12;
const schema13 = {"title":"ErrorResponse","type":"object","description":"The upstream's error body.","required":["status","error_message","message_code"],"properties":{"status":{"type":"integer","description":"Status code for Http Request"},"error_message":{"type":"string","description":"Error message"},"message_code":{"type":"string","description":"Message code for Error"}}};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.status === undefined) && (missing0 = "status")) || ((data.error_message === undefined) && (missing0 = "error_message"))) || ((data.message_code === undefined) && (missing0 = "message_code"))){
validate12.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.status !== undefined){
let data0 = data.status;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate12.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.error_message !== undefined){
const _errs3 = errors;
if(typeof data.error_message !== "string"){
validate12.errors = [{instancePath:instancePath+"/error_message",schemaPath:"#/properties/error_message/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.message_code !== undefined){
const _errs5 = errors;
if(typeof data.message_code !== "string"){
validate12.errors = [{instancePath:instancePath+"/message_code",schemaPath:"#/properties/message_code/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate12.errors = vErrors;
return errors === 0;
}

export const isBankToken = validate13;
const schema14 = {"title":"BankToken","type":"object","description":"An OAuth 2.0 token response.","required":["access_token","token_type","expires_in"],"properties":{"access_token":{"type":"string","description":"The bank's JWT access token."},"token_type":{"type":"string","description":"Always `Bearer`."},"expires_in":{"type":"integer","minimum":0,"description":"Seconds until the token expires."},"scope":{"type":"string","description":"Space-separated scopes granted."},"created_at":{"type":"integer","description":"When the token was created, in seconds since the epoch."}}};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.access_token === undefined) && (missing0 = "access_token")) || ((data.token_type === undefined) && (missing0 = "token_type"))) || ((data.expires_in === undefined) && (missing0 = "expires_in"))){
validate13.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.access_token !== undefined){
const _errs1 = errors;
if(typeof data.access_token !== "string"){
validate13.errors = [{instancePath:instancePath+"/access_token",schemaPath:"#/properties/access_token/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.token_type !== undefined){
const _errs3 = errors;
if(typeof data.token_type !== "string"){
validate13.errors = [{instancePath:instancePath+"/token_type",schemaPath:"#/properties/token_type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.expires_in !== undefined){
let data2 = data.expires_in;
const _errs5 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate13.errors = [{instancePath:instancePath+"/expires_in",schemaPath:"#/properties/expires_in/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate13.errors = [{instancePath:instancePath+"/expires_in",schemaPath:"#/properties/expires_in/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.scope !== undefined){
const _errs7 = errors;
if(typeof data.scope !== "string"){
validate13.errors = [{instancePath:instancePath+"/scope",schemaPath:"#/properties/scope/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data4 = data.created_at;
const _errs9 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate13.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate13.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate13.errors = vErrors;
return errors === 0;
}

export const isOAuthError = validate14;
const schema15 = {"title":"OAuthError","type":"object","description":"An OAuth 2.0 error response.","required":["error"],"properties":{"error":{"type":"string","description":"The OAuth 2.0 error code. tokengate's modelling: the upstream documents\nthis endpoint only by example, so the codes are the token endpoint's\nstandard ones (RFC 6749 section 5.2). Any other value is free text the\ngateway never logs or forwards (it may echo a credential).\n","enum":["invalid_request","invalid_client","invalid_grant","unauthorized_client","unsupported_grant_type","invalid_scope"]},"error_description":{"type":"string","description":"A human-readable explanation."}}};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.error === undefined) && (missing0 = "error")){
validate14.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.error !== undefined){
let data0 = data.error;
const _errs1 = errors;
if(typeof data0 !== "string"){
validate14.errors = [{instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((data0 === "invalid_request") || (data0 === "invalid_client")) || (data0 === "invalid_grant")) || (data0 === "unauthorized_client")) || (data0 === "unsupported_grant_type")) || (data0 === "invalid_scope"))){
validate14.errors = [{instancePath:instancePath+"/error",schemaPath:"#/properties/error/enum",keyword:"enum",params:{allowedValues: schema15.properties.error.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.error_description !== undefined){
const _errs3 = errors;
if(typeof data.error_description !== "string"){
validate14.errors = [{instancePath:instancePath+"/error_description",schemaPath:"#/properties/error_description/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate14.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate14.errors = vErrors;
return errors === 0;
}
