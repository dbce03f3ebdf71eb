import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findPortHolder, portBusyMessage } from './port-holder';

export class PortBusyError extends Error {}

/** Binds the port; a busy port becomes a PortBusyError naming the holder. Kills nothing. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      const holder = await findPortHolder(port).catch(() => undefined);
      reject(new PortBusyError(portBusyMessage(host, port, holder)));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
