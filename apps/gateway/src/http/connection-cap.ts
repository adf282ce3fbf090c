import type { Server } from "node:http";
import type { Socket } from "node:net";

/** Why a new connection was closed at once: every connection busy, or its address had its share. */
import type { ConnectionRefusal } from "../ops/telemetry.js";

export type { ConnectionRefusal };

export interface ConnectionCap {
  /** Open connections beyond this many are refused… */
  maxConnections: number;
  /** …and beyond this many from one remote address. */
  maxConnectionsPerAddress: number;
}

/**
 * Bounds the server's connections, so that no one client can hold them
 * all. A new connection from an address that already holds its share is
 * closed; at the overall cap, the connections sitting idle between
 * requests (keep-alive, or never used) are closed first to make room, and
 * only if every connection is busy is the new one refused. Node's own
 * `server.maxConnections` refuses the newcomer while idle sockets keep
 * their slots, so one client pinging every few seconds can lock every
 * other caller (and the liveness probe) out. `refused` hears of each
 * refusal.
 */
export function capConnections(
  server: Server,
  cap: ConnectionCap,
  refused: (reason: ConnectionRefusal) => void,
): void {
  const open = new Set<Socket>();
  const perAddress = new Map<string, number>();
  const alive = () => {
    let count = 0;
    for (const socket of open) if (!socket.destroyed) count += 1;
    return count;
  };
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "";
    const held = perAddress.get(address) ?? 0;
    if (held >= cap.maxConnectionsPerAddress) {
      socket.destroy();
      return refused("per_address");
    }
    if (open.size >= cap.maxConnections) {
      // Destroys them synchronously; their close events (and counts) follow.
      server.closeIdleConnections();
      if (alive() >= cap.maxConnections) {
        socket.destroy();
        return refused("capacity");
      }
    }
    open.add(socket);
    perAddress.set(address, held + 1);
    socket.once("close", () => {
      open.delete(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left === 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
}
