/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
// @ts-nocheck
import ajvFormats from "ajv-formats/dist/formats.js";
import { CHECKS as checks } from "../checks.js";

const formats = ajvFormats.fullFormats;
export const validateCreateCustomerTokenRequest = validate10;
const schema11 = {"type":"object","description":"Request to mint a customer access token.","required":["customer_guid","scopes"],"properties":{"customer_guid":{"type":"string","description":"Customer guid the access token is being generated for: 32 hexadecimal digits.","minLength":32,"maxLength":32,"pattern":"^[0-9a-fA-F]{32}$"},"scopes":{"type":"array","description":"List of the scopes requested for the access token.","minItems":1,"uniqueItems":true,"items":{"title":"CustomerTokenScope","type":"string","description":"A scope a customer token can carry.","enum":["counterparties:read","counterparties:pii:read","counterparties:write","counterparties:execute","customers:read","customers:pii:read","customers:write","accounts:read","accounts:write","accounts:execute","prices:read","quotes:read","quotes:execute","trades:read","trades:execute","transactions:read","transfers:read","transfers:write","transfers:execute","external_bank_accounts:read","external_bank_accounts:pii:read","external_bank_accounts:write","external_bank_accounts:execute","external_wallets:read","external_wallets:write","external_wallets:execute","workflows:read","workflows:execute","deposit_addresses:read","deposit_addresses:write","deposit_addresses:execute","deposit_bank_accounts:read","deposit_bank_accounts:write","deposit_bank_accounts:execute","invoices:read","invoices:write","invoices:execute","identity_verifications:read","identity_verifications:pii:read","identity_verifications:write","identity_verifications:execute","persona_sessions:execute","sardine_sessions:execute","plans:execute","plans:read","executions:execute","executions:read"]}},"inherit_ip_allowlist":{"type":"boolean","nullable":true,"default":true,"description":"When true the customer token inherits the IP allowlist of the bank\nAPI key that creates it.\n"},"ip_allowlist":{"type":"array","nullable":true,"maxItems":64,"description":"Public IPv4 addresses or CIDR ranges the token is restricted to;\ncombined with the inherited list when inherit_ip_allowlist is true.\nWritten in canonical form: dotted quads without leading zeros, an\noptional /prefix from 0 to 32.\n","items":{"type":"string","description":"An IPv4 address or CIDR range in canonical form (like 34.120.17.5 or 52.94.0.0/16).","x-tokengate-check":"public-ipv4","pattern":"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?$"}}},"additionalProperties":false};
const func2 = function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
};
const pattern0 = new RegExp("^[0-9a-fA-F]{32}$", "u");
const pattern1 = new RegExp("^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?$", "u");
const pattern2 = new RegExp("^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?$", "u");
const keyword0 = checks["public-ipv4"];

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.customer_guid === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "customer_guid"},message:"must have required property '"+"customer_guid"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.scopes === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "scopes"},message:"must have required property '"+"scopes"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "customer_guid") || (key0 === "scopes")) || (key0 === "inherit_ip_allowlist")) || (key0 === "ip_allowlist"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.customer_guid !== undefined){
let data0 = data.customer_guid;
if(typeof data0 === "string"){
if(func2(data0) > 32){
const err3 = {instancePath:instancePath+"/customer_guid",schemaPath:"#/properties/customer_guid/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.customer_guid,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(func2(data0) < 32){
const err4 = {instancePath:instancePath+"/customer_guid",schemaPath:"#/properties/customer_guid/minLength",keyword:"minLength",params:{limit: 32},message:"must NOT have fewer than 32 characters",schema:32,parentSchema:schema11.properties.customer_guid,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern0.test(data0)){
const err5 = {instancePath:instancePath+"/customer_guid",schemaPath:"#/properties/customer_guid/pattern",keyword:"pattern",params:{pattern: "^[0-9a-fA-F]{32}$"},message:"must match pattern \""+"^[0-9a-fA-F]{32}$"+"\"",schema:"^[0-9a-fA-F]{32}$",parentSchema:schema11.properties.customer_guid,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/customer_guid",schemaPath:"#/properties/customer_guid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.customer_guid.type,parentSchema:schema11.properties.customer_guid,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.scopes !== undefined){
let data1 = data.scopes;
if(Array.isArray(data1)){
if(data1.length < 1){
const err7 = {instancePath:instancePath+"/scopes",schemaPath:"#/properties/scopes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.scopes,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 !== "string"){
const err8 = {instancePath:instancePath+"/scopes/" + i0,schemaPath:"#/properties/scopes/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.scopes.items.type,parentSchema:schema11.properties.scopes.items,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(((((((((((((((((((((((((((((((((((((((((((((((data2 === "counterparties:read") || (data2 === "counterparties:pii:read")) || (data2 === "counterparties:write")) || (data2 === "counterparties:execute")) || (data2 === "customers:read")) || (data2 === "customers:pii:read")) || (data2 === "customers:write")) || (data2 === "accounts:read")) || (data2 === "accounts:write")) || (data2 === "accounts:execute")) || (data2 === "prices:read")) || (data2 === "quotes:read")) || (data2 === "quotes:execute")) || (data2 === "trades:read")) || (data2 === "trades:execute")) || (data2 === "transactions:read")) || (data2 === "transfers:read")) || (data2 === "transfers:write")) || (data2 === "transfers:execute")) || (data2 === "external_bank_accounts:read")) || (data2 === "external_bank_accounts:pii:read")) || (data2 === "external_bank_accounts:write")) || (data2 === "external_bank_accounts:execute")) || (data2 === "external_wallets:read")) || (data2 === "external_wallets:write")) || (data2 === "external_wallets:execute")) || (data2 === "workflows:read")) || (data2 === "workflows:execute")) || (data2 === "deposit_addresses:read")) || (data2 === "deposit_addresses:write")) || (data2 === "deposit_addresses:execute")) || (data2 === "deposit_bank_accounts:read")) || (data2 === "deposit_bank_accounts:write")) || (data2 === "deposit_bank_accounts:execute")) || (data2 === "invoices:read")) || (data2 === "invoices:write")) || (data2 === "invoices:execute")) || (data2 === "identity_verifications:read")) || (data2 === "identity_verifications:pii:read")) || (data2 === "identity_verifications:write")) || (data2 === "identity_verifications:execute")) || (data2 === "persona_sessions:execute")) || (data2 === "sardine_sessions:execute")) || (data2 === "plans:execute")) || (data2 === "plans:read")) || (data2 === "executions:execute")) || (data2 === "executions:read"))){
const err9 = {instancePath:instancePath+"/scopes/" + i0,schemaPath:"#/properties/scopes/items/enum",keyword:"enum",params:{allowedValues: schema11.properties.scopes.items.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.scopes.items.enum,parentSchema:schema11.properties.scopes.items,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
let i1 = data1.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data1[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err10 = {instancePath:instancePath+"/scopes",schemaPath:"#/properties/scopes/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema11.properties.scopes,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err11 = {instancePath:instancePath+"/scopes",schemaPath:"#/properties/scopes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.scopes.type,parentSchema:schema11.properties.scopes,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.inherit_ip_allowlist !== undefined){
let data3 = data.inherit_ip_allowlist;
if((typeof data3 !== "boolean") && (data3 !== null)){
const err12 = {instancePath:instancePath+"/inherit_ip_allowlist",schemaPath:"#/properties/inherit_ip_allowlist/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.inherit_ip_allowlist.type,parentSchema:schema11.properties.inherit_ip_allowlist,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.ip_allowlist !== undefined){
let data4 = data.ip_allowlist;
if((!(Array.isArray(data4))) && (data4 !== null)){
const err13 = {instancePath:instancePath+"/ip_allowlist",schemaPath:"#/properties/ip_allowlist/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.ip_allowlist.type,parentSchema:schema11.properties.ip_allowlist,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(Array.isArray(data4)){
if(data4.length > 64){
const err14 = {instancePath:instancePath+"/ip_allowlist",schemaPath:"#/properties/ip_allowlist/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema11.properties.ip_allowlist,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len1 = data4.length;
for(let i2=0; i2<len1; i2++){
let data5 = data4[i2];
if(typeof data5 === "string"){
if(!pattern1.test(data5)){
const err15 = {instancePath:instancePath+"/ip_allowlist/" + i2,schemaPath:"#/properties/ip_allowlist/items/pattern",keyword:"pattern",params:{pattern: "^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?$"},message:"must match pattern \""+"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?$"+"\"",schema:"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?$",parentSchema:schema11.properties.ip_allowlist.items,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const problem0 = pattern2.test(data5) ? keyword0(data5) : undefined;
if(problem0 !== undefined){
const err16 = {instancePath:instancePath+"/ip_allowlist/" + i2,schemaPath:"#/properties/ip_allowlist/items/x-tokengate-check",keyword:"x-tokengate-check",params:{check: "public-ipv4", problem: problem0},message:problem0,schema:"public-ipv4",parentSchema:schema11.properties.ip_allowlist.items,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/ip_allowlist/" + i2,schemaPath:"#/properties/ip_allowlist/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ip_allowlist.items.type,parentSchema:schema11.properties.ip_allowlist.items,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateCreateCustomerTokenRequestSizes = validate11;
const schema12 = {"type":"object","properties":{"customer_guid":{"type":"string","maxLength":32},"scopes":{"type":"array"},"inherit_ip_allowlist":{"type":"boolean","nullable":true},"ip_allowlist":{"type":"array","nullable":true,"maxItems":64}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.customer_guid !== undefined){
let data0 = data.customer_guid;
if(typeof data0 === "string"){
if(func2(data0) > 32){
const err0 = {instancePath:instancePath+"/customer_guid",schemaPath:"#/properties/customer_guid/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema12.properties.customer_guid,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/customer_guid",schemaPath:"#/properties/customer_guid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.customer_guid.type,parentSchema:schema12.properties.customer_guid,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.scopes !== undefined){
let data1 = data.scopes;
if(!(Array.isArray(data1))){
const err2 = {instancePath:instancePath+"/scopes",schemaPath:"#/properties/scopes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.scopes.type,parentSchema:schema12.properties.scopes,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.inherit_ip_allowlist !== undefined){
let data2 = data.inherit_ip_allowlist;
if((typeof data2 !== "boolean") && (data2 !== null)){
const err3 = {instancePath:instancePath+"/inherit_ip_allowlist",schemaPath:"#/properties/inherit_ip_allowlist/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties.inherit_ip_allowlist.type,parentSchema:schema12.properties.inherit_ip_allowlist,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.ip_allowlist !== undefined){
let data3 = data.ip_allowlist;
if((!(Array.isArray(data3))) && (data3 !== null)){
const err4 = {instancePath:instancePath+"/ip_allowlist",schemaPath:"#/properties/ip_allowlist/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.ip_allowlist.type,parentSchema:schema12.properties.ip_allowlist,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(Array.isArray(data3)){
if(data3.length > 64){
const err5 = {instancePath:instancePath+"/ip_allowlist",schemaPath:"#/properties/ip_allowlist/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema12.properties.ip_allowlist,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

export const validateListBankApplicationsRequest = validate12;
const schema13 = {"type":"object","title":"ListBankApplicationsParameters","properties":{"page":{"title":"ListRequestPage","type":"integer","description":"The page index to retrieve.","minimum":0},"per_page":{"title":"ListRequestPerPage","type":"integer","description":"The number of entities per page to return.","minimum":1,"maximum":100},"bank_guid":{"type":"string"}},"additionalProperties":false};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "page") || (key0 === "per_page")) || (key0 === "bank_guid"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.page !== undefined){
let data0 = data.page;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/page",schemaPath:"#/properties/page/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.page.type,parentSchema:schema13.properties.page,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/page",schemaPath:"#/properties/page/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13.properties.page,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
if(data.per_page !== undefined){
let data1 = data.per_page;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err3 = {instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.per_page.type,parentSchema:schema13.properties.per_page,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 100 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema13.properties.per_page,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err5 = {instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema13.properties.per_page,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data.bank_guid !== undefined){
let data2 = data.bank_guid;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/bank_guid",schemaPath:"#/properties/bank_guid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.bank_guid.type,parentSchema:schema13.properties.bank_guid,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}

export const validateListBankApplicationsRequestSizes = validate13;
const schema14 = {"type":"object","properties":{"page":{"type":"integer"},"per_page":{"type":"integer"},"bank_guid":{"type":"string"}}};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.page !== undefined){
let data0 = data.page;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err0 = {instancePath:instancePath+"/page",schemaPath:"#/properties/page/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema14.properties.page.type,parentSchema:schema14.properties.page,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.per_page !== undefined){
let data1 = data.per_page;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err1 = {instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema14.properties.per_page.type,parentSchema:schema14.properties.per_page,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.bank_guid !== undefined){
let data2 = data.bank_guid;
if(typeof data2 !== "string"){
const err2 = {instancePath:instancePath+"/bank_guid",schemaPath:"#/properties/bank_guid/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.bank_guid.type,parentSchema:schema14.properties.bank_guid,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}
