import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Copy, DockerfileParser, type Env, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { NODE_FLAGS } from "../src/core/node-flags.js";
import { loadConfig } from "../src/index.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const DOCKERFILE = read("../Dockerfile");
const MANIFEST = read("../../../deploy/kubernetes/gateway.yaml");
const ROOT_PACKAGE = JSON.parse(read("../../../package.json")) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const SUPPORTED_MAJORS = [...ROOT_PACKAGE.engines.node.matchAll(/\^(\d+)\./g)].map((m) => m[1]);

describe("the Dockerfile", () => {
  const dockerfile = DockerfileParser.parse(DOCKERFILE);
  const froms = dockerfile.getFROMs();
  const instructions = dockerfile.getInstructions();
  const finalStart = froms.at(-1)?.getRange().start.line ?? 0;
  const finalStage = instructions.filter((i) => i.getRange().start.line >= finalStart);
  const keyword = (stage: Instruction[], name: string) =>
    stage.filter((instruction) => instruction.getKeyword() === name);

  it("passes dockerfile-utils' lint (which does flag a broken file)", () => {
    expect(validate(DOCKERFILE)).toEqual([]);
    expect(validate("FROM\nEXPOSE port\n").length).toBeGreaterThan(0);
  });

  it("builds the deploy folder in one stage and copies only that folder into the image", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const build = keyword(instructions, "RUN").map((run) => run.getArgumentsContent() ?? "");
    expect(build.join("\n")).toContain("pnpm deploy:gateway /deploy/gateway");
    expect(ROOT_PACKAGE.scripts["deploy:gateway"]).toBeDefined();
    const copies = keyword(finalStage, "COPY") as Copy[];
    expect(
      copies.map((copy) => [copy.getFromFlag()?.getValue(), copy.getArgumentsContent()]),
    ).toEqual([["build", "/deploy/gateway /app"]]);
  });

  it("runs a supported Node line as a non-root user with NODE_ENV=production", () => {
    const image = dockerfile.getARGs()[0]?.getProperty()?.getValue() ?? "";
    expect(image).toMatch(new RegExp(`^node:(${SUPPORTED_MAJORS.join("|")})-`));
    // Every stage on that one image argument.
    expect(froms.map((from) => from.getImage())).toEqual(froms.map(() => `\${NODE_IMAGE}`));
    const users = keyword(finalStage, "USER").map((user) => user.getArgumentsContent());
    expect(users).toEqual(["node"]);
    const env = Object.fromEntries(
      (keyword(finalStage, "ENV") as Env[]).flatMap((instruction) =>
        instruction.getProperties().map((property) => [property.getName(), property.getValue()]),
      ),
    );
    expect(env).toMatchObject({ NODE_ENV: "production", HOST: "0.0.0.0" });
    // The image's settings are a configuration the gateway accepts.
    expect(loadConfig({ ...env, IDP_BASE_URL: "production" })).toMatchObject({ ok: true });
  });

  it("starts node itself with the gateway's V8 flags and checks liveness at /health", () => {
    const [cmd] = keyword(finalStage, "CMD");
    expect(JSON.parse(cmd?.getArgumentsContent() ?? "null")).toEqual([
      "node",
      ...NODE_FLAGS,
      "dist/main.js",
    ]);
    const [healthcheck] = keyword(finalStage, "HEALTHCHECK");
    expect(healthcheck?.getArgumentsContent()).toContain("/health");
  });
});

interface Container {
  env: { name: string; value?: string }[];
  ports: { name: string; containerPort: number }[];
  volumeMounts: { name: string; mountPath: string }[];
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  lifecycle: { preStop: { sleep: { seconds: number } } };
  resources: { requests: { memory: string }; limits: { memory: string } };
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: {
    replicas?: number;
    template?: {
      spec: {
        terminationGracePeriodSeconds: number;
        containers: Container[];
        volumes: { name: string; secret?: { secretName: string } }[];
      };
    };
  };
}

describe("the Kubernetes example", () => {
  const manifests = parseAllDocuments(MANIFEST).map((document) => document.toJS() as Manifest);
  const gateway = manifests.find(
    (manifest) => manifest.kind === "Deployment" && manifest.metadata.name === "tokengate-gateway",
  );
  const pod = gateway?.spec.template?.spec;
  const container = pod?.containers[0];
  const scratch = mkdtempSync(join(tmpdir(), "tokengate-k8s-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** The container's settings through the gateway's own loadConfig, the mounted secret replaced by a local file. */
  function containerConfig() {
    const env = Object.fromEntries(
      (container?.env ?? []).map((entry) => [entry.name, entry.value]),
    );
    const secretFile = join(scratch, "client-secret");
    writeFileSync(secretFile, "example-secret\n");
    const keyFile = join(scratch, "token-cache-key");
    writeFileSync(keyFile, `${"ab".repeat(32)}\n`);
    const loaded = loadConfig({
      ...env,
      IDP_CLIENT_SECRET_FILE: secretFile,
      TOKEN_CACHE_KEY_FILE: keyFile,
    });
    if (!loaded.ok) throw new Error(loaded.problems.join("; "));
    return { env, config: loaded.config };
  }

  it("configures the gateway with settings it accepts, in production and broker mode", () => {
    const { config } = containerConfig();
    expect(config.production).toBe(true);
    expect(config.broker).not.toBeNull();
  });

  it("mounts the client secret as a file from a Secret", () => {
    const { env } = containerConfig();
    const mount = container?.volumeMounts.find(
      (volumeMount) => volumeMount.mountPath === dirname(env.IDP_CLIENT_SECRET_FILE ?? ""),
    );
    const volume = pod?.volumes.find((candidate) => candidate.name === mount?.name);
    expect(volume?.secret?.secretName).toEqual(expect.any(String));
    expect(env.IDP_CLIENT_SECRET).toBeUndefined();
  });

  it("probes liveness at /health and readiness at /ready on the gateway's port", () => {
    const { config } = containerConfig();
    const port = (name: string) =>
      container?.ports.find((entry) => entry.name === name)?.containerPort;
    expect(container?.livenessProbe.httpGet.path).toBe("/health");
    expect(container?.readinessProbe.httpGet.path).toBe("/ready");
    expect(port(container?.livenessProbe.httpGet.port ?? "")).toBe(config.port);
    expect(port(container?.readinessProbe.httpGet.port ?? "")).toBe(config.port);
    expect(port("metrics")).toBe(config.metrics?.port);
  });

  it("gives preStop and the whole drain budget time before the kubelet's SIGKILL", () => {
    const { config } = containerConfig();
    const preStopMs = (container?.lifecycle.preStop.sleep.seconds ?? 0) * 1000;
    expect(preStopMs).toBeGreaterThan(0);
    expect((pod?.terminationGracePeriodSeconds ?? 0) * 1000).toBeGreaterThan(
      preStopMs + config.drainGraceMs,
    );
  });

  it("shares rate-limit counts between its replicas through a Redis the file defines", () => {
    const { config } = containerConfig();
    expect(gateway?.spec.replicas).toBeGreaterThan(1);
    const redisHost = new URL(config.redisUrl ?? "redis://missing").hostname;
    const services = manifests.filter((manifest) => manifest.kind === "Service");
    expect(services.map((service) => service.metadata.name)).toContain(redisHost);
  });

  it("limits memory above the measured peak (219 MB) and requests at least the idle RSS (100 MB)", () => {
    const mebibytes = (quantity = "") => Number(quantity.replace(/Mi$/, ""));
    expect(mebibytes(container?.resources.limits.memory) * 1.048576).toBeGreaterThan(219);
    expect(mebibytes(container?.resources.requests.memory) * 1.048576).toBeGreaterThan(100);
  });
});
